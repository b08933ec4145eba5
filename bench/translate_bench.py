"""Translation speed: argostranslate per item vs. this engine vs. raw CTranslate2, in one run.

    python bench/translate_bench.py --model base     # a real-size model (built once into a cache, ~2 min)
    python bench/translate_bench.py --model small    # a quick run
    python bench/translate_bench.py --model tiny     # the tests' copy model (per-call overhead only)
    python bench/translate_bench.py --model base --tune   # batching, threads, compute type, beam 1 vs 4

`base` is bench/bench_model.py's package: 6+6 layers, width 512, 8 heads, a 32k SentencePiece vocabulary,
int8, random weights, every output 1.2× its input's length (so runs compare); `small` is 2+2 layers, width
256, 8k. One text: the example briefing's English items repeated to about 300 sentences, each copy's
sentences made distinct (a copy number before the final stop) so that no deduplication or cache flatters
the engine.

  (a) argostranslate.translate.translate() called once per item, as its users call it: its own MiniSBD
      sentence splitting (the package's stand-in splitter), one translate_batch call per line with its default
      batching (ARGOS_BATCH_SIZE 32 tokens, so a sentence longer than 32 pieces goes alone), inter 1 / intra 0
      threads; its beam (ARGOS_BEAM_SIZE, default 4) is set to (b)'s, so both decode alike
  (b) this engine: a translation job over all items (segmentation, Markdown, batching, reassembly), no cache
  (c) the floor: one translate_batch call over exactly the token sequences (b) sends, with (b)'s settings

Also: package load time, first-result latency of (b) (when its first items are finished), peak RSS with
both directions loaded. (b) and (c) run --repeat times alternately (medians, range, and each pair's ratio);
every figure comes with the machine's load average, and with CPU time (all threads of this process), which
other work on a shared machine disturbs far less than wall time. The last line prints (a)/(b) and (b)/(c).
Targets: (a)/(b) >= 3, (b)/(c) <= 1.05.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import re
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from types import ModuleType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.timing import best


def _translate_each(argos: ModuleType, texts: list[str]) -> None:
    """(a): argostranslate called once per item, as its users call it."""
    for text in texts:
        argos.translate(text, "en", "ko")


def _rss_mb() -> tuple[float, float]:
    """(resident now, peak so far) in MB."""
    now = 0.0
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            now = int(line.split()[1]) / 1024
    return now, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", choices=["base", "small", "tiny"], default="small")
    parser.add_argument("--copies", type=int, default=11, help="copies of the example (11: about 300 sentences)")
    parser.add_argument("--beam", type=int, help="beam size (default: the engine's default)")
    parser.add_argument("--threads", type=int, help="intra threads (default: the engine's default)")
    parser.add_argument("--batch-size", type=int, help="sentences per engine call (default: the engine's)")
    parser.add_argument("--batch-tokens", type=int, help="tokens per model batch (default: the engine's)")
    parser.add_argument("--repeat", type=int, default=3, help="alternating runs of (b) and (c); medians count")
    parser.add_argument("--no-argos", action="store_true", help="skip (a)")
    parser.add_argument("--tune", action="store_true", help="time the floor under other settings instead")
    parser.add_argument(
        "--compare-merge",
        action="store_true",
        help="also time (b) with the former rule: the last batch always rides along with the first call when it "
        "fits (however much padding that adds), alternating",
    )
    args = parser.parse_args()

    home = Path(tempfile.mkdtemp(prefix="translate-bench-"))
    os.environ["BRIEFING_HOME"] = str(home)

    from briefing.language.segmentation import sentences, split_sentences
    from briefing.model import Briefing, Language
    from briefing.storage import load
    from briefing.translation import jobs
    from briefing.translation.argos import import_argos
    from briefing.translation.engine import Engine, EngineSettings
    from briefing.translation.markup import extract
    from briefing.translation.packages import PackageStore

    defaults = EngineSettings()
    settings = EngineSettings(
        beam_size=args.beam or defaults.beam_size,
        threads=defaults.threads if args.threads is None else args.threads,
        batch_size=args.batch_size or defaults.batch_size,
        batch_tokens=defaults.batch_tokens if args.batch_tokens is None else args.batch_tokens,
    )
    os.environ["ARGOS_BEAM_SIZE"] = str(settings.beam_size)  # argostranslate reads it once, at import

    store = PackageStore()
    if args.model == "tiny":
        from tests.tiny_package import build_package, minisbd_standin

        store.install(build_package(home, "en", "ko", extra_files={"minisbd/en.onnx": minisbd_standin("en")}))
        store.install(build_package(home, "ko", "en", extra_files={"minisbd/ko.onnx": minisbd_standin("ko")}))
        shape = "the tests' copy model"
    else:
        from bench.bench_model import SIZES, cached_packages

        size = SIZES[args.model]
        for package in cached_packages(size):
            store.install(package)
        shape = f"{size.layers}+{size.layers} layers, width {size.width}, vocabulary {size.vocabulary}, int8"
    example = load(Path(__file__).resolve().parent.parent / "examples" / "scwg-23.briefing")

    made = Briefing()
    section = made.add_section()
    for copy in range(args.copies):
        for item in example.items():
            text = item.text.en
            if copy:
                text = "".join(
                    re.sub(r"([.!?]?)$", rf" ({copy})\1", piece.text, count=1) if piece.is_sentence else piece.text
                    for piece in split_sentences(text)
                )
            made.add_item(section.id).set_text(Language.EN, text)
    items = [item.text.en for item in made.items()]
    request = jobs.plan(made, Language.KO)

    print(
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"{args.model}: {shape}; beam {settings.beam_size}, {settings.threads or 'all'} threads, "
        f"at most {settings.batch_size} sentences per batch; load average {os.getloadavg()[0]:.1f}"
    )
    loads = []
    for _ in range(args.repeat):
        engine = Engine(store, settings)
        loads.append(measure(partial(engine.check, "en", "ko")))
        engine.forget()
    engine = Engine(store, settings)
    engine.check("en", "ko")
    engine.check("ko", "en")
    rss_now, rss_peak = _rss_mb()
    print(
        f"load (en→ko, a fresh engine, {args.repeat} times): {spread([run.wall for run in loads])} s, "
        f"load average {spread([run.load for run in loads])}; both directions loaded: RSS {rss_now:.0f} MB, "
        f"peak {rss_peak:.0f} MB"
    )

    unique = list(dict.fromkeys(s for text in items for s in extract(text).segments))
    chunks = jobs.model_inputs(engine, "en", "ko", unique)
    tokens = [pieces for parts in chunks.values() for _, pieces in parts]
    total = sum(len(sentences(text)) for text in items)
    print(
        f"text: {len(items)} items, {total} sentences ({len(unique)} distinct), "
        f"{sum(map(len, tokens))} source pieces, {len(tokens)} model inputs"
    )
    loaded = engine._model("en", "ko")  # the floor uses the very same loaded model
    limit = engine.tokens_per_batch("en", "ko")
    print(f"tokens per batch for this model: {limit or 'any number of'}")

    if args.tune:
        _tune(loaded.translator, str(loaded.package.model_folder), tokens, settings, limit)
        return

    timed = _TimedTranslator(loaded.translator)
    loaded.translator = timed  # (b) calls translate_batch through this; (c) calls the translator itself
    first: list[float] = []

    def engine_job(merge_padding: float = jobs.MERGE_PADDING) -> None:
        began = time.perf_counter()
        first.clear()
        chosen, jobs.MERGE_PADDING = jobs.MERGE_PADDING, merge_padding
        try:
            jobs.run(
                engine, request, delivered=lambda done: first.append(time.perf_counter() - began) if not first else None
            )
        finally:
            jobs.MERGE_PADDING = chosen

    # (b) and (c) alternate, so that both meet the same machine; each pair gives one ratio.
    runs_b: list[Run] = []
    runs_c: list[Run] = []
    runs_plain: list[Run] = []
    firsts_plain: list[float] = []
    firsts: list[float] = []
    inside: list[float] = []
    for number in range(args.repeat):
        timed.seconds, timed.calls = 0.0, 0
        runs_b.append(measure(engine_job))
        firsts.append(first[0])
        inside.append(timed.seconds)
        calls, seconds = timed.calls, timed.seconds
        runs_c.append(measure(partial(_floor, timed.translator, tokens, settings, limit)))
        plain = ""
        if args.compare_merge:
            timed.calls = 0
            runs_plain.append(measure(partial(engine_job, math.inf)))
            firsts_plain.append(first[0])
            plain = (
                f"; (b, former merge) {runs_plain[-1]}, {timed.calls} calls, first result after "
                f"{first[0]:.2f} s, its /(c) CPU {runs_plain[-1].cpu / runs_c[-1].cpu:.3f}"
            )
        print(
            f"  run {number + 1}: (b) {runs_b[-1]}, {calls} calls, {seconds:.2f} s in translate_batch, first "
            f"result after {firsts[-1]:.2f} s; (c) {runs_c[-1]}; (b)/(c) {runs_b[-1].wall / runs_c[-1].wall:.3f} (CPU "
            f"{runs_b[-1].cpu / runs_c[-1].cpu:.3f}){plain}",
            flush=True,
        )
    wall_ratio = spread([b.wall / c.wall for b, c in zip(runs_b, runs_c, strict=True)])
    cpu_ratio = spread([b.cpu / c.cpu for b, c in zip(runs_b, runs_c, strict=True)])
    time_b = statistics.median(run.wall for run in runs_b)
    outside = statistics.median(run.wall - took for run, took in zip(runs_b, inside, strict=True))
    print(
        f"(b) engine {time_b:6.2f} s median of {args.repeat} ({1000 * time_b / total:.0f} ms/sentence; "
        f"{spread([run.wall for run in runs_b])} s), first result after {spread(firsts)} s; "
        f"outside translate_batch {outside:.2f} s"
    )
    time_c = statistics.median(run.wall for run in runs_c)
    print(f"(c) floor  {time_c:6.2f} s ({1000 * time_c / total:.0f} ms/sentence; {spread([r.wall for r in runs_c])} s)")
    print(f"(b)/(c): wall {wall_ratio}, CPU time {cpu_ratio}")
    if runs_plain:
        print(
            f"(b) with the former merge rule, /(c): wall "
            f"{spread([b.wall / c.wall for b, c in zip(runs_plain, runs_c, strict=True)])}, CPU time "
            f"{spread([b.cpu / c.cpu for b, c in zip(runs_plain, runs_c, strict=True)])}; first result after "
            f"{spread(firsts_plain)} s"
        )
    run_a = None
    if not args.no_argos:
        argos = import_argos("argostranslate.translate")
        argos.translate(items[0], "en", "ko")  # load argostranslate's model before timing
        run_a = measure(partial(_translate_each, argos, items))
        print(f"(a) argos  {run_a.wall:6.2f} s ({1000 * run_a.wall / total:.0f} ms/sentence; {run_a})")
        print(
            f"(a)/(b): wall {run_a.wall / time_b:.2f} (against each (b): "
            f"{spread([run_a.wall / run.wall for run in runs_b])}), CPU time "
            f"{run_a.cpu / statistics.median(run.cpu for run in runs_b):.2f}"
        )
    print(f"peak RSS of the whole run (argostranslate's own copy of the model included): {_rss_mb()[1]:.0f} MB")
    ratio_a = f"{run_a.wall / time_b:5.2f}" if run_a is not None else "  n/a"
    cpu_bc = statistics.median(b.cpu / c.cpu for b, c in zip(runs_b, runs_c, strict=True))
    cpu_a = f"{run_a.cpu / statistics.median(run.cpu for run in runs_b):5.2f}" if run_a is not None else "  n/a"
    print(
        f"load {os.getloadavg()[0]:.1f}; beam {settings.beam_size}; (a)/(b) {ratio_a}  (b)/(c) {time_b / time_c:4.2f}"
        f"  (CPU time: (a)/(b) {cpu_a}  (b)/(c) {cpu_bc:4.2f})"
    )


@dataclass
class Run:
    wall: float
    cpu: float  # the process's CPU time, all threads: what the work cost, whatever else ran
    load: float  # the machine's 1-minute load average when the run ended

    def __str__(self) -> str:
        return f"{self.wall:.2f} s, CPU {self.cpu:.2f} s, load {self.load:.1f}"


def measure(function: Callable[[], object]) -> Run:
    wall, cpu = time.perf_counter(), time.process_time()
    function()
    return Run(time.perf_counter() - wall, time.process_time() - cpu, os.getloadavg()[0])


def spread(values: list[float]) -> str:
    """Median and range, e.g. `1.02 (0.98–1.07)`."""
    if len(values) == 1:
        return f"{values[0]:.2f}"
    return f"{statistics.median(values):.2f} ({min(values):.2f}–{max(values):.2f})"


class _TimedTranslator:
    """The loaded translator, counting the time the engine spends inside translate_batch."""

    def __init__(self, translator: Any) -> None:
        self.translator = translator
        self.seconds = 0.0
        self.calls = 0

    def translate_batch(self, *args: Any, **options: Any) -> Any:
        start = time.perf_counter()
        try:
            return self.translator.translate_batch(*args, **options)
        finally:
            self.seconds += time.perf_counter() - start
            self.calls += 1


def _floor(translator: Any, tokens: list[list[str]], settings: Any, limit: int, **overrides: Any) -> None:
    options: dict[str, Any] = {
        "beam_size": settings.beam_size,
        "max_batch_size": limit or settings.batch_size,
        "batch_type": "tokens" if limit else "examples",
        "max_decoding_length": 2 * max(map(len, tokens)) + 10,
    }
    options.update(overrides)
    translator.translate_batch(tokens, **options)


def _tune(translator: Any, model: str, tokens: list[list[str]], settings: Any, limit: int) -> None:
    """The floor on a third of the text under other settings (each line: one translate_batch call)."""
    import ctranslate2

    part = tokens[: max(1, len(tokens) // 3)]
    floor = partial(_floor, translator, part, settings, limit)
    count = len(part)

    def timed(label: str, function: Any) -> None:
        took = best(function, 1)
        print(f"  {label:<46} {took:6.2f} s  {1000 * took / count:5.0f} ms/input", flush=True)

    print(f"tuning on {count} inputs:")
    for beam in (1, 2, 4):
        timed(
            f"beam {beam}, 32 sentences per batch",
            partial(floor, beam_size=beam, max_batch_size=32, batch_type="examples"),
        )
    for beam in (1, 4):
        for size in (8, 16, 64):
            timed(
                f"beam {beam}, {size} sentences per batch",
                partial(floor, beam_size=beam, max_batch_size=size, batch_type="examples"),
            )
        for size in (512, 1024, 2048):
            timed(
                f"beam {beam}, {size} tokens per batch",
                partial(floor, beam_size=beam, max_batch_size=size, batch_type="tokens"),
            )
    timed("beam 1, one sentence per call", lambda: [translator.translate_batch([t], beam_size=1) for t in part])
    for compute, inter, intra in (("int8", 1, 2), ("int8", 2, 1), ("int8", 1, 1), ("float32", 1, 2)):
        other = ctranslate2.Translator(
            model, device="cpu", compute_type=compute, inter_threads=inter, intra_threads=intra
        )
        timed(
            f"{compute}, inter {inter} intra {intra}, beam 1, 32/batch",
            partial(_floor, other, part, settings, limit, beam_size=1, max_batch_size=32, batch_type="examples"),
        )
        del other


if __name__ == "__main__":
    main()
