"""The translation memory core: matching, the SQLite store, learning, the stack and TMX exchange."""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from briefing.memory import matching
from briefing.memory.exchange import ExchangeError, export_tmx, import_tmx
from briefing.memory.learning import units_from
from briefing.memory.model import Unit, UnitKind
from briefing.memory.stack import Memories
from briefing.memory.store import MemoryStoreError, TranslationMemory
from briefing.model import Language, TargetStatus
from briefing.settings import Settings
from briefing.storage import load
from tests.conftest import EXAMPLE

KO = "제22차 한미 우주협력 회의가 2024년 11월 7일 서울에서 열렸다."
EN = "The 22nd ROK-US Space Cooperation Meeting was held in Seoul on November 7, 2024."


def unit(source: str = KO, target: str = EN, **kwargs: object) -> Unit:
    return Unit(Language.KO, source, target, **kwargs)  # type: ignore[arg-type]


@pytest.fixture
def memory(tmp_path: Path) -> TranslationMemory:
    made = TranslationMemory.create(tmp_path / "tm.sqlite", "test")
    made.learn(
        [
            unit(),
            Unit(
                Language.EN,
                "The delegations agreed to strengthen space cooperation.",
                "양측은 우주 협력을 강화하기로 합의하였다.",
            ),
        ]
    )
    return made


def test_placeables_follow_the_new_number_date_and_ordinal() -> None:
    query = "제23차 한미 우주협력 회의가 2024년 12월 1일 서울에서 열렸다."
    assert matching.carry_over(KO, query, EN) == (
        "The 23rd ROK-US Space Cooperation Meeting was held in Seoul on December 1, 2024."
    )
    assert matching.carry_over("참석자 1,500명", "참석자 12,500명", "1,500 participants") == "12,500 participants"
    assert matching.carry_over("3명과 3명", "4명과 3명", "3 and 3") is None  # 3 maps two ways
    assert matching.carry_over("21명", "22명", "twenty-one") is None  # the target does not hold the value


def test_exact_fuzzy_and_placeable_matches(memory: TranslationMemory) -> None:
    exact = memory.lookup("제22차  한미 우주협력 회의가 2024년 11월 7일 서울에서 열렸다．", Language.KO)
    assert [(m.score, m.target) for m in exact] == [(100, EN)]
    moved = memory.lookup("제23차 한미 우주협력 회의가 2025년 1월 7일 서울에서 열렸다.", Language.KO)[0]
    assert moved.score >= 95 and moved.placeables_replaced
    assert moved.target == "The 23rd ROK-US Space Cooperation Meeting was held in Seoul on January 7, 2025."
    fuzzy = memory.lookup("The delegations agreed to strengthen cyber cooperation.", Language.EN)
    assert len(fuzzy) == 1 and 70 <= fuzzy[0].score < 95 and fuzzy[0].unit.memory == "test"
    assert memory.lookup("Completely unrelated words here.", Language.EN) == []
    assert memory.lookup(KO, Language.EN) == []  # the other direction holds nothing
    assert [u.target for u in memory.concordance("우주 협력")] == ["양측은 우주 협력을 강화하기로 합의하였다."]
    assert len(memory.concordance("space", Language.EN)) == 2  # an English source and an English target
    assert memory.concordance("space", Language.KO) == []


def test_relearning_an_item_replaces_it_and_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "tm.sqlite"
    with TranslationMemory.create(path, "mine") as memory:
        assert (
            memory.learn([unit(briefing="b", item_id="i1"), unit("둘째.", "Second.", briefing="b", item_id="i1")]) == 2
        )
        assert memory.learn([unit("새 번역.", "New.", briefing="b", item_id="i1")]) == 1
        assert memory.learn([unit("새 번역.", "New.")]) == 1 and memory.learn([unit("새 번역.", "New.")]) == 0
    with TranslationMemory.open(path) as memory:
        assert sorted(u.source for u in memory.units()) == ["새 번역.", "새 번역."]
        assert memory.lookup(KO, Language.KO) == []  # the old units are gone from the index too
        assert memory.forget_item("b", "i1") == 1 and memory.count() == 1
        stats = memory.stats()
        assert stats.units == {(UnitKind.SENTENCE, Language.KO): 1} and stats.file_size > 0
        assert memory.name == "mine"


def test_read_only_never_writes_and_bad_files_get_coded_errors(tmp_path: Path, memory: TranslationMemory) -> None:
    memory.close()
    before = memory.path.read_bytes()
    with TranslationMemory.open(memory.path, read_only=True) as shared:
        assert shared.lookup(KO, Language.KO)[0].score == 100
        with pytest.raises(MemoryStoreError, match="read-only"):
            shared.learn([unit("x", "y")])
    assert memory.path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tm.sqlite"]

    damaged = tmp_path / "damaged.sqlite"
    damaged.write_bytes(before[:4096] + b"\x00garbage" * 100)
    with pytest.raises(MemoryStoreError) as caught:
        TranslationMemory.open(damaged).lookup(KO, Language.KO)
    assert caught.value.code in {"memory.damaged", "memory.not_a_memory"} and str(damaged) in str(caught.value)
    (tmp_path / "text.sqlite").write_text("hello \x1b]0;pwned\x07", "utf-8")
    with pytest.raises(MemoryStoreError, match="not a Briefing Studio"):
        TranslationMemory.open(tmp_path / "text.sqlite")
    with pytest.raises(MemoryStoreError, match="no translation memory"):
        TranslationMemory.open(tmp_path / "missing.sqlite")
    newer = tmp_path / "newer.sqlite"
    TranslationMemory.create(newer).close()
    with sqlite3.connect(newer) as db:
        db.execute("PRAGMA user_version = 99")
    with pytest.raises(MemoryStoreError, match="newer Briefing Studio"):
        TranslationMemory.open(newer)

    holder = sqlite3.connect(memory.path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(MemoryStoreError, match="in use by another program"):
            TranslationMemory.open(memory.path, timeout=0.05)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_only_approved_items_are_learned_whole_and_by_sentence() -> None:
    briefing = load(EXAMPLE)
    items = briefing.items()
    items[0].set_text(
        items[0].target,
        "A machine wrote this.",
    )
    units = units_from(briefing, "/office/scwg-23.briefing")
    assert items[0].status is not TargetStatus.APPROVED
    assert all(u.item_id != items[0].id for u in units)
    assert {u.item_id for u in units if u.kind is UnitKind.ITEM} == {i.id for i in items[1:]}
    assert all(u.briefing == "/office/scwg-23.briefing" and u.source_language is Language.EN for u in units)
    assert any(u.kind is UnitKind.SENTENCE for u in units)


def test_the_stack_reports_a_broken_office_memory_and_uses_the_rest(tmp_path: Path, memory: TranslationMemory) -> None:
    memory.close()
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"not sqlite at all" * 10)
    settings = Settings(office_memories=(str(memory.path), str(broken), " "))
    with Memories.load(settings) as memories:
        assert [p.code for p in memories.problems] == ["memory.not_a_memory"]
        assert memories.lookup(KO, Language.KO)[0].unit.memory == "test"
        assert memories.all()[0].read_only
        added = memories.learn_from(load(EXAMPLE), "key")
        assert added > 20 and memories.personal.path.is_file() and memories.personal.count() == added
        assert memories.concordance("space")


def test_tmx_round_trip(tmp_path: Path, memory: TranslationMemory) -> None:
    stamp = datetime(2024, 11, 7, 9, 30, tzinfo=UTC)
    memory.learn(
        [
            unit(
                "항목 <b>&amp;</b>",
                "Item & co",
                kind=UnitKind.ITEM,
                briefing="b",
                item_id="i",
                approved_by="김",
                approved_at=stamp,
            )
        ]
    )
    assert export_tmx(memory, tmp_path / "out.tmx") == 3
    text = (tmp_path / "out.tmx").read_text("utf-8")
    assert (
        'creationdate="' in text
        and 'changedate="20241107T093000Z"' in text
        and '<prop type="x-approved-by">김</prop>' in text
    )
    with TranslationMemory.create(tmp_path / "back.sqlite", "test") as back:
        assert import_tmx(back, tmp_path / "out.tmx").imported == 3
        assert list(back.units()) == list(memory.units())
        again = import_tmx(back, tmp_path / "out.tmx")
        assert again.imported == 0 and [s.reason for s in again.skipped] == ["tmx.skip_duplicate"] * 3


TU = '<tu><tuv xml:lang="ko-KR"><seg>{ko}</seg></tuv><tuv xml:lang="en-US"><seg>{en}</seg></tuv></tu>'


def tmx_file(path: Path, body: str, prolog: str = "") -> Path:
    path.write_text(
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<tmx version="1.4"><header srclang="ko"/><body>{body}</body></tmx>',
        "utf-8",
    )
    return path


def test_import_skips_what_it_cannot_use_with_reasons(tmp_path: Path, memory: TranslationMemory) -> None:
    body = (
        TU.format(ko="안녕하세요.", en="Hello.")
        + '<tu><tuv xml:lang="ko"><seg>한국어만.</seg></tuv></tu>'
        + '<tu><tuv xml:lang="ko"><seg>일본어.</seg></tuv><tuv xml:lang="ja"><seg>日本語.</seg></tuv></tu>'
        + TU.format(ko="  ", en="Empty.")
        + TU.format(ko="경고", en="Warning")
    )
    report = import_tmx(memory, tmx_file(tmp_path / "mixed.tmx", body))
    assert report.imported == 2
    assert [(s.tu, s.reason, s.language) for s in report.skipped] == [
        (2, "tmx.skip_missing", "en"),
        (3, "tmx.skip_language", "ja"),
        (4, "tmx.skip_empty", ""),
    ]


@pytest.mark.parametrize(
    ("prolog", "body", "match"),
    [
        (
            '<!DOCTYPE tmx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
            '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>',
            TU.format(ko="&c;", en="x"),
            "DTD of its own",
        ),
        ('<!DOCTYPE tmx [<!ENTITY x SYSTEM "file:///etc/passwd">]>', TU.format(ko="&x;", en="x"), "DTD of its own"),
        ("", TU.format(ko="<b>안녕", en="x"), "not well-formed TMX"),
        (
            "",
            '<tu><tuv xml:lang="de"><seg>Hallo</seg></tuv><tuv xml:lang="fr"><seg>Salut</seg></tuv></tu>',
            "languages found: de, fr",
        ),
    ],
)
def test_hostile_and_broken_tmx_changes_nothing(
    tmp_path: Path, memory: TranslationMemory, prolog: str, body: str, match: str
) -> None:
    before = memory.count()
    with pytest.raises(ExchangeError, match=match):
        import_tmx(memory, tmx_file(tmp_path / "bad.tmx", body, prolog))
    assert memory.count() == before


def test_wrong_encoding_and_size_cap(tmp_path: Path, memory: TranslationMemory) -> None:
    latin = tmp_path / "latin.tmx"
    latin.write_bytes(
        ('<?xml version="1.0" encoding="UTF-8"?><tmx><body>' + TU.format(ko="회의", en="x") + "</body></tmx>").encode(
            "euc-kr"
        )
    )
    with pytest.raises(ExchangeError, match="line 1: not well-formed"):
        import_tmx(memory, latin)
    huge = tmp_path / "huge.tmx"
    with huge.open("wb") as stream:
        stream.truncate(201 * 1024 * 1024)  # sparse: over the 200 MB cap without using the disk
    with pytest.raises(ExchangeError, match="up to 210 MB"):
        import_tmx(memory, huge)
    many = tmx_file(tmp_path / "many.tmx", TU.format(ko="가" * 100, en="x") * 20000)
    with pytest.raises(ExchangeError, match="translation memories up to 1 MB"):
        import_tmx(memory, many, max_bytes=1_000_000)
    assert memory.count() == 2


def test_forms_agree_with_key_comparable_and_grams() -> None:
    for text in [KO, EN, "“Quoted” 2024. 11. 7. ＡＢＣ  1st of May, 1,500.5", "", "가"]:
        for language in Language:
            forms = matching.forms(text, language)
            assert forms.key == matching.key(text)
            assert matching.unstored(forms.comparable, language) == matching.comparable(text, language)
            assert list(forms.grams) == list(dict.fromkeys(matching.grams(text, language)))
    assert matching.masked("2024. 11. 7. 회의") == f"{matching.MASK}. {matching.MASK}. {matching.MASK}. 회의"


def test_postings_chunks_survive_learning_and_forgetting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("briefing.memory.index.CHUNK", 3)  # many chunks from a few units
    sentences = [f"The {word} delegation visited Seoul for talks." for word in "abcdefghij"]
    with TranslationMemory.create(tmp_path / "tm.sqlite") as memory:
        memory.learn([Unit(Language.EN, s, f"번역 {i}", briefing="b", item_id=str(i)) for i, s in enumerate(sentences)])
        memory.learn([Unit(Language.EN, "The k delegation visited Seoul for talks.", "새 번역")])
        for gone in (0, 4, 5, 9):
            assert memory.forget_item("b", str(gone)) == 1
    with TranslationMemory.open(tmp_path / "tm.sqlite", read_only=True) as memory:
        found = memory.lookup("The z delegation visited Seoul for talks.", Language.EN, minimum=50, limit=20)
        assert sorted(m.target for m in found) == sorted(["새 번역"] + [f"번역 {i}" for i in (1, 2, 3, 6, 7, 8)])
        db = sqlite3.connect(memory.path)
        assert db.execute("SELECT docs FROM gram_docs WHERE term = 'en:seoul'").fetchone() == (7,)
        assert db.execute("SELECT docs FROM gram_docs WHERE term = 'en:'").fetchone() == (7,)
        assert db.execute("SELECT count(*) FROM unit_forms").fetchone() == (7,)
        db.close()


def version_1(path: Path) -> None:
    """Turn a memory file into the version-1 layout (an FTS5 table of grams instead of the gram index)."""
    db = sqlite3.connect(path, isolation_level=None)
    db.executescript(
        "DROP TABLE gram_docs; DROP TABLE gram_postings; DROP TABLE unit_forms; "
        "CREATE VIRTUAL TABLE unit_grams USING fts5(grams, content='', tokenize='unicode61 remove_diacritics 0');"
        "PRAGMA user_version = 1;"
    )
    db.close()


def test_a_version_1_memory_is_indexed_in_temp_read_only_and_upgraded_when_writable(
    tmp_path: Path, memory: TranslationMemory
) -> None:
    memory.close()
    version_1(memory.path)
    before = memory.path.read_bytes()
    with TranslationMemory.open(memory.path, read_only=True) as shared:
        assert shared.lookup(KO, Language.KO)[0].score == 100
        assert shared.lookup("The delegations agreed to strengthen cyber cooperation.", Language.EN)
    assert memory.path.read_bytes() == before
    with TranslationMemory.open(memory.path) as upgraded:
        assert upgraded.lookup(KO, Language.KO)[0].score == 100
        assert upgraded.learn([unit("새 문장입니다.", "A new sentence.")]) == 1
    with sqlite3.connect(memory.path) as db:
        assert db.execute("PRAGMA user_version").fetchone() == (2,)
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "unit_grams" not in tables and {"gram_docs", "gram_postings", "unit_forms"} <= tables


def test_a_pipe_in_place_of_a_tmx_file_is_refused_without_waiting(tmp_path: Path, memory: TranslationMemory) -> None:
    pipe = tmp_path / "memory.tmx"
    os.mkfifo(pipe)  # nobody writes to it: reading would wait for ever
    units = memory.count()
    with pytest.raises(ExchangeError) as caught:
        import_tmx(memory, pipe)
    assert caught.value.code == "tmx.unreadable" and "not a regular file" in str(caught.value)
    assert memory.count() == units
