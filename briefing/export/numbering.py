"""Which label opens each section, item and list level of a document: □ ○ - · or 1. 가. 1) 가), numbers, note marks.

Pure decisions shared by every writer (DOCX now, HWPX next), so the documents of one briefing say the same things:
a writer asks here what to print and only decides how to draw it (a hanging indent, a tab, a font).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from briefing.language.phrases import catalog, note_mark
from briefing.model import ItemType, Language, NoteMark


class HeadingNumbering(StrEnum):
    """How a report labels its levels: the 개조식 symbols □ ○ - · (the default of the built-in meeting report,
    as ministries write 결과 보고) or the official numbered outline 1. 가. 1) 가) (a template option)."""

    SYMBOLS = "symbols"
    OUTLINE = "outline"


class Style(StrEnum):
    """The item style of a template (the same values as `templates.ItemStyle`, repeated to stay free of it)."""

    PRESS = "press"
    REPORT = "report"
    PACK = "pack"


# 가 나 다 … 하 (14), then 거 너 더 … 허, 고 노 도 … 호 as official outlines go on.
_CONSONANTS = "ㄱㄴㄷㄹㅁㅂㅅㅇㅈㅊㅋㅌㅍㅎ"
_INITIALS = [0, 2, 3, 5, 6, 7, 9, 11, 12, 14, 15, 16, 17, 18]  # the Unicode initial index of each consonant above
_VOWELS = [0, 4, 8, 13]  # ㅏ ㅓ ㅗ ㅜ


def ganada(number: int) -> str:
    """1 → 가, 14 → 하, 15 → 거, 29 → 고 … (numbers past 56 give their digits)."""
    if not 1 <= number <= len(_CONSONANTS) * len(_VOWELS):
        return str(number)
    vowel, consonant = divmod(number - 1, len(_CONSONANTS))
    return chr(0xAC00 + (_INITIALS[consonant] * 21 + _VOWELS[vowel]) * 28)


def _letters(number: int) -> str:
    """1 → a, 26 → z, 27 → aa."""
    text = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        text = chr(ord("a") + rest) + text
    return text or "0"


_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_CIRCLED_GANADA = "㉮㉯㉰㉱㉲㉳㉴㉵㉶㉷㉸㉹㉺㉻"


def outline_label(depth: int, number: int, language: Language) -> str:
    """The official outline's label at a depth (0 = top): 1. 가. 1) 가) (1) (가) ① ㉮; in English 1. a. 1) a) (1) (a)
    ① (a) — Korean letters read as the same positions in English documents."""
    korean = language is Language.KO
    letter = ganada(number) if korean else _letters(number)
    depth %= 8
    if depth == 6:
        return _CIRCLED[number - 1] if 1 <= number <= len(_CIRCLED) else f"({number})"
    if depth == 7:
        if korean and 1 <= number <= len(_CIRCLED_GANADA):
            return _CIRCLED_GANADA[number - 1]
        return f"({letter})"
    value = str(number) if depth % 2 == 0 else letter
    return (f"{value}.", f"{value})", f"({value})")[depth // 2]


# Word numbering formats (w:numFmt, w:lvlText) of the outline's levels, for lists inside an item: Word counts them.
_WORD_OUTLINE_KO = (
    ("decimal", "%{n}."),
    ("ganada", "%{n}."),
    ("decimal", "%{n})"),
    ("ganada", "%{n})"),
    ("decimal", "(%{n})"),
    ("ganada", "(%{n})"),
    ("decimalEnclosedCircle", "%{n}"),
    ("ganada", "(%{n})"),
)
_WORD_OUTLINE_EN = (
    ("decimal", "%{n}."),
    ("lowerLetter", "%{n}."),
    ("decimal", "%{n})"),
    ("lowerLetter", "%{n})"),
    ("decimal", "(%{n})"),
    ("lowerLetter", "(%{n})"),
    ("decimalEnclosedCircle", "%{n}"),
    ("lowerLetter", "(%{n})"),
)


@dataclass(frozen=True)
class ListFormats:
    """What Word (or Hancom) numbers the bullet and numbered lists inside an item with, level by level."""

    bullets: tuple[str, ...]
    ordered: tuple[tuple[str, str], ...]  # (w:numFmt, w:lvlText) per level, %1… filled in


def list_formats(style: Style, language: Language, numbering: HeadingNumbering, bilingual: bool) -> ListFormats:
    """Lists inside items: a report's bullets go - · (below □ ○); its numbered lists follow the official outline,
    starting below the levels the headings and items already take (1) 가) when they are 1. and 가.)."""
    report = style is Style.REPORT
    bullets = ("-", "·", "-") if report else ("•", "◦", "▪")
    if report and (language is Language.KO or bilingual):
        start = 2 if numbering is HeadingNumbering.OUTLINE else 0
        levels = [_WORD_OUTLINE_KO[(start + level) % 8] for level in range(9)]
    elif report:
        start = 2 if numbering is HeadingNumbering.OUTLINE else 0
        levels = [_WORD_OUTLINE_EN[(start + level) % 8] for level in range(9)]
    else:
        plain = (("decimal", "%{n}."), ("lowerLetter", "%{n}."), ("lowerRoman", "%{n}."))
        levels = [plain[level % 3] for level in range(9)]
    ordered = tuple((fmt, text.format(n=level + 1)) for level, (fmt, text) in enumerate(levels))
    return ListFormats(bullets, ordered)


@dataclass(frozen=True)
class Mark:
    """What opens a section or item: `label` hangs before the text (wrapped lines align with the text after it,
    not under it); `lead` opens the text itself (a note mark after a pack's number)."""

    label: str = ""
    lead: str = ""


def section_mark(style: Style, language: Language, number: int, numbering: HeadingNumbering, bilingual: bool) -> Mark:
    """A section heading's label: □ (or "1.") in a report in every layout; "1." in a single-language pack (the
    bilingual pack has its No. column); nothing in a press release."""
    if style is Style.REPORT:
        if numbering is HeadingNumbering.OUTLINE:
            return Mark(outline_label(0, number, language))
        return Mark(catalog(language).section_symbols[0])
    if style is Style.PACK and not bilingual:
        return Mark(f"{number}.")
    return Mark()


def item_mark(
    style: Style,
    language: Language,
    item_type: ItemType,
    note: NoteMark | None,
    section_number: int,
    item_number: int,
    numbering: HeadingNumbering,
    bilingual: bool,
) -> Mark:
    """An item's label. Every item takes its place as its number, notes too: the outline, QA findings and the
    bilingual table's No. column call the note under 3.2 "3.3", so the single-language pack does. A note hangs its
    `*`/`※` ("Note:" in English) — after the pack's number — and takes no □ ○ of its own."""
    number = "" if bilingual else f"{section_number}.{item_number}"
    if item_type is ItemType.NOTE:
        sign = note_mark(note.value if note else "*", language)
        if style is Style.PACK and number:
            return Mark(number, f"{sign} ")
        return Mark(sign)
    if style is Style.REPORT:
        if numbering is HeadingNumbering.OUTLINE:
            return Mark(outline_label(1, item_number, language))
        return Mark(catalog(language).section_symbols[1])
    if style is Style.PACK:
        return Mark(number)
    return Mark()


def number_column(section_number: int, item_number: int) -> str:
    """The bilingual table's No. column: 3.2 (notes counted as items)."""
    return f"{section_number}.{item_number}"


# Symbols drawn from the document's Hangul font: from a Latin font they come out in another shape and width (or
# from a fallback font), and Word takes them from the Latin font unless told otherwise.
HANGUL_FONT_SYMBOLS = frozenset("□■○●◦▵△▴▲※◇◆▪▫☐◎①②③④⑤⑥⑦⑧⑨⑩㉮㉯㉰㉱㉲㉳㉴㉵㉶㉷㉸㉹㉺㉻")


def label_width_em(label: str) -> float:
    """The width of a label in ems of its font, near enough to size a hanging indent: Hangul and the symbols are
    full width, digits and Latin letters about half, punctuation a third."""
    width = 0.0
    for character in label:
        if character in HANGUL_FONT_SYMBOLS or 0xAC00 <= ord(character) <= 0xD7A3:  # symbols, Hangul syllables
            width += 1.0
        elif character.isalnum():
            width += 0.6
        else:
            width += 0.35
    return width


def hanging_em(labels: list[str]) -> float:
    """The hanging indent (in ems) that fits the widest of a level's labels and a gap of half an em after it,
    rounded up to a half em so sibling items align."""
    widest = max((label_width_em(label) for label in labels if label), default=0.0)
    if not widest:
        return 0.0
    steps = int((widest + 0.5) * 2 + 0.999)
    return steps / 2
