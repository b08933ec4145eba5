"""The translation engine: an installed package's CTranslate2 and SentencePiece models, run directly.

argostranslate's own `translate()` splits per line, calls the model once per line, downloads sentence
splitters at first use and never notices a reinstalled package. This engine is handed whole batches
of sentences (see `briefing.translation.jobs`), keeps one loaded translator per language pair, and reloads it when
the package on disk changes or its settings do. It must only be used from one thread (the worker in
`briefing.translation.jobs` owns it).
"""

from __future__ import annotations

import contextlib
import os
import re
import struct
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from briefing.messages import BriefingError, register, register_values
from briefing.translation.packages import InstalledPackage, PackageError, PackageStore

LANGUAGE_NAMES = {"ko": "Korean", "en": "English"}

register(
    {
        "engine.beam_size": "beam size must be between 1 and 16",
        "engine.threads": "threads must be between 0 (automatic) and 256",
        "engine.batch_size": "batch size must be at least 1 and sentences at least 8 tokens",
        "packages.missing": "no {from_language}→{to_language} language package is installed",
        "engine.cannot_load": "the {from_code}→{to_code} package cannot be loaded: {reason}",
        "engine.batch_failed": "the {from_code}→{to_code} package could not translate a batch of {count} "
        "sentences: {reason}",
    }
)
for _parameter in ("from_language", "to_language"):
    register_values(_parameter, LANGUAGE_NAMES)


class SettingsError(BriefingError, ValueError):
    """Engine settings out of range (a ValueError, as callers have always caught)."""


@dataclass(frozen=True)
class EngineSettings:
    # 2, as CTranslate2's translate_batch: on an Argos-sized model beam 1 (greedy) costs 0.6x its CPU time and
    # beam 4 (argostranslate's) 1.6x (quality cannot be measured here without a real package; see the README).
    beam_size: int = 2
    threads: int = 0  # 0: every core this process may use
    compute_type: str = "auto"  # int8 packages run in int8 on CPU
    batch_size: int = 64  # at most this many sentences (or pieces of one) per translate_batch call
    # >0: a job is sorted by length and cut into batches of about this many tokens, padded, for a model of the
    # reference size (REFERENCE_SIZE); a model's own budget scales with its size (`tokens_for`).
    batch_tokens: int = 2048
    max_sentence_tokens: int = 200  # longer sentences are cut at word boundaries

    @property
    def tokens_per_batch(self) -> int:
        """The token limit of one batch (0: none). Beam search decodes `beam_size` hypotheses per sentence, so
        above beam 2 the limit shrinks to keep the decoder's memory what beam 2 needs: at beam 4, 2,048-token
        batches took a process with both directions loaded from 245 to 722 MB, 1,024-token ones to 504 MB."""
        return min(self.batch_tokens, self.batch_tokens * 2 // self.beam_size)

    def tokens_for(self, shape: ModelShape | None) -> int:
        """The token limit of one batch for a model of this shape (0: none).

        What a batch token costs in memory is the decoder's caches, in proportion to decoder layers × width:
        `batch_tokens` holds for a model of REFERENCE_SIZE (6 × 512, an Argos-sized Transformer), a larger model
        gets fewer tokens, a smaller one more, up to 4× (so that a cancel still waits little). A small model is
        then not cut into many calls, whose fixed cost per decoding step is what it pays for.
        """
        limit = self.tokens_per_batch
        if not limit or shape is None or shape.size <= 0:
            return limit
        scaled = limit * REFERENCE_SIZE // shape.size
        return max(min(limit, 64), min(scaled, 4 * limit))

    def __post_init__(self) -> None:
        if not 1 <= self.beam_size <= 16:
            raise SettingsError("engine.beam_size")
        if not 0 <= self.threads <= 256:
            raise SettingsError("engine.threads")
        if self.batch_size < 1 or self.max_sentence_tokens < 8 or self.batch_tokens < 0:
            raise SettingsError("engine.batch_size")


class PackageMissing(PackageError):
    """No package is installed for a language pair (the command line adds how to install one)."""

    def __init__(self, source: str, target: str) -> None:
        self.source, self.target = source, target
        super().__init__("packages.missing", from_code=source, to_code=target, from_language=source, to_language=target)
        self.with_hint(
            ". Install one from a file with\n"
            f"  briefing-studio packages install translate-{source}_{target}-<version>.argosmodel\n"
            f"or, on a machine with network access, download it with\n"
            f"  briefing-studio packages download {source} {target}"
        )


REFERENCE_SIZE = 6 * 512  # decoder layers × width of the model `EngineSettings.batch_tokens` is sized for


@dataclass(frozen=True)
class ModelShape:
    """What `model.bin`'s variable headers tell about a CTranslate2 Transformer."""

    positions: int | None = None  # the learned position table's size; None: sinusoidal (no limit)
    width: int = 0  # d_model (0: unknown)
    decoder_layers: int = 0  # (0: unknown)

    @property
    def size(self) -> int:
        """Decoder layers × width: what one token of a batch costs in the decoder's caches (0: unknown)."""
        return self.width * self.decoder_layers


@dataclass
class _Loaded:
    stamp: tuple[int, int]
    settings: EngineSettings
    package: InstalledPackage
    translator: Any  # ctranslate2.Translator
    tokenizer: Any  # sentencepiece.SentencePieceProcessor
    positions: int | None  # a model with learned positions handles this many tokens; None: no limit
    shape: ModelShape | None = None  # None: model.bin's headers could not be read


def position_limit(model_bin: Path) -> int | None:
    """How many positions a CTranslate2 model's learned position table has (None for sinusoidal ones).

    Asking such a model for a longer input or output fails with "No position encodings are defined for
    positions >= N" half-way through a job, so the engine cuts sentences and caps decoding to fit.
    """
    shape = model_shape(model_bin)
    return None if shape is None else shape.positions


_LAYER = re.compile(r"decoder/layer_(\d+)/")


def model_shape(model_bin: Path) -> ModelShape | None:
    """A CTranslate2 model's position table size, width and decoder layers (None: unreadable headers).

    Read from `model.bin`'s variable headers (and the aliases CTranslate2 writes for weights it stores once),
    seeking past the weights.
    """
    limits = []
    names = []
    width = 0
    try:
        with model_bin.open("rb") as stream:
            _unpack(stream, "I")  # binary version
            _read_string(stream)  # spec name
            _unpack(stream, "I")  # revision
            (count,) = _unpack(stream, "I")
            for _ in range(count):
                name = _read_string(stream)
                (rank,) = _unpack(stream, "B")
                shape = _unpack(stream, "I" * rank)
                _unpack(stream, "B")  # data type
                (size,) = _unpack(stream, "I")
                stream.seek(size, os.SEEK_CUR)
                names.append(name)
                if name.endswith("position_encodings/encodings") and shape:
                    limits.append(shape[0])
                if name in ("decoder/embeddings/weight", "decoder/projection/weight") and rank == 2:
                    width = width or shape[1]
            with contextlib.suppress(struct.error, UnicodeDecodeError):
                (aliases,) = _unpack(stream, "I")
                for _ in range(aliases):
                    names.append(_read_string(stream))
                    _read_string(stream)  # the variable it stands for
    except (OSError, struct.error, UnicodeDecodeError):
        return None  # unreadable headers: rely on the error CTranslate2 reports instead
    layers = {int(match.group(1)) for name in names if (match := _LAYER.match(name))}
    return ModelShape(min(limits) if limits else None, width, max(layers) + 1 if layers else 0)


def _unpack(stream: BinaryIO, layout: str) -> tuple[int, ...]:
    size = struct.calcsize("<" + layout)
    data = stream.read(size)
    if len(data) != size:
        raise struct.error("model.bin ends early")
    return struct.unpack("<" + layout, data)


def _read_string(stream: BinaryIO) -> str:
    (length,) = _unpack(stream, "H")
    return stream.read(length).rstrip(b"\0").decode("utf-8")


def machine_cores() -> int:
    """The cores this process may run on (its CPU affinity where the system has one, as in a container)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


_POSITION_ERROR = re.compile(r"No position encodings are defined for positions >= (\d+)")


class Engine:
    """Tokenize, translate and detokenize sentences with installed packages."""

    def __init__(self, store: PackageStore, settings: EngineSettings | None = None) -> None:
        self.store = store
        self.settings = settings or EngineSettings()
        self._loaded: dict[tuple[str, str], _Loaded] = {}
        self.batches = 0  # translate_batch calls made, for tests and benchmarks

    def _model(self, source: str, target: str) -> _Loaded:
        try:
            package = self.store.find(source, target)
        except PackageError:
            package = None
        if package is None:
            self._loaded.pop((source, target), None)
            raise PackageMissing(source, target)
        stamp = package.stamp()
        loaded = self._loaded.get((source, target))
        if loaded is None or loaded.stamp != stamp or loaded.settings != self.settings:
            loaded = self._load(package, stamp)
            self._loaded[(source, target)] = loaded
        return loaded

    def _load(self, package: InstalledPackage, stamp: tuple[int, int]) -> _Loaded:
        import ctranslate2
        import sentencepiece

        settings = self.settings
        try:
            # The SentencePiece model loads on a helper thread while CTranslate2 reads model.bin: on a busy
            # 2-core machine the pair loaded in 1.5 s instead of 4.3 s (median of 4, alternating).
            with ThreadPoolExecutor(max_workers=1, thread_name_prefix="tokenizer-load") as helper:
                loading = helper.submit(
                    sentencepiece.SentencePieceProcessor, model_file=str(package.sentencepiece_model)
                )
                translator = ctranslate2.Translator(
                    str(package.model_folder),
                    device="cpu",
                    compute_type=settings.compute_type,
                    inter_threads=1,  # one batch at a time, all cores on it: 2 × 1 was 27 % slower on 2 cores
                    intra_threads=settings.threads or machine_cores(),
                )
                tokenizer = loading.result()
        except (RuntimeError, OSError, ValueError) as error:
            raise PackageError(
                "engine.cannot_load", from_code=package.from_code, to_code=package.to_code, reason=str(error)
            ) from None
        shape = model_shape(package.model_folder / "model.bin")
        positions = position_limit(package.model_folder / "model.bin")
        return _Loaded(stamp, settings, package, translator, tokenizer, positions, shape)

    def check(self, source: str, target: str) -> InstalledPackage:
        """Load (or reuse) the pair's models; PackageMissing when none is installed."""
        return self._model(source, target).package

    def tokenize(self, source: str, target: str, sentences: list[str]) -> list[list[str]]:
        loaded = self._model(source, target)
        pieces: list[list[str]] = loaded.tokenizer.encode(sentences, out_type=str)
        return pieces

    def max_input_tokens(self, source: str, target: str) -> int:
        """The longest piece of a sentence to hand the model: the setting, or less when the model's
        position table could not hold its translation (allowed twice the input's length, as in decoding)."""
        positions = self._model(source, target).positions
        limit = self.settings.max_sentence_tokens
        return limit if positions is None else max(4, min(limit, (positions - 12) // 2))

    def tokens_per_batch(self, source: str, target: str) -> int:
        """The token limit of one batch for the pair's model (0: batches by sentences), see `tokens_for`."""
        return self.settings.tokens_for(self._model(source, target).shape)

    def detokenize(self, source: str, target: str, pieces: list[str]) -> str:
        text: str = self._model(source, target).tokenizer.decode(pieces)
        return text

    def translate_tokens(self, source: str, target: str, batch: list[list[str]]) -> list[str]:
        """One translate_batch call for a batch of tokenized sentences; returns the detokenized text."""
        if not batch:
            return []
        loaded = self._model(source, target)
        settings = self.settings
        prefix = loaded.package.target_prefix
        decoding = max(len(tokens) for tokens in batch) * 2 + 10
        limit = settings.tokens_for(loaded.shape)
        for _attempt in range(2):
            if loaded.positions is not None:
                decoding = min(decoding, loaded.positions - 2)
            try:
                results = loaded.translator.translate_batch(
                    batch,
                    beam_size=settings.beam_size,
                    max_batch_size=limit or settings.batch_size,
                    batch_type="tokens" if limit else "examples",
                    max_decoding_length=decoding,
                    target_prefix=[[prefix]] * len(batch) if prefix else None,
                )
                break
            except RuntimeError as error:
                # A position table model.bin did not reveal: learn its size and try once more.
                match = _POSITION_ERROR.search(str(error))
                if match is None or loaded.positions is not None:
                    raise PackageError(
                        "engine.batch_failed", from_code=source, to_code=target, count=len(batch), reason=str(error)
                    ) from None
                loaded.positions = int(match.group(1))
        self.batches += 1
        out = []
        for result in results:
            tokens = result.hypotheses[0]
            if prefix and tokens and tokens[0] == prefix:
                tokens = tokens[1:]
            out.append(loaded.tokenizer.decode(tokens))
        return out

    def translate(self, source: str, target: str, sentences: list[str]) -> list[str]:
        """Convenience for a few sentences: tokenize, one batch, detokenize."""
        return self.translate_tokens(source, target, self.tokenize(source, target, sentences))

    def loaded_pairs(self) -> list[tuple[str, str]]:
        return list(self._loaded)

    def forget(self) -> None:
        """Drop every loaded model (settings changed, or memory is needed back)."""
        self._loaded.clear()
