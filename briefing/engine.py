"""The translation engine: an installed package's CTranslate2 and SentencePiece models, run directly.

argostranslate's own `translate()` splits per line, calls the model once per line, downloads sentence
splitters at first use and never notices a reinstalled package. This engine is handed whole batches
of sentences (see `briefing.jobs`), keeps one loaded translator per language pair, and reloads it when
the package on disk changes or its settings do. It must only be used from one thread (the worker in
`briefing.jobs` owns it).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from briefing.packages import InstalledPackage, PackageError, PackageStore

LANGUAGE_NAMES = {"ko": "Korean", "en": "English"}


@dataclass(frozen=True)
class EngineSettings:
    beam_size: int = 4
    threads: int = 0  # 0: as many as the machine has cores
    compute_type: str = "auto"  # int8 packages run in int8 on CPU
    batch_size: int = 64  # sentences per translate_batch call
    max_sentence_tokens: int = 200  # longer sentences are cut at word boundaries

    def __post_init__(self) -> None:
        if not 1 <= self.beam_size <= 16:
            raise ValueError("beam size must be between 1 and 16")
        if not 0 <= self.threads <= 256:
            raise ValueError("threads must be between 0 (automatic) and 256")
        if self.batch_size < 1 or self.max_sentence_tokens < 8:
            raise ValueError("batch size must be at least 1 and sentences at least 8 tokens")


class PackageMissing(PackageError):
    """No package is installed for a language pair."""

    def __init__(self, source: str, target: str) -> None:
        self.source, self.target = source, target
        names = f"{LANGUAGE_NAMES.get(source, source)}→{LANGUAGE_NAMES.get(target, target)}"
        super().__init__(
            f"no {names} language package is installed. Install one from a file with\n"
            f"  briefing-studio packages install translate-{source}_{target}-<version>.argosmodel\n"
            f"or, on a machine with network access, download it with\n"
            f"  briefing-studio packages download {source} {target}"
        )


@dataclass
class _Loaded:
    stamp: tuple[int, int]
    settings: EngineSettings
    package: InstalledPackage
    translator: Any  # ctranslate2.Translator
    tokenizer: Any  # sentencepiece.SentencePieceProcessor


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
            translator = ctranslate2.Translator(
                str(package.model_folder),
                device="cpu",
                compute_type=settings.compute_type,
                inter_threads=1,
                intra_threads=settings.threads or (os.cpu_count() or 1),
            )
            tokenizer = sentencepiece.SentencePieceProcessor(model_file=str(package.sentencepiece_model))
        except (RuntimeError, OSError, ValueError) as error:
            raise PackageError(f"the {package.from_code}→{package.to_code} package cannot be loaded: {error}") from None
        return _Loaded(stamp, settings, package, translator, tokenizer)

    def check(self, source: str, target: str) -> InstalledPackage:
        """Load (or reuse) the pair's models; PackageMissing when none is installed."""
        return self._model(source, target).package

    def tokenize(self, source: str, target: str, sentences: list[str]) -> list[list[str]]:
        loaded = self._model(source, target)
        pieces: list[list[str]] = loaded.tokenizer.encode(sentences, out_type=str)
        return pieces

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
        results = loaded.translator.translate_batch(
            batch,
            beam_size=settings.beam_size,
            max_batch_size=settings.batch_size,
            max_decoding_length=max(len(tokens) for tokens in batch) * 2 + 10,
            target_prefix=[[prefix]] * len(batch) if prefix else None,
        )
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

    def forget(self) -> None:
        """Drop every loaded model (settings changed, or memory is needed back)."""
        self._loaded.clear()
