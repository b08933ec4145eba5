"""Translation jobs: which items to translate, running them in batches in the background, applying results.

A job is planned from a briefing on the caller's thread (`plan`), which copies out the texts it needs;
the worker thread, which alone owns the models, translates every sentence of every item through
`translate_batch` in sizeable batches, each distinct sentence once (`run`); the caller applies the
results on its own thread (`apply`). Progress goes through a callback; cancelling takes effect between
batches and keeps the items already finished.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TypeVar

from briefing import edits
from briefing.messages import Message, register
from briefing.model import Briefing, Language, TargetOrigin, TargetStatus
from briefing.translation import terminology
from briefing.translation.cache import ModelKey, SentenceCache
from briefing.translation.engine import Engine, EngineSettings
from briefing.translation.markup import Extracted, extract

register({"translation.item_warning": "{item}: {warning}"})

_T = TypeVar("_T")
Progress = Callable[[int, int], None]  # (sentences done, sentences in the job)
Delivered = Callable[[dict[str, str]], None]  # items finished by the latest batch: item id → translated text

FIRST_BATCH = 8  # sentences in a job's first model call
# The last, part-filled batch rides along with the first call when, padded to the first call's longest piece, it
# pads at most this much more than the two calls would apart (bench/translate_bench.py --compare-merge sets it to
# infinity, the former rule, to measure what it saves).
MERGE_PADDING = 1.25

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
    # Source texts already split by `markup.extract` (by pre-translation), so that the job does not split them again.
    extracted: Mapping[str, Extracted] = field(default_factory=dict, compare=False, repr=False)


@dataclass
class Result:
    request: Request
    translations: dict[str, str] = field(default_factory=dict)  # item id → translated text
    cancelled: bool = False
    sentences: int = 0  # distinct sentences in the job
    warnings: list[Message] = field(default_factory=list)  # e.g. markup a translation lost, per item
    from_model: int = 0  # distinct sentences the model translated
    from_cache: int = 0  # distinct sentences the cache already knew


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
    *,
    delivered: Delivered | None = None,
    cache: SentenceCache | None = None,
) -> Result:
    """Translate a request with the engine (on the thread that owns it).

    Sentences the cache knows are not sent to the model. The first few sentences in document order go first,
    so that the first items are finished (and handed to `delivered`) after one small call; the rest are grouped
    by length into batches of `tokens_per_batch` (see `model_batches`). Each batch's items are delivered as soon
    as it finishes, and cancelling takes effect between batches.
    """
    result = Result(request)
    if not request.tasks:
        return result
    source, target = request.source.value, request.target.value
    package = engine.check(source, target)
    key = ModelKey(source, target, package.version, engine.settings.beam_size)
    # Each distinct source text is split, and later assembled, once (a briefing repeats boilerplate paragraphs).
    by_text: dict[str, Extracted] = dict(request.extracted)
    for task in request.tasks:
        if task.source_text not in by_text:
            by_text[task.source_text] = extract(task.source_text)
    unique = list(dict.fromkeys(s for task in request.tasks for s in by_text[task.source_text].segments))
    protected = {s: _protect(request, s) for s in unique}
    inputs = list(dict.fromkeys(p.text for p in protected.values()))
    outputs: dict[str, str] = cache.lookup(key, inputs) if cache is not None else {}  # model input → output
    result.sentences, result.from_cache = len(unique), len(outputs)
    # Which items wait for which model inputs: a finished batch touches only the items it completes.
    order = {task.item_id: number for number, task in enumerate(request.tasks)}
    waiting: dict[str, int] = {}  # item id → model inputs it still waits for
    waiters: dict[str, list[Task]] = {}  # model input → the items waiting for it
    ready: list[Task] = []
    for task in request.tasks:
        needs = {protected[s].text for s in by_text[task.source_text].segments} - outputs.keys()
        waiting[task.item_id] = len(needs)
        for text in needs:
            waiters.setdefault(text, []).append(task)
        if not needs:
            ready.append(task)
    assembled: dict[str, tuple[str, list[Message]]] = {}  # source text → its translation and warnings

    def finish_items() -> None:
        finished: dict[str, str] = {}
        for task in sorted(ready, key=lambda task: order[task.item_id]):
            if task.source_text not in assembled:
                assembled[task.source_text] = _assemble(by_text[task.source_text], protected, outputs, request)
            text, warnings = assembled[task.source_text]
            finished[task.item_id] = text
            result.warnings += [
                Message("translation.item_warning", {"item": task.item_id, "warning": warning}) for warning in warnings
            ]
        ready.clear()
        result.translations.update(finished)
        if finished and delivered is not None:
            delivered(finished)

    def arrived(made: dict[str, str]) -> None:
        for text in made:
            for task in waiters.pop(text, ()):
                waiting[task.item_id] -= 1
                if not waiting[task.item_id]:
                    ready.append(task)

    finish_items()
    missing = [text for text in inputs if text not in outputs]
    done_sentences = len(inputs) - len(missing)
    if progress is not None and done_sentences:
        progress(done_sentences, len(inputs))
    # Each sentence is tokenized once; a sentence too long for the model travels as several pieces.
    chunks_of = model_inputs(engine, source, target, missing) if missing else {}
    pieces = [(text, index, tokens) for text in missing for index, (_, tokens) in enumerate(chunks_of[text])]
    translated: dict[tuple[str, int], str] = {}
    limit = engine.tokens_per_batch(source, target)
    for batch in model_batches(missing, pieces, engine.settings, limit):
        if cancel is not None and cancel.is_set():
            result.cancelled = True
            break
        texts = iter(engine.translate_tokens(source, target, [pieces[i][2] for i in batch]))
        made: dict[str, str] = {}
        for i in batch:
            text, index, _ = pieces[i]
            translated[text, index] = next(texts)
            count = len(chunks_of[text])
            if all((text, n) in translated for n in range(count)):
                made[text] = " ".join(translated.pop((text, n)) for n in range(count))
        result.from_model += len(made)
        outputs.update(made)
        if cache is not None:
            cache.store(key, made)
        arrived(made)
        finish_items()
        done_sentences += len(made)
        if progress is not None:
            progress(done_sentences, len(inputs))
    if cache is not None and cache.problem is not None:
        result.warnings.append(cache.problem)
    return result


def model_batches(
    missing: list[str], pieces: list[tuple[str, int, list[str]]], settings: EngineSettings, limit: int | None = None
) -> list[list[int]]:
    """The job's model inputs (indices into `pieces`) grouped into translate_batch calls.

    `limit` is the token limit of a batch (default: the settings' `tokens_per_batch`; the engine passes the
    loaded model's, see `Engine.tokens_per_batch`; 0 batches by sentences, `batch_size` each).

    First the pieces of the first `FIRST_BATCH` sentences in document order, so that the first items show
    soon. Then all the others as CTranslate2 itself groups one call's inputs (`rebatch_input`): longest first,
    each batch at most `limit` tokens counting padding to its longest input (or `batch_size` inputs), so that
    no batch is part-filled merely because a call ended. Those batches run shortest first: items made of short
    sentences fill in while the long ones translate. The last, part-filled batch joins the first call when it
    fits and padding it to the first call's longest piece costs little (`MERGE_PADDING`): a short job is one
    call; but the shortest pieces are not padded to a long first sentence (that was 2.5 % more padded tokens,
    half of what the engine spent over one raw call on the benchmark).
    """
    limit = settings.tokens_per_batch if limit is None else limit
    first = set(missing[: min(FIRST_BATCH, settings.batch_size)])
    head = [i for i, (text, _, _) in enumerate(pieces) if text in first]
    rest = sorted((i for i, (text, _, _) in enumerate(pieces) if text not in first), key=lambda i: -len(pieces[i][2]))
    batches: list[list[int]] = []
    current: list[int] = []
    for i in rest:
        longest = len(pieces[current[0]][2]) if current else len(pieces[i][2])
        if current and (len(current) >= settings.batch_size or (limit and (len(current) + 1) * longest > limit)):
            batches.append(current)
            current = []
        current.append(i)
    if current:
        batches.append(current)
    if head and batches:
        # The shortest batch is the one left part-filled; riding along with the first call saves the job a call
        # that one call over the rest would not make, when padding its pieces to the first call's longest costs
        # little: not so when the first sentences are long and the last batch's are short.
        merged = head + batches[-1]
        longest = max(len(pieces[i][2]) for i in merged)
        apart = sum(len(batch) * max(len(pieces[i][2]) for i in batch) for batch in (head, batches[-1]))
        fits = len(merged) <= max(settings.batch_size, len(head)) and (not limit or len(merged) * longest <= limit)
        if fits and len(merged) * longest <= MERGE_PADDING * apart:
            head = merged
            batches.pop()
    return ([head] if head else []) + batches[::-1]


def _assemble(
    item: Extracted, protected: dict[str, terminology.Protected], outputs: dict[str, str], request: Request
) -> tuple[str, list[Message]]:
    """An item's translated text from its sentences' model outputs, and what was lost on the way."""
    warnings: list[Message] = []
    sentences = []
    for s in item.segments:
        sentence, lost = terminology.restore(outputs[protected[s].text], protected[s], request.target)
        sentences.append(sentence)
        warnings += lost
    text, markup_warnings = item.assemble(sentences)
    return text, warnings + markup_warnings


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
    return translations_of(result.request, result.translations)


def translations_of(request: Request, translated: dict[str, str]) -> list[edits.Translation]:
    """Some of a request's items (as `delivered` hands them over) as translations to store."""
    sources = {task.item_id: task.source_text for task in request.tasks}
    return [
        edits.Translation(item_id, request.target, text, TargetOrigin.MACHINE, sources[item_id])
        for item_id, text in translated.items()
    ]


def apply(briefing: Briefing, result: Result) -> edits.ApplyTranslations:
    """Store the translations as machine-translated, through the one edit that does so (undoable);
    its `skipped` lists the items left alone because their source changed meanwhile (or they are gone)."""
    edit = edits.ApplyTranslations(translations(result))
    edit.apply(briefing)
    return edit


def _lower_priority() -> None:
    """Let the window's thread go first on a busy CPU: the translation thread (and the model's threads, which
    it starts and which inherit this) runs at a lower priority. Linux only (a thread's own niceness)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError):
            tid = threading.get_native_id()
            os.setpriority(os.PRIO_PROCESS, tid, min(19, os.getpriority(os.PRIO_PROCESS, tid) + 5))


class TranslationWorker:
    """The one thread that owns the translation models; everything CTranslate2 happens there.

    Models stay loaded between jobs (loading a real package takes about a second) and are dropped after
    `idle_unload` seconds without a job (None: never), to give the memory back. A window's worker runs at
    `low_priority`, so that typing stays smooth while it translates.
    """

    def __init__(
        self,
        make_engine: Callable[[], Engine],
        make_cache: Callable[[], SentenceCache | None] | None = None,
        idle_unload: float | None = None,
        low_priority: bool = False,
    ) -> None:
        self._make_engine = make_engine
        self._make_cache = make_cache
        self._engine: Engine | None = None
        self._cache: SentenceCache | None = None
        self._cache_made = False
        self.idle_unload = idle_unload
        self._executor = ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="translation", initializer=_lower_priority if low_priority else None
        )
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None
        self._generation = 0  # jobs submitted; an idle timer only unloads if none came after it

    def _engine_here(self) -> Engine:
        if self._engine is None:
            self._engine = self._make_engine()
        return self._engine

    def cache(self) -> SentenceCache | None:
        """The sentence cache (opened at first use); only for work running on the worker thread."""
        if not self._cache_made and self._make_cache is not None:
            self._cache = self._make_cache()
        self._cache_made = True
        return self._cache

    def submit(
        self,
        request: Request,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
        delivered: Delivered | None = None,
    ) -> Future[Result]:
        def job() -> Result:
            try:
                return run(self._engine_here(), request, progress, cancel, delivered=delivered, cache=self.cache())
            finally:
                self._arm_idle_timer()

        return self._submit(job)

    def call(self, function: Callable[[Engine], object]) -> Future[object]:
        """Run something else that needs the engine (reconfigure, check a pair) on the worker thread."""

        def job() -> object:
            try:
                return function(self._engine_here())
            finally:
                self._arm_idle_timer()

        return self._submit(job)

    def _submit(self, function: Callable[[], _T]) -> Future[_T]:
        with self._lock:
            self._generation += 1
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
        return self._executor.submit(function)

    def _arm_idle_timer(self) -> None:
        if self.idle_unload is None:
            return
        with self._lock:
            generation = self._generation
            if self._timer is not None:
                self._timer.cancel()
            self._timer = threading.Timer(self.idle_unload, self._unload_if_idle, [generation])
            self._timer.daemon = True
            self._timer.start()

    def _unload_if_idle(self, generation: int) -> None:
        with self._lock:
            if generation != self._generation:
                return
            with contextlib.suppress(RuntimeError):  # shut down meanwhile
                self._executor.submit(self._unload)

    def _unload(self) -> None:
        if self._engine is not None:
            self._engine.forget()

    @property
    def loaded(self) -> int:
        """How many models are loaded now (for tests and the status line)."""
        return 0 if self._engine is None else len(self._engine.loaded_pairs())

    def shutdown(self) -> None:
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
        self._executor.shutdown(wait=True, cancel_futures=True)
        if self._cache is not None:
            self._cache.close()
