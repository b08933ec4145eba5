"""Distinct bilingual item texts for the scale benches: real Korean and English sentences about defence talks, every
item's pair different (numbers, dates, names and phrasing vary), many naming terms of the shipped termbase, so that
nothing a check or the export caches by text is reused between items (the repeated texts of `write_briefing` in
bench/scale_bench.py let every per-text cache hit)."""

from __future__ import annotations

import random

from briefing.model import Bilingual, Briefing, Item, Language, Section, TargetOrigin

# (Korean, English) subjects: organisations and people the shipped termbase knows, and some it does not.
_SUBJECTS = [
    ("국방부", "the Ministry of National Defense"),
    ("외교부", "the Ministry of Foreign Affairs"),
    ("합동참모본부", "the Joint Chiefs of Staff"),
    ("주한미군", "U.S. Forces Korea (USFK)"),
    ("미 국방부", "the U.S. Department of Defense"),
    ("한미 양측", "the two sides"),
    ("육군", "the Republic of Korea Army"),
    ("해군", "the Republic of Korea Navy"),
    ("공군", "the Republic of Korea Air Force"),
    ("미 공군", "the U.S. Air Force"),
    ("통일부", "the Ministry of Unification"),
    ("국가안보실", "the National Security Office"),
    ("방위사업청", "the Defense Acquisition Program Administration"),
    ("양국 대표단", "the two delegations"),
    ("참석자들", "the participants"),
]
_TOPICS = [
    ("국방우주협력", "defense space cooperation"),
    ("연합훈련", "combined training"),
    ("전시작전통제권 전환", "the transition of wartime operational control"),
    ("우주발사체 시험", "the space launch vehicle test"),
    ("대만해협의 평화와 안정", "peace and stability across the Taiwan Strait"),
    ("사이버 방어 협력", "cyber defense cooperation"),
    ("중거리탄도미사일 발사", "the intermediate-range ballistic missile launch"),
    ("정전협정 준수", "compliance with the Armistice Agreement"),
    ("인공위성 정보 공유", "satellite information sharing"),
    ("사격훈련 일정", "the live-fire exercise schedule"),
    ("확장억제 강화", "strengthening extended deterrence"),
    ("방산 협력", "defense industry cooperation"),
]
_VERBS = [
    ("확대하기로 합의하였다", "agreed to expand"),
    ("지속 추진하기로 하였다", "decided to continue"),
    ("긴밀히 협의하였다", "consulted closely on"),
    ("평가하였다", "assessed"),
    ("강화해 나가기로 하였다", "resolved to strengthen"),
    ("논의하였다", "discussed"),
]
_PLACES = [
    ("서울", "Seoul"),
    ("워싱턴", "Washington"),
    ("평택", "Pyeongtaek"),
    ("부산", "Busan"),
    ("하와이", "Hawaii"),
    ("도쿄", "Tokyo"),
]
_TAILS = [
    ("회담은 {hours}시간 동안 진행되었다.", "The talks lasted {hours} hours."),
    ("다음 회의는 {month}월 {day}일에 열릴 예정이다.", "The next meeting is scheduled for {month_en} {day}."),
    ("약 {people}명이 참석하였다.", "About {people} people attended."),
    ("관련 예산은 {money}억 원 규모이다.", "The related budget is about KRW {money_en} billion."),
    ("양측은 {percent}% 증액에 공감하였다.", "Both sides supported a {percent}% increase."),
    ("", ""),
]
_MONTHS = "January February March April May June July August September October November December".split()


def _particle(word: str, after_consonant: str, after_vowel: str) -> str:
    """은/는, 을/를: the form that follows the word's last syllable (with or without a final consonant)."""
    last = ord(word[-1]) - 0xAC00
    return after_consonant if 0 <= last < 11172 and last % 28 else after_vowel


def item_texts(number: int, seed: int = 17) -> tuple[str, str]:
    """The (English, Korean) pair of item `number`: one to three sentences, distinct for every number."""
    pick = random.Random(seed * 1_000_003 + number)
    subject_ko, subject_en = pick.choice(_SUBJECTS)
    topic_ko, topic_en = pick.choice(_TOPICS)
    verb_ko, verb_en = pick.choice(_VERBS)
    place_ko, place_en = pick.choice(_PLACES)
    month, day = pick.randint(1, 12), pick.randint(1, 28)
    en = f"{subject_en[0].upper()}{subject_en[1:]} {verb_en} {topic_en} in {place_en} on {_MONTHS[month - 1]} {day}"
    en += f" (item {number})."
    ko = f"{subject_ko}{_particle(subject_ko, '은', '는')} {month}월 {day}일 {place_ko}에서 "
    ko += f"{topic_ko}{_particle(topic_ko, '을', '를')} {verb_ko}({number}항)."
    for _ in range(pick.randint(0, 2)):
        tail_ko, tail_en = pick.choice(_TAILS)
        money = pick.randint(2, 900)
        fields = {
            "hours": pick.randint(2, 9),
            "month": month,
            "month_en": _MONTHS[month - 1],
            "day": day,
            "people": pick.randint(2, 40) * 10,
            "money": money * 10,
            "money_en": money,
            "percent": pick.randint(2, 30),
        }
        if tail_ko:
            ko += " " + tail_ko.format(**fields)
            en += " " + tail_en.format(**fields)
    return en, ko


def distinct_briefing(items: int) -> Briefing:
    """A briefing of `items` different English originals with Korean machine translations, in sections of 25."""
    briefing = Briefing(title=Bilingual(ko="대형 브리핑", en="Large briefing"))
    for start in range(0, items, 25):
        section = Section(title=Bilingual(ko=f"{start // 25 + 1}절", en=f"Part {start // 25 + 1}"))
        for number in range(start, min(start + 25, items)):
            en, ko = item_texts(number)
            item = Item(source=Language.EN)
            item.set_text(Language.EN, en)
            item.set_text(Language.KO, ko, TargetOrigin.MACHINE)
            section.items.append(item)
        briefing.sections.append(section)
    return briefing
