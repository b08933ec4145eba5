"""Markdown-aware splitting of an item's text into the sentences a translation model should see.

Only prose is translated. List markers, indentation, headings, `※`/`*` note marks, line breaks,
code, URLs and link targets stay out of the model's sight; emphasis and link text become numbered
placeholders (`⟦1⟧…⟦/1⟧`) that travel with the words they belong to and are turned back into markup
afterwards. `Extracted.assemble()` rebuilds the text from translated sentences; with an identity
"translation" it returns the input exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing.language.segmentation import split_sentences
from briefing.messages import Message, register

register(
    {
        "markup.lost_pair": "the translation lost the markup {opening}…{closing}",
        "markup.lost_atom": "the translation lost {atom}; it was added at the end",
    }
)

_LINE_PREFIX = re.compile(r"^[ \t]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+|>[ \t]?|#{1,6}[ \t]+|※[ \t]*|[▵△][ \t]*)*")

# Pieces of a line that are never translated, replaced by a single placeholder.
_ATOMS = re.compile(
    r"`[^`\n]+`"  # code
    r"|!\[[^\]\n]{0,1000}\]\([^)\n]{0,2048}\)"  # images
    r"|<(?:https?://|mailto:)[^>\s]+>"  # autolinks
    r"|<\/?[A-Za-z][^<>\n]*>"  # raw HTML tags (shown as text, never interpreted)
    r"|\\[\\`*_{}\[\]()#+\-.!|~<>]"  # backslash escapes
    r"|⟦(?:/?|T)\d+⟧"  # text that reads like a placeholder (markup's or a term's): kept as typed, never ours
)
_BARE_URL = re.compile(r"https?://[^\s<>()\[\]⟦⟧]{0,2048}[^\s<>()\[\]⟦⟧.,;:!?\"'’”]")
# Markup around words: (pattern, opening markup group or text, closing).
_LINK = re.compile(r"\[([^\[\]\n]+)\]\(([^()\s]*(?:\s+\"[^\"\n]*\")?)\)")
# Bounded spans and rounds keep a line's work linear ("**a " * 5000 would otherwise take seconds):
# longer emphasis, or emphasis nested deeper, stays in the text as typed.
_MAX_ROUNDS = 16
_PAIRS = (
    re.compile(r"\*\*(?=\S)(.{1,1000}?)(?<=\S)\*\*"),
    re.compile(r"(?<!\w)__(?=\S)(.{1,1000}?)(?<=\S)__(?!\w)"),
    re.compile(r"(?<![\w*])\*(?=[^\s*])(.{1,1000}?)(?<=[^\s*])\*(?![\w*])"),
    re.compile(r"(?<![\w_])_(?=[^\s_])(.{1,1000}?)(?<=[^\s_])_(?![\w_])"),
)
_PLACEHOLDER = re.compile(r"⟦(/?)(\d+)⟧")
_TRANSLATABLE = re.compile(r"[^\W\d_]", re.UNICODE)  # at least one letter


@dataclass
class Inline:
    """Placeholders of one line: what each number stands for."""

    atoms: dict[int, str] = field(default_factory=dict)
    pairs: dict[int, tuple[str, str]] = field(default_factory=dict)
    counter: int = 0

    def next(self) -> int:
        self.counter += 1
        return self.counter


@dataclass
class Extracted:
    """A text split into fixed parts and sentences to translate (by index into `segments`)."""

    parts: list[str | int]
    segments: list[str]
    placeholders: list[Inline]  # per segment: the placeholders of the segment's line
    expected: list[set[tuple[bool, int]]]  # per segment: the placeholders the segment itself holds

    def assemble(self, translations: list[str]) -> tuple[str, list[Message]]:
        """The text with each segment replaced by its translation; and any warnings."""
        if len(translations) != len(self.segments):
            raise ValueError(f"expected {len(self.segments)} translations, got {len(translations)}")
        warnings: list[Message] = []
        out = []
        for part in self.parts:
            if isinstance(part, int):
                text, problems = restore(translations[part], self.placeholders[part], self.expected[part])
                out.append(text)
                warnings += problems
            else:
                out.append(part)
        return "".join(out), warnings


def extract(text: str) -> Extracted:
    parts: list[str | int] = []
    segments: list[str] = []
    placeholders: list[Inline] = []
    expected: list[set[tuple[bool, int]]] = []
    for number, line in enumerate(text.split("\n")):
        if number:
            parts.append("\n")
        prefix = _LINE_PREFIX.match(line)
        start = prefix.end() if prefix else 0
        end = _suffix_start(line, start)
        parts.append(line[:start])
        content, inline = protect(line[start:end])
        for piece in split_sentences(content):
            if piece.is_sentence and _TRANSLATABLE.search(_PLACEHOLDER.sub("", piece.text)):
                parts.append(len(segments))
                segments.append(piece.text)
                placeholders.append(inline)
                expected.append(tokens_in(piece.text))
            else:
                parts.append(restore(piece.text, inline)[0])
        parts.append(line[end:])
    return Extracted([p for p in parts if p != ""], segments, placeholders, expected)


def _suffix_start(line: str, start: int) -> int:
    """Where a line's hard break (two spaces or a backslash) and carriage return begin; computed rather than
    searched for, since a regular expression's search backtracks quadratically over a long run of spaces."""
    end = len(line) - 1 if line.endswith("\r") and len(line) - 1 >= start else len(line)
    if end > start and line[end - 1] == "\\":
        return end - 1
    body = line[start:end]
    spaces = len(body) - len(body.rstrip(" \t"))
    return end - spaces if spaces >= 2 else end


def protect(content: str) -> tuple[str, Inline]:
    """Replace markup in one line with numbered placeholders."""
    inline = Inline()

    def atom(match: re.Match[str]) -> str:
        number = inline.next()
        inline.atoms[number] = match.group(0)
        return f"⟦{number}⟧"

    def link(match: re.Match[str]) -> str:
        number = inline.next()
        inline.pairs[number] = ("[", f"]({match.group(2)})")
        return f"⟦{number}⟧{match.group(1)}⟦/{number}⟧"

    content = _ATOMS.sub(atom, content)
    content = _LINK.sub(link, content)  # before bare URLs, so that a link keeps its target
    content = _BARE_URL.sub(atom, content)
    for _round in range(_MAX_ROUNDS):
        changed = False
        for pattern in _PAIRS:

            def pair(match: re.Match[str], pattern: re.Pattern[str] = pattern) -> str:
                number = inline.next()
                marker = match.group(0)[: match.start(1) - match.start(0)]
                inline.pairs[number] = (marker, marker)
                return f"⟦{number}⟧{match.group(1)}⟦/{number}⟧"

            content, count = pattern.subn(pair, content)
            changed = changed or count > 0
        if not changed:
            break
    return _renumber(content, inline)


def _renumber(content: str, inline: Inline) -> tuple[str, Inline]:
    """Number placeholders in reading order, so the same sentence always reads the same (and is
    translated once, and found in the memory) wherever it stands."""
    order: dict[int, int] = {}
    for match in _PLACEHOLDER.finditer(content):
        order.setdefault(int(match.group(2)), len(order) + 1)
    renumbered = Inline(
        atoms={order[n]: text for n, text in inline.atoms.items() if n in order},
        pairs={order[n]: marks for n, marks in inline.pairs.items() if n in order},
        counter=len(order),
    )
    text = _PLACEHOLDER.sub(lambda m: f"⟦{m.group(1)}{order[int(m.group(2))]}⟧", content)
    return text, renumbered


def tokens_in(text: str) -> set[tuple[bool, int]]:
    """The placeholders in a text as (is_closing, number)."""
    return {(match.group(1) == "/", int(match.group(2))) for match in _PLACEHOLDER.finditer(text)}


def restore(text: str, inline: Inline, expected: set[tuple[bool, int]] | None = None) -> tuple[str, list[Message]]:
    """Turn placeholders back into markup.

    `expected` are the placeholders the source sentence had. Anything else the model produced is
    dropped; half of a pair is dropped rather than leave stray markup; a lost atom (URL, code) is
    appended so that nothing the author wrote disappears.
    """
    expected = tokens_in(text) if expected is None else expected
    keep = tokens_in(text) & expected
    warnings: list[Message] = []
    for number, (opening, closing) in inline.pairs.items():
        halves = {(False, number), (True, number)}
        if halves & expected and len(halves & keep) < len(halves & expected):
            keep -= halves
            warnings.append(Message("markup.lost_pair", {"opening": opening, "closing": closing}))
    used: set[tuple[bool, int]] = set()

    def back(match: re.Match[str]) -> str:
        token = (match.group(1) == "/", int(match.group(2)))
        if token not in keep or token in used:
            return ""
        used.add(token)
        closing, number = token
        if number in inline.atoms:
            return inline.atoms[number]
        opening, close = inline.pairs[number]
        return close if closing else opening

    restored = _PLACEHOLDER.sub(back, text)
    for _closing, number in sorted(expected - keep):
        if number in inline.atoms:
            restored = f"{restored} {inline.atoms[number]}"
            warnings.append(Message("markup.lost_atom", {"atom": repr(inline.atoms[number])}))
    return restored, warnings
