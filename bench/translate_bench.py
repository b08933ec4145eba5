"""Translation speed: argostranslate per item vs. this engine vs. raw CTranslate2, in one run.

    python bench/translate_bench.py [--copies 11] [--beam 1] [--repeat 3]

One package (the tests' tiny copy model, en→ko, with the MiniSBD stand-in so that argostranslate's
own translate() runs offline) and one text: the example briefing's English items repeated to about
300 sentences. Each copy's sentences are made distinct (a copy number before the final stop), so that
the engine's deduplication does not flatter it; a second line shows the repeated text as is.

  (a) argostranslate.translate.translate() called once per item
  (b) this engine: a translation job over all items (segmentation, Markdown, batching, reassembly)
  (c) the floor: one translate_batch call over the pre-tokenised sentences (b) translates, cut as (b) cuts them

Prints the time of one run of (a), the best of N runs of (b) and (c), and the ratios (a)/(b) and (b)/(c).
Targets: (a)/(b) >= 3, (b)/(c) <= 1.2.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import sys
import tempfile
from functools import partial
from pathlib import Path
from types import ModuleType

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.timing import best


def _translate_each(argos: ModuleType, texts: list[str]) -> None:
    """(a): argostranslate called once per item, as its users call it."""
    for text in texts:
        argos.translate(text, "en", "ko")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=11)
    parser.add_argument("--beam", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    home = Path(tempfile.mkdtemp(prefix="translate-bench-"))
    os.environ["BRIEFING_HOME"] = str(home)
    os.environ["ARGOS_BEAM_SIZE"] = str(args.beam)  # argostranslate reads it once, at import

    from briefing.language.segmentation import sentences, split_sentences
    from briefing.model import Briefing, Language
    from briefing.storage import load
    from briefing.translation import jobs
    from briefing.translation.argos import import_argos
    from briefing.translation.engine import Engine, EngineSettings
    from briefing.translation.markup import extract
    from briefing.translation.packages import PackageStore
    from tests.tiny_package import build_package, minisbd_standin

    store = PackageStore()
    store.install(build_package(home, "en", "ko", extra_files={"minisbd/en.onnx": minisbd_standin("en")}))
    example = load(Path(__file__).resolve().parent.parent / "examples" / "scwg-23.briefing")

    def briefing_of(distinct: bool) -> Briefing:
        made = Briefing()
        section = made.add_section()
        for copy in range(args.copies):
            for item in example.items():
                text = item.text.en
                if distinct and copy:
                    text = "".join(
                        re.sub(r"([.!?]?)$", rf" ({copy})\1", piece.text, count=1) if piece.is_sentence else piece.text
                        for piece in split_sentences(text)
                    )
                made.add_item(section.id).set_text(Language.EN, text)
        return made

    argos = import_argos("argostranslate.translate")
    settings = EngineSettings(beam_size=args.beam, batch_size=64)
    print(
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; tiny en→ko copy model; "
        f"beam {args.beam}; (b), (c) best of {args.repeat}"
    )
    for distinct in (True, False):
        briefing = briefing_of(distinct)
        items = [item.text.en for item in briefing.items()]
        request = jobs.plan(briefing, Language.KO)
        engine = Engine(store, settings)
        unique = list(dict.fromkeys(s for text in items for s in extract(text).segments))
        # The floor gets exactly the token sequences (b) sends (sentences cut to fit the model), in the best order.
        chunks = jobs.model_inputs(engine, "en", "ko", unique)
        tokens = sorted((pieces for parts in chunks.values() for _, pieces in parts), key=len)
        loaded = engine._model("en", "ko")  # the floor uses the very same loaded model
        translator, decoding = loaded.translator, 2 * len(tokens[-1]) + 10
        if loaded.positions is not None:
            decoding = min(decoding, loaded.positions - 2)
        argos.translate(items[0], "en", "ko")  # load argostranslate's model before timing

        time_a = best(partial(_translate_each, argos, items), 1)
        time_b = best(partial(jobs.run, engine, request), args.repeat)
        time_c = best(
            partial(
                translator.translate_batch,
                tokens,
                beam_size=args.beam,
                max_batch_size=64,
                max_decoding_length=decoding,
            ),
            args.repeat,
        )
        total = sum(len(sentences(text)) for text in items)
        label = "distinct sentences" if distinct else "repeated as is    "
        print(
            f"{label}: {len(items)} items, {total} sentences ({len(unique)} distinct) | "
            f"(a) argos {time_a:6.2f} s  (b) engine {time_b:6.2f} s  (c) floor {time_c:6.2f} s | "
            f"(a)/(b) {time_a / time_b:5.2f}  (b)/(c) {time_b / time_c:4.2f}"
        )


if __name__ == "__main__":
    main()
