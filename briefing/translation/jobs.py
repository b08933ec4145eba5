"""Translation jobs: which items to translate, running them in batches in the background, applying results.

A job is planned from a briefing on the caller's thread (`plan`), which copies out the texts it needs;
the worker thread, which alone owns the models, translates every sentence of every item through
`translate_batch` in sizeable batches, each distinct sentence once (`run`); the caller applies the
results on its own thread (`apply`). Progress goes through a callback; cancelling takes effect between
batches and keeps the items already finished.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from enum import StrEnum

from briefing import edits
from briefing.messages import Message, register
from briefing.model import Briefing, Language, TargetOrigin, TargetStatus
from briefing.translation import terminology
from briefing.translation.engine import Engine
from briefing.translation.markup import Extracted, extract

register({"translation.item_warning": "{item}: {warning}"})

Progress = Callable[[int, int], None]  # (sentences done, sentences in the job)

# Statuses whose translation a plain "translate all" may replace; a person's work is kept.
REPLACEABLE = frozenset({TargetStatus.EMPTY, TargetStatus.MACHINE, TargetStatus.MEMORY})


class Scope(StrEnum):
    MISSING = "missing"  # items with no translation yet
    ALL = "all"  # also replace earlier machine and memory translations


@dataclass(frozen=True)
class Task:
    item_id: str
    source_text: str


@dataclass(frozen=True)
class Request:
    source: Language
    target: Language
    tasks: tuple[Task, ...]
    # The termbase's terms, enforced: found in the source, carried through the model as placeholders.
    find_terms: terminology.FindTerms | None = field(default=None, compare=False)


@dataclass
class Result:
    request: Request
    translations: dict[str, str] = field(default_factory=dict)  # item id → translated text
    cancelled: bool = False
    sentences: int = 0  # distinct sentences in the job
    warnings: list[Message] = field(default_factory=list)  # e.g. markup a translation lost, per item


def plan(
    briefing: Briefing,
    target: Language,
    scope: Scope = Scope.MISSING,
    *,
    item_ids: list[str] | None = None,
    retranslate: bool = False,
    find_terms: terminology.FindTerms | None = None,
) -> Request:
    """The items to translate into `target`, in document order.

    Only items whose source is the other language take part. Edited, approved and needs-review
    translations are replaced only when `retranslate` is set, because a person worked on them.
    """
    wanted = set(item_ids) if item_ids is not None else None
    tasks = []
    for item in briefing.items():
        if item.source is target or not item.source_text.strip():
            continue
        if wanted is not None and item.id not in wanted:
            continue
        if not retranslate:
            if scope is Scope.MISSING and item.status is not TargetStatus.EMPTY:
                continue
            if item.status not in REPLACEABLE:
                continue
        tasks.append(Task(item.id, item.source_text))
    return Request(target.other, target, tuple(tasks), find_terms)


def run(
    engine: Engine,
    request: Request,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> Result:
    """Translate a request with the engine (on the thread that owns it)."""
    result = Result(request)
    if not request.tasks:
        return result
    source, target = request.source.value, request.target.value
    engine.check(source, target)
    extracted: dict[str, Extracted] = {task.item_id: extract(task.source_text) for task in request.tasks}
    unique = list(dict.fromkeys(s for e in extracted.values() for s in e.segments))
    protected = {s: _protect(request, s) for s in unique}
    chunks_of = model_inputs(engine, source, target, list(dict.fromkeys(p.text for p in protected.values())))
    tokens = {chunk: pieces for chunks in chunks_of.values() for chunk, pieces in chunks}
    # Similar lengths in one batch waste the least padding.
    order = sorted(tokens, key=lambda chunk: len(tokens[chunk]))
    result.sentences = len(unique)
    done: dict[str, str] = {}
    pending = dict(extracted)
    for start in range(0, len(order), engine.settings.batch_size):
        if cancel is not None and cancel.is_set():
            result.cancelled = True
            break
        batch = order[start : start + engine.settings.batch_size]
        translated = engine.translate_tokens(source, target, [tokens[chunk] for chunk in batch])
        done.update(zip(batch, translated, strict=True))
        finished = {s for s in unique if all(chunk in done for chunk, _ in chunks_of[protected[s].text])}
        for item_id, item in list(pending.items()):
            if finished.issuperset(item.segments):
                warnings: list[Message] = []
                sentences = []
                for s in item.segments:
                    output = " ".join(done[chunk] for chunk, _ in chunks_of[protected[s].text])
                    sentence, lost = terminology.restore(output, protected[s], request.target)
                    sentences.append(sentence)
                    warnings += lost
                text, markup_warnings = item.assemble(sentences)
                result.translations[item_id] = text
                result.warnings += [
                    Message("translation.item_warning", {"item": item_id, "warning": warning})
                    for warning in warnings + markup_warnings
                ]
                del pending[item_id]
        if progress is not None:
            progress(len(finished), len(unique))
    return result


def _protect(request: Request, sentence: str) -> terminology.Protected:
    if request.find_terms is None:
        return terminology.Protected(sentence)
    return terminology.protect(sentence, request.source, request.target, request.find_terms)


def model_inputs(
    engine: Engine, source: str, target: str, sentences: list[str]
) -> dict[str, list[tuple[str, list[str]]]]:
    """Each sentence with the pieces the model gets for it: (text, tokens) once, or several when a sentence
    too long for the model is cut at word boundaries."""
    limit = engine.max_input_tokens(source, target)
    out: dict[str, list[tuple[str, list[str]]]] = {}
    for sentence, pieces in zip(sentences, engine.tokenize(source, target, sentences), strict=True):
        if len(pieces) <= limit:
            out[sentence] = [(sentence, pieces)]
            continue
        parts: list[list[str]] = []
        current: list[str] = []
        for piece in pieces:
            if len(current) >= limit or (current and piece.startswith("▁") and len(current) >= limit * 3 // 4):
                parts.append(current)
                current = []
            current.append(piece)
        parts.append(current)
        out[sentence] = [(engine.detokenize(source, target, part), part) for part in parts]
    return out


def translations(result: Result) -> list[edits.Translation]:
    """The results of a job as translations to store, each with the source it was made from."""
    sources = {task.item_id: task.source_text for task in result.request.tasks}
    return [
        edits.Translation(item_id, result.request.target, text, TargetOrigin.MACHINE, sources[item_id])
        for item_id, text in result.translations.items()
    ]


def apply(briefing: Briefing, result: Result) -> edits.ApplyTranslations:
    """Store the translations as machine-translated, through the one edit that does so (undoable);
    its `skipped` lists the items left alone because their source changed meanwhile (or they are gone)."""
    edit = edits.ApplyTranslations(translations(result))
    edit.apply(briefing)
    return edit


class TranslationWorker:
    """The one thread that owns the translation models; everything CTranslate2 happens there."""

    def __init__(self, make_engine: Callable[[], Engine]) -> None:
        self._make_engine = make_engine
        self._engine: Engine | None = None
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="translation")

    def _engine_here(self) -> Engine:
        if self._engine is None:
            self._engine = self._make_engine()
        return self._engine

    def submit(
        self, request: Request, progress: Progress | None = None, cancel: threading.Event | None = None
    ) -> Future[Result]:
        return self._executor.submit(lambda: run(self._engine_here(), request, progress, cancel))

    def call(self, function: Callable[[Engine], object]) -> Future[object]:
        """Run something else that needs the engine (reconfigure, check a pair) on the worker thread."""
        return self._executor.submit(lambda: function(self._engine_here()))

    def shutdown(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
