"""Korean particles (조사): the closed set that follows a noun, and the right form after a given word.

Term matching needs to see "국방부" in "국방부는", "국방부와의" and "SCWG를"; term insertion needs the
particle after an inserted term to suit that term ("합참은" but "국방부는"). Both only need the
particles, a closed set of a few dozen forms, and the final sound of the word before them.
"""

from __future__ import annotations

import re

_HANGUL_FIRST, _HANGUL_LAST = 0xAC00, 0xD7A3
_RIEUL = 8  # index of ㄹ among the final consonants

# Pairs that depend on whether the word before ends in a consonant: (after a consonant, after a vowel).
# (으)로 and its compounds take the vowel form after ㄹ as well ("서울로").
ALTERNATING: tuple[tuple[str, str], ...] = (
    ("으로부터", "로부터"),
    ("으로서", "로서"),
    ("으로써", "로써"),
    ("으로의", "로의"),
    ("으로는", "로는"),
    ("으로도", "로도"),
    ("으로", "로"),
    ("이라고", "라고"),
    ("이라는", "라는"),
    ("이라면", "라면"),
    ("이라도", "라도"),
    ("이나", "나"),
    ("이며", "며"),
    ("이랑", "랑"),
    ("과의", "와의"),
    ("과는", "와는"),
    ("과도", "와도"),
    ("은", "는"),
    ("이", "가"),
    ("을", "를"),
    ("과", "와"),
    ("아", "야"),
)

# Particles whose form does not depend on the word before them.
INVARIANT: tuple[str, ...] = (
    "에게서",
    "에서의",
    "에서는",
    "에서도",
    "에서",
    "에게",
    "에는",
    "에도",
    "에의",
    "에",
    "께서",
    "께",
    "한테",
    "의",
    "도",
    "만",
    "까지",
    "부터",
    "보다",
    "처럼",
    "마다",
    "조차",
    "밖에",
    "뿐",
    "간",
    "측",
    "이다",
    "입니다",
    "이며",
    "이고",
    "였다",
    "이었다",
)

# Every form, longest first, so that a regular expression built from them prefers "으로부터" to "으로".
PARTICLES: tuple[str, ...] = tuple(
    sorted({form for pair in ALTERNATING for form in pair} | set(INVARIANT), key=lambda form: (-len(form), form))
)

PARTICLE_PATTERN = "(?:" + "|".join(map(re.escape, PARTICLES)) + ")"

# How the last letter or digit of a Latin acronym or a number is read aloud in Korean decides the
# particle: "SCM을" (엠), "SCWG를" (지), "제23차" … "3을" (삼).
_LATIN_ENDS_IN_CONSONANT = frozenset("LMNRlmnr")
_LATIN_ENDS_IN_RIEUL = frozenset("LRlr")
_DIGIT_ENDS_IN_CONSONANT = frozenset("013678")
_DIGIT_ENDS_IN_RIEUL = frozenset("178")


def final_sound(word: str) -> str:
    """How `word` ends when read aloud: "vowel", "rieul" (ㄹ) or "consonant"; "vowel" when unknown.

    Trailing punctuation and closing brackets are skipped: "국방부(MND)" ends as "MND" is read."""
    for char in reversed(word.rstrip()):
        code = ord(char)
        if _HANGUL_FIRST <= code <= _HANGUL_LAST:
            final = (code - _HANGUL_FIRST) % 28
            if final == 0:
                return "vowel"
            return "rieul" if final == _RIEUL else "consonant"
        if char.isascii() and char.isalpha():
            if char in _LATIN_ENDS_IN_RIEUL:
                return "rieul"
            return "consonant" if char in _LATIN_ENDS_IN_CONSONANT else "vowel"
        if char.isdigit():
            if char in _DIGIT_ENDS_IN_RIEUL:
                return "rieul"
            return "consonant" if char in _DIGIT_ENDS_IN_CONSONANT else "vowel"
    return "vowel"


def choose(word: str, particle: str) -> str:
    """The form of `particle` (either form of a pair, or an invariant particle) that follows `word`.

    >>> choose("합참", "는"), choose("국방부", "은"), choose("서울", "으로"), choose("SCM", "를")
    ('은', '는', '로', '을')
    """
    sound = final_sound(word)
    for after_consonant, after_vowel in ALTERNATING:
        if particle in (after_consonant, after_vowel):
            if after_vowel.startswith("로"):  # (으)로: ㄹ counts as a vowel
                return after_consonant if sound == "consonant" else after_vowel
            return after_vowel if sound == "vowel" else after_consonant
    return particle


def split_particle(word: str) -> tuple[str, str]:
    """A word cut before the particles at its end: ("국방부", "와의") for "국방부와의"; (word, "") if none.

    Only a guess for a word not known to be a noun (the stem may itself end in what looks like a
    particle); callers that know the noun (a term) match it first and call this on the rest."""
    for form in PARTICLES:
        if word.endswith(form) and len(word) > len(form):
            return word[: -len(form)], form
    return word, ""
