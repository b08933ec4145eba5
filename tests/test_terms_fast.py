"""The term matcher walks its trie only where a form may start (briefing/terms/matching.py: a scan for the first
characters of forms, then a set of their first two): it finds exactly what the plain walk from every word start
found. `tests/terms_reference.py` is that matcher, kept unchanged from ed51923. Same hits (spans, entries, terms,
particles) with the shipped termbase, and with a small termbase of awkward forms (one character long, characters
a character class must escape), on generated Korean/English texts built of terms, pieces of terms, particles,
suffixes, spaces, dots, dashes and full-width letters; and on the distinct texts of the scale bench."""

from __future__ import annotations

from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.distinct_texts import item_texts
from briefing.language.particles import PARTICLES
from briefing.model import Language
from briefing.terms import matching as fast
from briefing.terms.model import Entry, Hit, Term
from briefing.terms.stack import load_shipped
from tests import terms_reference as reference


def awkward_entries() -> list[Entry]:
    """Forms of one character, forms starting with characters special in a regular expression's character class,
    acronyms in both languages, and a form that is a prefix of another."""
    pairs = [
        ("측", "side", "", ""),
        ("국", "nation", "", "N"),
        ("-가", "-x", "", ""),
        ("]나", "]y", "", ""),
        ("^다", "^z", "", ""),
        ("\\라", "\\w", "", ""),
        ("국방", "defense", "", "DEF"),
        ("국방부", "Ministry of Defense", "", "MND"),
        ("한미", "ROK-U.S.", "", ""),
        ("정책과", "Policy Division", "", ""),
        ("Ａ", "Ａ", "", ""),
        ("ㆍ", "·", "", ""),
        ("agency", "Agency", "", "AG"),
    ]
    return [
        Entry(f"a{n}", [Term(ko, Language.KO, acronym=ka), Term(en, Language.EN, acronym=ea)])
        for n, (ko, en, ka, ea) in enumerate(pairs)
    ]


@cache
def indexes(which: str) -> tuple[fast.TermIndex, reference.TermIndex]:
    entries = load_shipped() if which == "shipped" else awkward_entries()
    return fast.TermIndex(entries), reference.TermIndex(entries)


def shown(hits: list[Hit]) -> list[tuple[int, int, str, str, str, str]]:
    return [(h.start, h.end, h.language.value, h.entry.id, h.term.text, h.particle) for h in hits]


def pieces() -> list[str]:
    """Terms of both termbases and their beginnings, acronyms, particles, suffixes and the characters the
    normalisers treat specially."""
    found: set[str] = set()
    for entry in [*load_shipped()[::7], *awkward_entries()]:
        for term in entry.terms:
            found.update({term.text, term.text[:2], term.text[:-1], term.acronym})
    found.update(PARTICLES[:20])
    found.update(fast.KOREAN_SUFFIXES)
    found.update(
        [" ", "  ", "\t", "·", "ㆍ", "-", "–", "’", "'s", "s", "es", "(", ")", "（", "Ｍ", "ＮＤ", "é", "가", "미"]
    )
    found.discard("")
    return sorted(found)


@cache
def alphabet() -> st.SearchStrategy[str]:
    return st.sampled_from(pieces())


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), st.sampled_from(["shipped", "awkward"]), st.sampled_from([Language.KO, Language.EN]))
def test_the_fast_matcher_finds_what_the_reference_finds(data: st.DataObject, which: str, language: Language) -> None:
    text = "".join(data.draw(st.lists(alphabet(), max_size=14)))
    new, old = indexes(which)
    assert shown(new.find(text, language)) == shown(old.find(text, language))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=30), st.sampled_from([Language.KO, Language.EN]))
def test_any_text_gives_the_same_hits(text: str, language: Language) -> None:
    new, old = indexes("awkward")
    assert shown(new.find(text, language)) == shown(old.find(text, language))


def test_the_scale_bench_texts_give_the_same_hits_and_hold_terms() -> None:
    new, old = indexes("shipped")
    total = 0
    for number in range(0, 4000, 10):
        en, ko = item_texts(number)
        for text, language in ((ko, Language.KO), (en, Language.EN)):
            hits = new.find(text, language)
            assert shown(hits) == shown(old.find(text, language))
            total += len(hits)
    assert total > 400  # the bench's texts do name terms: the matcher does real work on them


def test_an_index_without_forms_finds_nothing() -> None:
    empty = fast.TermIndex([Entry("e", [Term("", Language.KO)])])
    assert empty.find("국방부는", Language.KO) == [] and empty.find("defense", Language.EN) == []
