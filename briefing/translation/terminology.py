"""Termbase terms enforced in machine translation: protected on the way in, the official term on the way out.

A model will never turn "한미 국방우주정책 실무협의회" into "Korea-U.S. Space Cooperation Working Group". Before a
sentence goes to the model, every term the termbase finds in it becomes a numbered placeholder (`⟦T1⟧`) that the
model carries through like a name; afterwards each placeholder becomes the entry's preferred term in the target
language. Into Korean, the particle the model wrote after the placeholder is changed to suit the inserted term
("합참은", "국방부는"); into English, a Korean particle a model copied after it is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from briefing.language.particles import PARTICLE_PATTERN, choose
from briefing.messages import Message, register
from briefing.model import Language
from briefing.terms.model import Hit

register({"terms.lost_in_translation": "the translation lost the term {term}; it was added at the end"})

FindTerms = Callable[[str, Language], Sequence[Hit]]

# Verbs and adjectives inflect ("합의하였다" / "합의했으며"; "agreed" / "agree"): forcing one form through the
# model would break the sentence, so they are marked in the editors and checked by QA but left to the model.
# Names, nouns and fixed phrases are enforced.
NOT_ENFORCED = frozenset({"verb", "adjective"})

_TERM_PLACEHOLDER = re.compile(r"⟦T(\d+)⟧")
# Particles right after a placeholder (possibly several: "으로서의"), ending a word.
_PARTICLES_AFTER = re.compile(rf"({PARTICLE_PATTERN})((?:{PARTICLE_PATTERN})*)(?![가-힣])")


@dataclass(frozen=True)
class Protected:
    """A sentence with its terms replaced by placeholders, and the target term each one stands for."""

    text: str
    terms: dict[int, str] = field(default_factory=dict)


def target_text(hit: Hit, source_text: str, target: Language) -> str | None:
    """What a hit becomes in `target`: the preferred term, with its acronym when the source named both
    ("실무협의회(SCWG)"), the acronym alone when only the acronym was written (or the full term when the target
    has no acronym: "JCS" → "합참"); None if the entry has no term in that language."""
    preferred = hit.target(target)
    if preferred is None:
        return None
    matched = source_text[hit.start : hit.end]
    written = hit.term.acronym
    if written and matched.strip() == written:  # only the acronym was written
        return preferred.acronym or preferred.text
    if written and "(" in matched and written in matched:
        # Both were written: both come out. A Latin acronym serves both languages ("실무협의회(SCWG)") when the
        # target term has none of its own.
        acronym = preferred.acronym or (written if written.isascii() else "")
        if acronym:
            space = "" if target is Language.KO else " "  # Korean writes "실무협의회(SCWG)"
            return f"{preferred.text}{space}({acronym})"
    return preferred.text


def protect(sentence: str, source: Language, target: Language, find: FindTerms) -> Protected:
    """The sentence with each term hit replaced by `⟦Tn⟧`, numbered in reading order."""
    terms: dict[int, str] = {}
    out: list[str] = []
    position = 0
    for hit in sorted(find(sentence, source), key=lambda h: h.start):
        if hit.start < position or hit.term.part_of_speech in NOT_ENFORCED:
            continue
        replacement = target_text(hit, sentence, target)
        if replacement is None:
            continue
        number = len(terms) + 1
        terms[number] = replacement
        out += [sentence[position : hit.start], f"⟦T{number}⟧"]
        position = hit.end
    out.append(sentence[position:])
    return Protected("".join(out), terms)


def restore(translation: str, protected: Protected, target: Language) -> tuple[str, list[Message]]:
    """The model's output with each placeholder turned into its term; a lost term is appended, with a warning."""
    warnings: list[Message] = []
    seen: set[int] = set()
    pieces: list[str] = []
    position = 0
    for match in _TERM_PLACEHOLDER.finditer(translation):
        number = int(match.group(1))
        pieces.append(translation[position : match.start()])
        position = match.end()
        term = protected.terms.get(number)
        if term is None or number in seen:
            continue  # a placeholder the model made up, or repeated
        seen.add(number)
        pieces.append(term)
        particles = _PARTICLES_AFTER.match(translation, position)
        if particles is not None:
            if target is Language.KO:
                pieces.append(choose(term, particles.group(1)) + particles.group(2))
            position = particles.end()  # into English, a particle the model copied is dropped
    pieces.append(translation[position:])
    text = "".join(pieces)
    for number, term in protected.terms.items():
        if number not in seen:
            text = f"{text} {term}" if text else term
            warnings.append(Message("terms.lost_in_translation", {"term": term}))
    return text, warnings
