"""The translation engine and jobs through the real path: installed tiny packages, CTranslate2, SentencePiece.

The test packages copy their input exactly, so every assertion is on exact text.
"""

from __future__ import annotations

import itertools
import os
import threading
from pathlib import Path

import pytest

from briefing.model import Briefing, Item, Language, TargetOrigin, TargetStatus
from briefing.storage import load
from briefing.translation import engine as engine_module
from briefing.translation import jobs
from briefing.translation.engine import (
    REFERENCE_SIZE,
    Engine,
    EngineSettings,
    ModelShape,
    PackageMissing,
    model_shape,
    position_limit,
)
from briefing.translation.markup import extract
from briefing.translation.packages import PackageError, PackageStore
from tests.conftest import EXAMPLE
from tests.tiny_package import build_package


class Spy(Engine):
    """The real engine, recording each batch it is given and the thread that gave it."""

    def __init__(self, settings: EngineSettings) -> None:
        super().__init__(PackageStore(), settings)
        self.seen: list[list[str]] = []
        self.token_batches: list[list[list[str]]] = []
        self.threads: set[str] = set()

    def translate_tokens(self, source: str, target: str, batch: list[list[str]]) -> list[str]:
        self.seen.append([self.detokenize(source, target, tokens) for tokens in batch])
        self.token_batches.append(batch)
        self.threads.add(threading.current_thread().name)
        return super().translate_tokens(source, target, batch)


FAST = EngineSettings(beam_size=1, batch_size=16, batch_tokens=512)


def english_only() -> Briefing:
    briefing = load(EXAMPLE)
    for item in briefing.items():
        item.set_text(Language.KO, "")
    return briefing


@pytest.mark.usefixtures("installed")
def test_example_translates_into_korean_exactly_through_the_models() -> None:
    briefing = english_only()
    engine = Spy(FAST)
    request = jobs.plan(briefing, Language.KO)
    assert len(request.tasks) == 21
    result = jobs.run(engine, request)
    assert not result.cancelled and result.warnings == []
    assert jobs.apply(briefing, result).skipped == []
    for item in briefing.items():
        assert item.text.ko == item.text.en  # the copy model gives back what it was given
        assert item.status is TargetStatus.MACHINE and item.is_current()
    # Sizeable batches, never one call per sentence; each distinct sentence exactly once.
    sent = [chunk for batch in engine.seen for chunk in batch]
    assert len(sent) == len(set(sent))
    assert result.sentences == 27  # distinct sentences; the tiny model's small vocabulary makes many tokens,
    assert len(sent) == 39  # so the longest ones are cut to fit its 256 positions
    # The copy model (1 decoder layer, width 736) is under a quarter of the reference size (6 × 512), so its
    # batches may hold 4 × 512 tokens.
    limit = engine.tokens_per_batch("en", "ko")
    assert limit == 4 * 512
    # First the pieces of the first 8 sentences in document order, so that the first items finish early; then
    # all the others grouped by length as CTranslate2 groups one call's inputs: longest first, each batch as full
    # as the limit (counting padding) or 16 pieces allow, run shortest batch first. Not one call per 16 sentences
    # in document order, which leaves part-filled batches at every call's end.
    first = list(dict.fromkeys(s for item in briefing.items() for s in extract(item.text.en).segments))[:8]
    head = [text for s in first for text, _ in jobs.model_inputs(engine, "en", "ko", [s])[s]]
    assert engine.seen[0][: len(head)] == head
    lengths = [[len(tokens) for tokens in batch] for batch in engine.token_batches]
    assert all(len(batch) * max(batch) <= limit and len(batch) <= 16 for batch in lengths)
    # The shortest batch (33 to 63 pieces) does not ride along: padding it to the first call's 119 would cost more.
    assert len(lengths[0]) == len(head) and max(lengths[1]) < max(lengths[0]) // 1.5
    assert all(min(batch) >= max(shorter) for shorter, batch in itertools.pairwise(lengths[1:]))
    assert all(len(batch) == 16 or (len(batch) + 1) * max(batch) > limit for batch in lengths[2:])
    assert engine.batches == len(engine.seen) == 3
    assert result.from_model == 27 and result.from_cache == 0


@pytest.mark.usefixtures("installed")
def test_korean_source_translates_back_into_english() -> None:
    briefing = load(EXAMPLE)
    for item in briefing.items():
        item.set_source(Language.KO)
        item.set_text(Language.EN, "")
    result = jobs.run(Engine(PackageStore(), FAST), jobs.plan(briefing, Language.EN))
    jobs.apply(briefing, result)
    original = load(EXAMPLE)
    assert [item.text.en for item in briefing.items()] == [item.text.ko for item in original.items()]


@pytest.mark.usefixtures("installed")
def test_markup_survives_on_its_words_and_duplicates_are_translated_once() -> None:
    briefing = Briefing()
    section = briefing.add_section()
    texts = [
        "The **two sides** agreed. See [the release](https://www.mnd.go.kr/x).\n\n- first *point*\n  - nested `code`",
        "The **two sides** agreed. Korea-U.S. cooperation grows.  \nA new line.",
        "※ Korea will formally participate in January 2025.",
    ]
    for text in texts:
        item = briefing.add_item(section.id)
        item.set_text(Language.EN, text)
    engine = Spy(FAST)
    result = jobs.run(engine, jobs.plan(briefing, Language.KO))
    jobs.apply(briefing, result)
    assert [item.text.ko for item in briefing.items()] == texts
    sent = sorted(sentence for batch in engine.seen for sentence in batch)
    assert sent == sorted(
        [
            "The ⟦1⟧two sides⟦/1⟧ agreed.",
            "See ⟦2⟧the release⟦/2⟧.",
            "first ⟦1⟧point⟦/1⟧",
            "nested ⟦1⟧",
            "Korea-U.S. cooperation grows.",
            "A new line.",
            "Korea will formally participate in January 2025.",
        ]
    )


@pytest.mark.usefixtures("installed")
def test_a_sentence_too_long_for_the_model_is_cut_at_word_boundaries_and_joined() -> None:
    briefing = Briefing()
    section = briefing.add_section()
    long_text = " ".join(f"word{n}" for n in range(400)) + "."
    briefing.add_item(section.id).set_text(Language.EN, long_text)
    engine = Spy(EngineSettings(beam_size=1, max_sentence_tokens=40))
    jobs.apply(briefing, jobs.run(engine, jobs.plan(briefing, Language.KO)))
    assert briefing.items()[0].text.ko == long_text
    assert len([s for batch in engine.seen for s in batch]) > 10


def _long_sentence_briefing() -> tuple[Briefing, str]:
    briefing = Briefing()
    section = briefing.add_section()
    long_text = " ".join(f"word{n}" for n in range(150)) + "."
    briefing.add_item(section.id).set_text(Language.EN, long_text)
    return briefing, long_text


@pytest.fixture
def short_position_package(tmp_path: Path) -> Path:
    """A package whose model has a learned position table of only 48 entries."""
    store = PackageStore()
    store.install(build_package(tmp_path, "en", "ko", max_positions=48))
    package = store.find("en", "ko")
    assert package is not None
    return package.model_folder


def test_a_model_with_few_positions_gets_sentences_it_can_hold(short_position_package: Path) -> None:
    """Default settings (200-token sentences, beam 4) against a model that holds 48 positions: the
    engine reads the table's size from model.bin and cuts and caps to fit instead of failing mid-job."""
    assert position_limit(short_position_package / "model.bin") == 48
    briefing, long_text = _long_sentence_briefing()
    engine = Spy(EngineSettings(beam_size=4))
    assert engine.max_input_tokens("en", "ko") == 18
    jobs.apply(briefing, jobs.run(engine, jobs.plan(briefing, Language.KO)))
    assert briefing.items()[0].text.ko == long_text


def test_a_position_table_model_bin_does_not_reveal_is_learned_from_the_error(
    short_position_package: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine_module, "position_limit", lambda _path: None)
    engine = Engine(PackageStore(), EngineSettings(beam_size=4))
    words = "The two sides agreed to continue space cooperation".split()
    sentence = " ".join(words)
    (pieces,) = engine.tokenize("en", "ko", [sentence])
    assert 19 < len(pieces) < 46  # fits the 48-position encoder, but not 2x+10 decoding steps
    assert engine.translate("en", "ko", [sentence]) == [sentence]
    assert engine.max_input_tokens("en", "ko") == 18  # and later sentences are cut to fit


def test_a_model_failure_is_a_clear_error_and_the_next_job_fits(
    short_position_package: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Unknown table size and a sentence longer than the table: the first job fails with a message naming
    the package (not a bare CTranslate2 RuntimeError); having learned the size, the next job cuts to fit."""
    monkeypatch.setattr(engine_module, "position_limit", lambda _path: None)
    briefing, long_text = _long_sentence_briefing()
    engine = Engine(PackageStore(), EngineSettings(beam_size=1))
    with pytest.raises(PackageError, match=r"the en→ko package could not translate a batch of \d+ sentences: .*>= 48"):
        jobs.run(engine, jobs.plan(briefing, Language.KO))
    jobs.apply(briefing, jobs.run(engine, jobs.plan(briefing, Language.KO)))
    assert briefing.items()[0].text.ko == long_text


def test_position_limit_of_unreadable_headers_is_unknown(tmp_path: Path) -> None:
    (tmp_path / "model.bin").write_bytes(b"\x06\x00\x00\x00\xff\xff")
    assert position_limit(tmp_path / "model.bin") is None
    assert position_limit(tmp_path / "missing.bin") is None


@pytest.mark.usefixtures("installed")
def test_people_s_work_is_kept_unless_retranslation_is_asked_for() -> None:
    briefing = load(EXAMPLE)
    items = briefing.items()
    items[0].set_text(Language.KO, "")  # empty
    items[1].set_text(Language.KO, "기계 번역", TargetOrigin.MACHINE)
    items[2].set_text(Language.KO, "사람이 고친 번역")  # edited
    items[3].set_text(Language.EN, items[3].text.en + " Changed.")  # approved → needs review
    # items[4:] stay approved
    missing = jobs.plan(briefing, Language.KO, jobs.Scope.MISSING)
    assert [t.item_id for t in missing.tasks] == [items[0].id]
    everything = jobs.plan(briefing, Language.KO, jobs.Scope.ALL)
    assert [t.item_id for t in everything.tasks] == [items[0].id, items[1].id]
    forced = jobs.plan(briefing, Language.KO, jobs.Scope.ALL, retranslate=True)
    assert len(forced.tasks) == 21
    selection = jobs.plan(briefing, Language.KO, jobs.Scope.ALL, item_ids=[items[2].id, items[1].id])
    assert [t.item_id for t in selection.tasks] == [items[1].id]
    assert jobs.plan(briefing, Language.EN).tasks == ()  # every source is English

    result = jobs.run(Engine(PackageStore(), FAST), everything)
    jobs.apply(briefing, result)
    assert items[2].text.ko == "사람이 고친 번역" and items[2].status is TargetStatus.EDITED
    assert items[3].status is TargetStatus.NEEDS_REVIEW
    assert items[4].status is TargetStatus.APPROVED
    assert items[1].text.ko == items[1].text.en and items[1].status is TargetStatus.MACHINE


@pytest.mark.usefixtures("installed")
def test_cancel_half_way_keeps_finished_items_and_leaves_the_rest_untouched() -> None:
    briefing = english_only()
    cancel = threading.Event()
    reports: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        reports.append((done, total))
        if len(reports) == 3:
            cancel.set()

    engine = Spy(EngineSettings(beam_size=1, batch_size=4))
    result = jobs.run(engine, jobs.plan(briefing, Language.KO), progress, cancel)
    assert result.cancelled
    assert engine.batches == 3  # cancel took effect at the next batch boundary
    assert [total for _, total in reports] == [27, 27, 27]
    assert [done for done, _ in reports] == sorted(done for done, _ in reports)
    jobs.apply(briefing, result)
    finished = [item for item in briefing.items() if item.id in result.translations]
    untouched = [item for item in briefing.items() if item.id not in result.translations]
    assert finished and untouched
    assert all(item.text.ko == item.text.en and item.status is TargetStatus.MACHINE for item in finished)
    assert all(item.text.ko == "" and item.status is TargetStatus.EMPTY for item in untouched)


@pytest.mark.usefixtures("installed")
def test_the_worker_thread_alone_runs_the_models() -> None:
    briefing = english_only()
    engines: list[Spy] = []

    def make() -> Spy:
        engines.append(Spy(FAST))
        return engines[-1]

    worker = jobs.TranslationWorker(make)
    progress_threads: set[str] = set()
    try:
        future = worker.submit(
            jobs.plan(briefing, Language.KO), lambda d, t: progress_threads.add(threading.current_thread().name)
        )
        result = future.result(timeout=60)
        second = worker.submit(jobs.plan(briefing, Language.KO)).result(timeout=60)
    finally:
        worker.shutdown()
    assert len(engines) == 1  # one engine, created and kept by the worker
    assert engines[0].threads == progress_threads
    assert all(name.startswith("translation") for name in engines[0].threads)
    assert threading.current_thread().name not in engines[0].threads
    assert len(result.translations) == 21 and len(second.translations) == 21


@pytest.mark.usefixtures("installed")
def test_translator_is_cached_and_reloaded_when_the_package_changes(package_files: dict[tuple[str, str], Path]) -> None:
    engine = Engine(PackageStore(), FAST)
    engine.translate("en", "ko", ["One."])
    first = engine._loaded[("en", "ko")].translator
    engine.translate("en", "ko", ["Two."])
    assert engine._loaded[("en", "ko")].translator is first
    PackageStore().install(package_files[("en", "ko")])
    assert engine.translate("en", "ko", ["Three."]) == ["Three."]
    assert engine._loaded[("en", "ko")].translator is not first
    PackageStore().remove("en", "ko")
    with pytest.raises(PackageMissing):
        engine.translate("en", "ko", ["Four."])
    assert ("en", "ko") not in engine._loaded


def test_missing_package_says_how_to_install_one() -> None:
    briefing = english_only()
    with pytest.raises(PackageMissing) as caught:
        jobs.run(Engine(PackageStore(), FAST), jobs.plan(briefing, Language.KO))
    message = str(caught.value)
    assert message.startswith("no English→Korean language package is installed")
    assert "briefing-studio packages install translate-en_ko-<version>.argosmodel" in message
    assert "briefing-studio packages download en ko" in message


def test_settings_are_checked() -> None:
    with pytest.raises(ValueError, match="beam size"):
        EngineSettings(beam_size=0)
    with pytest.raises(ValueError, match="threads"):
        EngineSettings(threads=-1)


@pytest.mark.usefixtures("installed")
def test_apply_skips_items_edited_while_translating() -> None:
    briefing = english_only()
    result = jobs.run(Engine(PackageStore(), FAST), jobs.plan(briefing, Language.KO))
    edited: Item = briefing.items()[0]
    edited.set_text(Language.EN, "Rewritten meanwhile.")
    gone = briefing.items()[1]
    briefing.remove_item(gone.id)
    assert sorted(jobs.apply(briefing, result).skipped) == sorted([edited.id, gone.id])
    assert edited.text.ko == ""


def test_argostranslate_itself_runs_offline_on_the_test_package(tmp_path: Path) -> None:
    """The benchmark's baseline is real: argostranslate's own translate() on our package, sockets disabled."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    code = f"""
import os, socket, sys
sys.path.insert(0, {str(ROOT)!r})
def refuse(*a, **k): raise SystemExit("network access attempted")
socket.socket.connect = refuse; socket.create_connection = refuse; socket.getaddrinfo = refuse
from pathlib import Path
from tests.tiny_package import build_package, minisbd_standin
from briefing.translation.packages import PackageStore
from briefing.translation.argos import import_argos
archive = build_package(Path({str(tmp_path)!r}), "en", "ko", extra_files={{"minisbd/en.onnx": minisbd_standin("en")}})
PackageStore().install(archive)
print(import_argos("argostranslate.translate").translate("The two sides agreed. Both pledged more.", "en", "ko"))
"""
    env = {**os.environ, "BRIEFING_HOME": str(tmp_path / "home"), "ARGOS_BEAM_SIZE": "1"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "The two sides agreed. Both pledged more."


def pieces_of(lengths: dict[str, list[int]]) -> list[tuple[str, int, list[str]]]:
    """A job's model inputs as jobs.run lists them: (sentence, piece number, tokens), sentences in order."""
    return [(text, n, ["▁x"] * length) for text, parts in lengths.items() for n, length in enumerate(parts)]


def ctranslate2_batches(lengths: list[int], limit: int) -> list[list[int]]:
    """How CTranslate2 cuts one call (src/batch_reader.cc, rebatch_input): longest first, padded size."""
    batches: list[list[int]] = []
    for length in sorted(lengths, reverse=True):
        if batches and (len(batches[-1]) + 1) * batches[-1][0] > limit:
            batches.append([])
        if not batches:
            batches.append([])
        batches[-1].append(length)
    return batches


def test_model_batches_group_by_length_into_padded_token_batches_like_ctranslate2() -> None:
    # 8 first sentences (one of them cut in two), then 30 more of assorted lengths.
    lengths = {f"s{i}": [10 + i] for i in range(8)} | {"s3": [40, 12]}
    lengths |= {f"t{i}": [(i * 37) % 90 + 5] for i in range(30)}
    missing, pieces = list(lengths), pieces_of(lengths)
    batches = jobs.model_batches(missing, pieces, EngineSettings(beam_size=1, batch_tokens=256, batch_size=64))
    assert sorted(i for batch in batches for i in batch) == list(range(len(pieces)))  # each piece exactly once
    assert [pieces[i][0] for i in batches[0]] == ["s0", "s1", "s2", "s3", "s3", "s4", "s5", "s6", "s7"]
    sizes = [[len(pieces[i][2]) for i in batch] for batch in batches[1:]]
    assert all(batch == sorted(batch, reverse=True) for batch in sizes)  # longest first within a batch,
    assert all(min(batch) >= max(shorter) for shorter, batch in itertools.pairwise(sizes))  # shortest batch first
    assert all(len(batch) * batch[0] <= 256 for batch in sizes)  # padded to the longest
    # As full as the limit allows: the next longer piece would not have fitted.
    assert all((len(batch) + 1) * batch[0] > 256 for batch in sizes[1:])
    assert len(batches) == 1 + 8

    # Short first sentences: the last, part-filled batch rides along with the first call, so the job makes
    # no more calls than CTranslate2 would cut from one call over the rest.
    lengths = {f"s{i}": [10] for i in range(8)} | {f"t{i}": [(i * 37) % 90 + 5] for i in range(30)}
    batches = jobs.model_batches(list(lengths), pieces_of(lengths), EngineSettings(beam_size=2, batch_tokens=256))
    assert batches[0][:8] == list(range(8)) and len(batches[0]) > 8
    assert len(batches) == len(ctranslate2_batches([length for (length,) in list(lengths.values())[8:]], 256))
    assert len(batches[0]) * max(len(pieces_of(lengths)[i][2]) for i in batches[0]) <= 256

    by_sentences = jobs.model_batches(missing, pieces, EngineSettings(beam_size=1, batch_tokens=0, batch_size=7))
    # By sentences: the first 7 sentences (8 pieces), then the other 31 pieces longest first in sevens.
    assert [len(batch) for batch in by_sentences] == [8, 3, 7, 7, 7, 7]


def test_token_batches_shrink_above_beam_2_to_bound_the_decoder_s_memory() -> None:
    assert [EngineSettings(beam_size=b, batch_tokens=2048).tokens_per_batch for b in (1, 2, 4, 8)] == [
        2048,
        2048,
        1024,
        512,
    ]
    lengths = {f"t{i}": [(i * 37) % 90 + 5] for i in range(40)}
    pieces = pieces_of(lengths)
    for beam, limit in ((2, 256), (4, 128)):
        batches = jobs.model_batches(list(lengths), pieces, EngineSettings(beam_size=beam, batch_tokens=256))
        assert max(len(b) * max(len(pieces[i][2]) for i in b) for b in batches[1:]) <= limit
        assert max(len(b) * max(len(pieces[i][2]) for i in b) for b in batches[1:]) > limit // 2


def test_the_last_batch_rides_along_with_the_first_call_only_when_that_pads_little() -> None:
    """Padding the shortest pieces to a long first sentence cost 2.5 % more padded tokens on the benchmark
    (half of what the engine spent over one raw call): the last batch joins the first call only when padding
    it to the first call's longest adds at most a quarter to what the two calls would pad apart."""
    long_first = {f"s{i}": [90 - 9 * i] for i in range(8)} | {f"t{i}": [5 + i % 7] for i in range(14)}
    batches = jobs.model_batches(list(long_first), pieces_of(long_first), EngineSettings(beam_size=1))
    assert batches[0] == list(range(8)) and sorted(batches[1]) == list(range(8, 22))  # the short ones: a call
    alike = {f"s{i}": [45] for i in range(8)} | {f"t{i}": [44 + i % 2] for i in range(43)}
    batches = jobs.model_batches(list(alike), pieces_of(alike), EngineSettings(beam_size=1), 8192)
    assert len(batches) == 1 and sorted(batches[0]) == list(range(51))  # padding them together costs nothing more
    with pytest.MonkeyPatch.context() as patch:  # the former rule: whenever it fits
        patch.setattr(jobs, "MERGE_PADDING", float("inf"))
        assert len(jobs.model_batches(list(long_first), pieces_of(long_first), EngineSettings(beam_size=1))) == 1


def test_a_batch_s_token_limit_follows_the_model_s_size() -> None:
    """Decoder layers × width (what a batch token costs in the decoder's caches) against the reference size
    the 2,048 tokens were measured on: a smaller model gets bigger batches (at most 4×), a larger one smaller."""
    settings = EngineSettings(beam_size=1)
    assert REFERENCE_SIZE == 6 * 512
    assert settings.tokens_for(ModelShape(512, 512, 6)) == 2048
    assert settings.tokens_for(ModelShape(512, 1024, 6)) == 1024  # twice as wide
    assert settings.tokens_for(ModelShape(512, 1024, 12)) == 512
    assert settings.tokens_for(ModelShape(512, 256, 2)) == 4 * 2048  # 6× smaller: capped at 4×
    assert settings.tokens_for(ModelShape(256, 736, 1)) == 4 * 2048  # the tests' copy model
    assert settings.tokens_for(ModelShape(512, 8192, 48)) == 64  # never below 64 tokens
    assert settings.tokens_for(None) == settings.tokens_for(ModelShape()) == 2048  # unknown: as set
    assert EngineSettings(beam_size=4).tokens_for(ModelShape(512, 512, 6)) == 1024  # beam 4 halves it
    assert EngineSettings(batch_tokens=0).tokens_for(ModelShape(512, 256, 2)) == 0  # by sentences: stays so


@pytest.mark.usefixtures("installed")
def test_the_model_s_shape_is_read_from_model_bin() -> None:
    package = PackageStore().find("en", "ko")
    assert package is not None
    shape = model_shape(package.model_folder / "model.bin")
    engine = Engine(PackageStore(), FAST)
    vocabulary = engine._model("en", "ko").tokenizer.get_piece_size()
    assert shape == ModelShape(positions=256, width=vocabulary + 256, decoder_layers=1)  # how the copy model is built
    assert engine.tokens_per_batch("en", "ko") == 4 * 512  # FAST's 512 tokens, 4× for a model this small


def test_the_shape_of_unreadable_headers_is_unknown(tmp_path: Path) -> None:
    (tmp_path / "model.bin").write_bytes(b"\x06\x00\x00\x00\xff\xff")
    assert model_shape(tmp_path / "model.bin") is None
    assert model_shape(tmp_path / "missing.bin") is None


@pytest.mark.usefixtures("installed")
def test_a_large_job_of_repeated_paragraphs_is_one_model_call_and_one_split_per_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The shape of bench/scale_bench.py (issue 17 point 11: 20,000 items in ≤ 5 s), smaller: 51 distinct
    sentences over many items, the tests' copy model at default settings. One translate_batch call (a model
    this small gets 4× the tokens, and the last batch rides along with the first call); each distinct item
    text split by `markup.extract` once. Before: 2 calls, and every item split twice (here and in
    pre-translation)."""
    briefing = Briefing()
    section = briefing.add_section()
    for number in range(600):
        item = briefing.add_item(section.id)
        item.set_text(Language.EN, f"Point {number % 50}: the two sides agreed to expand cooperation. Talks went on")
    split: list[str] = []

    def counting(text: str) -> object:
        split.append(text)
        return extract(text)

    monkeypatch.setattr(jobs, "extract", counting)
    engine = Spy(EngineSettings(beam_size=1))
    result = jobs.run(engine, jobs.plan(briefing, Language.KO))
    assert engine.batches == 1 and result.from_model == 51
    assert len(split) == len(set(split)) == 50
    assert len(result.translations) == 600
    assert all(result.translations[item.id] == item.text.en for item in briefing.items())


def test_a_short_job_is_one_call_in_document_order() -> None:
    lengths = {f"s{i}": [30 - i] for i in range(5)}
    batches = jobs.model_batches(list(lengths), pieces_of(lengths), EngineSettings())
    assert batches == [[0, 1, 2, 3, 4]]


@pytest.mark.usefixtures("installed")
def test_the_translator_runs_one_batch_at_a_time_on_every_core(monkeypatch: pytest.MonkeyPatch) -> None:
    import ctranslate2

    made: list[dict[str, object]] = []
    real = ctranslate2.Translator

    def recording(model: str, **options: object) -> object:
        made.append(options)
        return real(model, **options)

    monkeypatch.setattr(ctranslate2, "Translator", recording)
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1, 2}, raising=False)
    assert Engine(PackageStore(), FAST).translate("en", "ko", ["One."]) == ["One."]
    assert Engine(PackageStore(), EngineSettings(threads=1)).translate("en", "ko", ["Two."]) == ["Two."]
    assert [(o["inter_threads"], o["intra_threads"], o["compute_type"]) for o in made] == [
        (1, 3, "auto"),
        (1, 1, "auto"),
    ]


@pytest.mark.usefixtures("installed")
@pytest.mark.parametrize("damaged", ["sentencepiece.model", "model/model.bin"])
def test_a_damaged_model_file_is_a_clear_error_whichever_loads_first(damaged: str) -> None:
    # The two models load side by side (the tokenizer on a helper thread): either failing is reported.
    package = PackageStore().find("en", "ko")
    assert package is not None
    (package.path / damaged).write_bytes(b"\0not a model\0" * 10)
    with pytest.raises(PackageError) as caught:
        Engine(PackageStore(), FAST).check("en", "ko")
    assert caught.value.code == "engine.cannot_load"
    assert str(caught.value).startswith("the en→ko package cannot be loaded: ")


@pytest.mark.usefixtures("installed")
def test_pre_translation_splits_nothing_without_a_memory_and_hands_its_splits_to_the_job(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Splitting every item twice (to look its sentences up in the memory, then for the model) was a fifth of
    `translate` at 20,000 items: with no memory to search nothing is split; with one, the job reuses the splits."""
    from briefing.memory.learning import units_from
    from briefing.memory.stack import Memories
    from briefing.translation import pretranslate

    briefing = english_only()

    def refused(text: str) -> object:
        raise AssertionError(f"split {text!r}")

    monkeypatch.setattr(pretranslate, "extract", refused)
    with Memories.load() as memories:
        assert memories.searched() == []  # no personal memory yet, no office memory
        pre = pretranslate.pretranslate(briefing, Language.KO, memories)
    assert pre.request == jobs.plan(briefing, Language.KO) and pre.request.extracted == {}

    monkeypatch.setattr(pretranslate, "extract", extract)
    source = load(EXAMPLE)
    first = source.items()[0]
    with Memories.load() as memories:
        memories.personal.learn([unit for unit in units_from(source, "k") if unit.item_id == first.id])
        pre = pretranslate.pretranslate(briefing, Language.KO, memories)
    assert [t.item_id for t in pre.translations] == [first.id]
    left = {task.source_text for task in pre.request.tasks}
    assert left <= set(pre.request.extracted) and len(left) == 20
    monkeypatch.setattr(jobs, "extract", refused)  # the job splits nothing again
    result = jobs.run(Engine(PackageStore(), FAST), pre.request)
    assert len(result.translations) == 20 and all(
        result.translations[task.item_id] == task.source_text for task in pre.request.tasks
    )
