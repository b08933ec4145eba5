"""A benchmark translation package at the size of a real Argos model, built on demand and cached.

The tests' copy model (tests/tiny_package.py) costs only per-call overhead; a real Argos ko↔en package is a
Transformer of about 6+6 layers, width 512, a 32k vocabulary, int8, whose cost is decoding. This builds one of
that shape with random weights (so every matrix multiply costs what it would), a SentencePiece model of that
vocabulary size trained on generated text, and one *constructed* path that fixes how long each output is:

- the source ends with `</s>` (add_source_eos); `</s>`'s embedding sets a flag dimension;
- encoder and decoder positions carry random ±1 codes in the last attention head's dimensions; decoder position
  t carries the code of source position floor(t / 1.2);
- the last decoder layer's cross-attention, in that head, looks up the source position whose code matches and
  copies its `</s>` flag into an "end" dimension; the output projection turns that into a winning `</s>` logit.

No random layer writes into those reserved dimensions, so every output is 1.2 × its input's length (in pieces),
whatever the beam size, in argostranslate's call as in ours: runs compare. Translation quality means nothing here.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
OUTPUT_RATIO = 1.2


@dataclass(frozen=True)
class ModelSize:
    name: str
    layers: int
    width: int
    heads: int
    ffn: int
    vocabulary: int
    positions: int = 512


SIZES = {
    "base": ModelSize("base", 6, 512, 8, 2048, 32000),
    "small": ModelSize("small", 2, 256, 4, 1024, 8000),
    "tiny": ModelSize("tiny", 1, 64, 2, 128, 1000, positions=256),  # for tests
}


def cache_folder() -> Path:
    """Where built benchmark packages are kept (never in the repository)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "briefing-studio-bench"


# --- SentencePiece on generated text --------------------------------------------------------------------------

_ONSETS = ["", "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "st", "tr", "pl"]
_VOWELS = ["a", "e", "i", "o", "u", "ea", "ou", "io", "ai"]
_CODAS = ["", "", "n", "r", "s", "t", "l", "m", "nd", "st", "ng", "ct", "rt"]


def _english_word(rng: random.Random) -> str:
    return "".join(
        rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(rng.choice((1, 1, 2, 2, 3, 4)))
    )


def _korean_word(rng: random.Random) -> str:
    syllables = "".join(chr(0xAC00 + rng.randrange(11172) // 28 * 28) for _ in range(rng.choice((1, 2, 2, 3, 4))))
    return syllables + rng.choice(["", "", "은", "는", "이", "가", "을", "를", "에", "의", "로", "와", "에서", "했다"])


def generated_text(lines: int, seed: int = 7) -> list[str]:
    """Pseudo-English and pseudo-Korean sentences, plus the example briefing's own text."""
    rng = random.Random(seed)
    english = [_english_word(rng) for _ in range(40000)]
    korean = [_korean_word(rng) for _ in range(40000)]
    out = []
    for n in range(lines):
        words = english if n % 2 else korean
        sentence = " ".join(rng.choice(words) for _ in range(rng.randint(6, 24)))
        out.append(sentence[0].upper() + sentence[1:] + rng.choice(".....?!"))
    from tests.tiny_package import training_lines

    return out + training_lines() * 20


def train_sentencepiece(vocabulary: int, lines: int) -> bytes:
    import io

    import sentencepiece as spm

    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(generated_text(lines)),
        model_writer=model,
        vocab_size=vocabulary,
        hard_vocab_limit=False,
        character_coverage=0.9995 if vocabulary >= 4000 else 0.98,
        model_type="unigram",
        unk_id=0,
        bos_id=1,
        eos_id=2,
        pad_id=-1,
        num_threads=os.cpu_count() or 1,
        minloglevel=2,
    )
    return model.getvalue()


# --- the Transformer ------------------------------------------------------------------------------------------


def build_model(pieces: list[str], size: ModelSize, folder: Path, seed: int = 11) -> None:
    """Random weights of a real model's shape, plus the constructed output-length path (module docstring)."""
    from ctranslate2.specs import transformer_spec

    rng = np.random.default_rng(seed)
    f32 = np.float32
    d, vocab, positions, head = size.width, len(pieces), size.positions, size.width // size.heads
    code = slice(d - head, d)  # the last head's dimensions: position codes
    flag, end = d - head - 2, d - head - 1  # the source's </s> flag; the decoder's "source ended here"
    free = d - head - 2  # dimensions 0..free-1 belong to the random layers
    eos = pieces.index("</s>")

    def random_matrix(rows: int, cols: int, scale: float = 1.0) -> np.ndarray:
        matrix: np.ndarray = rng.standard_normal((rows, cols), dtype=f32) * f32(scale / np.sqrt(cols))
        return matrix

    def linear(spec_linear: object, weight: np.ndarray, bias: np.ndarray | None = None) -> None:
        spec_linear.weight = weight.astype(f32)  # type: ignore[attr-defined]
        spec_linear.bias = (np.zeros(weight.shape[0], f32) if bias is None else bias).astype(f32)  # type: ignore[attr-defined]

    def writes_free_only(weight: np.ndarray) -> np.ndarray:
        weight[free:] = 0.0  # no random layer writes into the reserved dimensions
        return weight

    def norm(spec_norm: object) -> None:
        spec_norm.gamma = np.ones(d, f32)  # type: ignore[attr-defined]
        spec_norm.beta = np.zeros(d, f32)  # type: ignore[attr-defined]

    def random_layer(layer: object, cross: bool) -> None:
        for attention in [layer.self_attention] + ([layer.attention] if cross else []):  # type: ignore[attr-defined]
            norm(attention.layer_norm)
            if attention is layer.self_attention:  # type: ignore[attr-defined]
                linear(attention.linear[0], random_matrix(3 * d, d))
                linear(attention.linear[1], writes_free_only(random_matrix(d, d, 0.5)))
            else:
                linear(attention.linear[0], random_matrix(d, d))
                linear(attention.linear[1], random_matrix(2 * d, d))
                linear(attention.linear[2], writes_free_only(random_matrix(d, d, 0.5)))
        norm(layer.ffn.layer_norm)  # type: ignore[attr-defined]
        linear(layer.ffn.linear_0, random_matrix(size.ffn, d))  # type: ignore[attr-defined]
        linear(layer.ffn.linear_1, writes_free_only(random_matrix(d, size.ffn, 0.5)))  # type: ignore[attr-defined]

    codes = rng.choice(np.array([-1.0, 1.0], f32), size=(positions, head))
    encoder_positions = np.zeros((positions, d), f32)
    encoder_positions[:, code] = codes
    decoder_positions = np.zeros((positions, d), f32)
    decoder_positions[:, code] = codes[np.minimum((np.arange(positions) / OUTPUT_RATIO).astype(int), positions - 1)]

    spec = transformer_spec.TransformerSpec.from_config(size.layers, size.heads, pre_norm=True)
    encoder, decoder = spec.encoder, spec.decoder
    source_embeddings = np.zeros((vocab, d), f32)
    source_embeddings[:, :free] = rng.standard_normal((vocab, free), dtype=f32)
    source_embeddings[eos, flag] = 8.0
    encoder.embeddings[0].weight = source_embeddings
    encoder.position_encodings.encodings = encoder_positions
    encoder.scale_embeddings = False
    norm(encoder.layer_norm)
    for layer in encoder.layer:
        random_layer(layer, cross=False)

    target_embeddings = np.zeros((vocab, d), f32)
    target_embeddings[:, :free] = rng.standard_normal((vocab, free), dtype=f32)
    decoder.embeddings.weight = target_embeddings
    decoder.position_encodings.encodings = decoder_positions
    decoder.scale_embeddings = False
    norm(decoder.layer_norm)
    for layer in decoder.layer:
        random_layer(layer, cross=True)
    # The last layer's cross-attention, last head: query = the decoder position's code, key = the source
    # position's code, value = the </s> flag, written to the "end" dimension.
    control = decoder.layer[-1].attention
    query = random_matrix(d, d)
    query[code] = 0.0
    query[code, code] = np.eye(head, dtype=f32) * 6.0
    key_value = random_matrix(2 * d, d)
    key_value[code] = 0.0
    key_value[code, code] = np.eye(head, dtype=f32)
    key_value[d + d - head :] = 0.0
    key_value[d + d - head, flag] = 1.0
    output = writes_free_only(random_matrix(d, d, 0.5))
    output[:, d - head :] = 0.0
    output[end, d - head] = 1.0
    linear(control.linear[0], query)
    linear(control.linear[1], key_value)
    linear(control.linear[2], output)

    projection = random_matrix(vocab, d, 2.0)
    projection[:, free:] = 0.0
    projection[eos] = 0.0
    projection[eos, end] = 12.0
    bias = np.zeros(vocab, f32)
    bias[eos] = -6.0
    linear(decoder.projection, projection, bias)

    spec.config.add_source_eos = True
    spec.register_source_vocabulary(pieces)
    spec.register_target_vocabulary(pieces)
    spec.validate()
    spec.optimize(quantization="int8")
    spec.save(str(folder))


def build_package(
    destination: Path, size: ModelSize, from_code: str = "en", to_code: str = "ko", sentencepiece: bytes | None = None
) -> Path:
    """Write `translate-<from>_<to>-bench_<size>.argosmodel` into `destination` and return its path."""
    import sentencepiece as spm

    from tests.tiny_package import minisbd_standin

    names = {"en": "English", "ko": "Korean"}
    sp_model = sentencepiece or train_sentencepiece(size.vocabulary, lines=max(2000, size.vocabulary * 2))
    processor = spm.SentencePieceProcessor(model_proto=sp_model)
    pieces = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
    stem = f"translate-{from_code}_{to_code}-0_{size.name}"
    work = destination / f".{stem}.build"
    shutil.rmtree(work, ignore_errors=True)
    (work / "model").mkdir(parents=True)
    build_model(pieces, size, work / "model")
    metadata = {
        "package_version": f"0.{size.name}",
        "argos_version": "1.9.0",
        "from_code": from_code,
        "from_name": names[from_code],
        "to_code": to_code,
        "to_name": names[to_code],
        "type": "translate",
    }
    archive = destination / f"{stem}.argosmodel"
    partial = archive.with_suffix(".partial")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_STORED) as bundle:
        bundle.writestr(f"{stem}/metadata.json", json.dumps(metadata, indent=2))
        bundle.writestr(f"{stem}/sentencepiece.model", sp_model)
        bundle.writestr(f"{stem}/README.md", "A benchmark model with random weights, built by bench/bench_model.py.\n")
        bundle.writestr(f"{stem}/minisbd/{from_code}.onnx", minisbd_standin(from_code))
        for path in sorted((work / "model").iterdir()):
            bundle.write(path, f"{stem}/model/{path.name}")
    partial.replace(archive)
    shutil.rmtree(work)
    return archive


def cached_packages(size: ModelSize, folder: Path | None = None) -> tuple[Path, Path]:
    """The en→ko and ko→en benchmark packages of this size, built once (minutes for base) and then reused."""
    folder = (folder or cache_folder()) / f"v1-{size.name}"
    folder.mkdir(parents=True, exist_ok=True)
    pair = folder / f"translate-en_ko-0_{size.name}.argosmodel", folder / f"translate-ko_en-0_{size.name}.argosmodel"
    if all(path.exists() for path in pair):
        return pair
    sp_file = folder / "sentencepiece.model"
    if not sp_file.exists():
        sp_file.write_bytes(train_sentencepiece(size.vocabulary, lines=max(2000, size.vocabulary * 2)))
    sp_model = sp_file.read_bytes()
    build_package(folder, size, "en", "ko", sp_model)
    build_package(folder, size, "ko", "en", sp_model)
    return pair
