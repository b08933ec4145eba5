"""Live translation's core: memory first, then the engine through the cache; never over a person's text."""

from __future__ import annotations

import pytest

from briefing import edits
from briefing.model import Language, TargetOrigin, TargetStatus
from briefing.storage import load
from briefing.translation import live
from briefing.translation.cache import SentenceCache
from briefing.translation.engine import Engine, EngineSettings
from briefing.translation.packages import PackageStore
from tests.conftest import EXAMPLE


@pytest.mark.usefixtures("installed")
def test_suggestion_comes_from_memory_first_then_the_model_for_changed_sentences_only() -> None:
    briefing = load(EXAMPLE)
    item = next(i for i in briefing.items() if i.source is Language.EN)
    engine = Engine(PackageStore(), EngineSettings(beam_size=1))
    cache = SentenceCache()
    first = live.suggest(engine, item.id, item.text.en, Language.EN, cache=cache)
    assert first is not None and first.text == item.text.en and first.origin is TargetOrigin.MACHINE
    assert first.from_model >= 1
    edited = item.text.en + " One more sentence."
    second = live.suggest(engine, item.id, edited, Language.EN, cache=cache)
    assert second is not None and second.text == edited and second.from_model == 1  # the rest: the cache

    remembered = live.suggest(engine, item.id, edited, Language.EN, memory=lambda text, source: f"[{text}]")
    assert remembered is not None and remembered.origin is TargetOrigin.MEMORY and remembered.text == f"[{edited}]"
    assert live.suggest(engine, item.id, "  \n", Language.EN) is None


def test_suggestion_goes_only_over_an_empty_or_machine_target_and_only_for_its_source() -> None:
    briefing = load(EXAMPLE)
    item = next(iter(briefing.items()))
    assert item.status is TargetStatus.APPROVED and not live.wants_suggestion(item)  # a person's work
    suggestion = live.Suggestion(item.id, item.target, item.source_text, "\x1b[31m제안\x1b[0m", TargetOrigin.MACHINE)
    assert live.accept(item, suggestion) is None
    item.set_text(item.target, "")
    assert live.wants_suggestion(item)
    edit = live.accept(item, suggestion)
    assert isinstance(edit, edits.ApplyTranslations)
    edit.apply(briefing)
    assert item.text.get(item.target) == suggestion.text and item.status is TargetStatus.MACHINE
    assert live.wants_suggestion(item)  # machine output may be suggested over again
    item.set_text(item.source, item.source_text + " Changed.")
    assert live.accept(item, suggestion) is None  # made for another source


def test_streamed_batches_merge_into_one_undo_step() -> None:
    briefing = load(EXAMPLE)
    items = list(briefing.items())[:3]
    for item in items:
        item.set_text(item.target, "")
    before = [item.text.get(item.target) for item in items]
    batches = [
        edits.ApplyTranslations(
            [edits.Translation(i.id, i.target, f"번역 {n}", TargetOrigin.MACHINE, i.source_text)], merge_key="job:1"
        )
        for n, i in enumerate(items)
    ]
    for batch in batches:
        batch.apply(briefing)
    first = batches[0]
    assert all(first.absorb(batch) for batch in batches[1:])
    assert not first.absorb(edits.ApplyTranslations([], merge_key="job:2"))
    assert sorted(first.changed) == sorted(i.id for i in items)
    first.revert(briefing)
    assert [item.text.get(item.target) for item in items] == before
    first.apply(briefing)
    assert [item.text.get(item.target) for item in items] == ["번역 0", "번역 1", "번역 2"]
