"""A tiny but genuine Argos Translate package, built in-process for tests and benchmarks.

The SentencePiece model is trained here on a few hundred lines; the CTranslate2 Transformer is
*constructed* (not trained) so that it copies its input exactly: token embeddings are one-hot in the
first V dimensions, learned positions one-hot in the last L, every self-attention and feed-forward
weight is zero so the residual path carries the input through, and cross-attention looks up the source
token at the decoder's own position. Whatever text goes in comes back byte for byte through the real
SentencePiece + CTranslate2 path, so tests can assert exact output. (`shared/research/argos.md`.)
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent

# Lines written for the tokenizer: press-release English and Korean, markup and placeholders.
_LINES = """\
The two sides agreed to expand defense space cooperation.
The meeting was held in Washington, D.C., on November 7, 2024 (local time).
Both nations reaffirmed their commitment to the Alliance.
They jointly condemned the launch as a violation of resolutions.
The first exercise is scheduled for the first half of 2025.
Korea will formally participate in January 2025.
Senior officials from both nations also participated.
The U.S. Space Force will offer training courses in Korea.
Gen. Park and Lt. Gen. Smith met on Jan. 15 at No. 3 conference room.
The budget grew by 3.5 percent to 12.75 billion won.
He said, "We will continue these discussions."
A **bold** statement, an *emphasised* phrase and a [link](https://www.mnd.go.kr).
- a bullet item
1. a numbered item
* note: schedule subject to change
※ 참고: 일정은 변경될 수 있음
양측은 국방우주협력을 확대하기로 합의했다.
회의는 2024년 11월 7일(현지시각) 미국 워싱턴 D.C.에서 개최되었다.
양국은 동맹에 대한 의지를 재확인했다.
첫 연습은 2025년 상반기에 실시할 예정이다.
▵우주정책, ▵연습·훈련, ▵인력교류 등을 논의했다.
△ 국제협력 확대 △ 연락장교 파견
보고 일자: 2024. 11. 7.(목) 14:30~16:30
괜찮아요? 네, 좋아요! 확인함. 조치 완료임.
⟦1⟧ ⟦/1⟧ ⟦2⟧ ⟦/2⟧ ⟦3⟧ ⟦/3⟧ ⟦T1⟧ ⟦T2⟧
"""


def training_lines() -> list[str]:
    lines = _LINES.splitlines()
    example = json.loads((ROOT / "examples" / "scwg-23.briefing").read_text("utf-8"))
    for section in example["sections"]:
        lines += [section["title"]["ko"], section["title"]["en"]]
        for item in section["items"]:
            for language in ("ko", "en"):
                lines += [s.strip() + "." for s in item["text"][language].split(".") if s.strip()]
    return lines


def train_sentencepiece(vocab_size: int = 480) -> bytes:
    import sentencepiece as spm

    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(training_lines()),
        model_writer=model,
        vocab_size=vocab_size,
        hard_vocab_limit=False,
        character_coverage=0.98,
        model_type="unigram",
        byte_fallback=True,
        normalization_rule_name="identity",
        remove_extra_whitespaces=False,
        unk_id=0,
        bos_id=1,
        eos_id=2,
        pad_id=-1,
        minloglevel=2,
    )
    return model.getvalue()


def build_copy_model(pieces: list[str], folder: Path, max_positions: int = 256, quantization: str = "int8") -> None:
    """A CTranslate2 Transformer that returns its input tokens unchanged."""
    from ctranslate2.specs import transformer_spec

    vocab, positions = len(pieces), max_positions
    d = vocab + positions
    spec = transformer_spec.TransformerSpec.from_config(1, 1, pre_norm=True)
    f32 = np.float32

    def linear(spec_linear: object, weight: np.ndarray) -> None:
        spec_linear.weight = weight.astype(f32)  # type: ignore[attr-defined]
        spec_linear.bias = np.zeros(weight.shape[0], f32)  # type: ignore[attr-defined]

    def norm(spec_norm: object) -> None:
        spec_norm.gamma = np.ones(d, f32)  # type: ignore[attr-defined]
        spec_norm.beta = np.zeros(d, f32)  # type: ignore[attr-defined]

    token_embeddings = np.zeros((vocab, d), f32)
    token_embeddings[np.arange(vocab), np.arange(vocab)] = 1.0
    position_table = np.zeros((positions, d), f32)
    position_table[np.arange(positions), vocab + np.arange(positions)] = 1.0
    position_block = np.zeros((d, d), f32)
    position_block[vocab:, vocab:] = np.eye(positions)
    token_block = np.zeros((d, d), f32)
    token_block[:vocab, :vocab] = np.eye(vocab)
    ffn = 4

    encoder, decoder = spec.encoder, spec.decoder
    encoder.embeddings[0].weight = token_embeddings
    encoder.position_encodings.encodings = position_table
    encoder.scale_embeddings = False
    norm(encoder.layer_norm)
    layer = encoder.layer[0]
    norm(layer.self_attention.layer_norm)
    linear(layer.self_attention.linear[0], np.zeros((3 * d, d)))
    linear(layer.self_attention.linear[1], np.zeros((d, d)))
    norm(layer.ffn.layer_norm)
    linear(layer.ffn.linear_0, np.zeros((ffn, d)))
    linear(layer.ffn.linear_1, np.zeros((d, ffn)))

    decoder.embeddings.weight = np.zeros((vocab, d), f32)
    decoder.position_encodings.encodings = position_table
    decoder.scale_embeddings = False
    norm(decoder.layer_norm)
    linear(decoder.projection, token_block[:vocab] * 20.0)
    layer = decoder.layer[0]
    norm(layer.self_attention.layer_norm)
    linear(layer.self_attention.linear[0], np.zeros((3 * d, d)))
    linear(layer.self_attention.linear[1], np.zeros((d, d)))
    norm(layer.attention.layer_norm)
    linear(layer.attention.linear[0], position_block * 50.0)  # query: the decoder's position
    linear(layer.attention.linear[1], np.concatenate([position_block, token_block]))  # keys: positions, values: tokens
    linear(layer.attention.linear[2], token_block * 10.0)
    norm(layer.ffn.layer_norm)
    linear(layer.ffn.linear_0, np.zeros((ffn, d)))
    linear(layer.ffn.linear_1, np.zeros((d, ffn)))

    spec.config.add_source_eos = True
    spec.register_source_vocabulary(pieces)
    spec.register_target_vocabulary(pieces)
    spec.validate()
    spec.optimize(quantization=quantization)
    spec.save(str(folder))


def build_package(
    destination: Path,
    from_code: str = "en",
    to_code: str = "ko",
    version: str = "1.0",
    max_positions: int = 256,
    extra_files: dict[str, bytes] | None = None,
) -> Path:
    """Write `translate-<from>_<to>-<version>.argosmodel` into `destination` and return its path."""
    import sentencepiece as spm

    names = {"en": "English", "ko": "Korean"}
    sp_model = train_sentencepiece()
    processor = spm.SentencePieceProcessor(model_proto=sp_model)
    pieces = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
    stem = f"translate-{from_code}_{to_code}-{version.replace('.', '_')}"
    work = destination / f".{stem}.build"
    (work / "model").mkdir(parents=True)
    build_copy_model(pieces, work / "model", max_positions)
    metadata = {
        "package_version": version,
        "argos_version": "1.9.0",
        "from_code": from_code,
        "from_name": names.get(from_code, from_code),
        "to_code": to_code,
        "to_name": names.get(to_code, to_code),
        "type": "translate",
    }
    archive = destination / f"{stem}.argosmodel"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr(f"{stem}/metadata.json", json.dumps(metadata, indent=2))
        bundle.writestr(f"{stem}/sentencepiece.model", sp_model)
        bundle.writestr(f"{stem}/README.md", "A tiny copy model built by the Briefing Studio tests.\n")
        for path in sorted((work / "model").iterdir()):
            # Stored, not deflated: the copy model's weights are mostly zeros and would compress a
            # thousand-fold, which the installer rightly refuses as a possible zip bomb.
            bundle.write(path, f"{stem}/model/{path.name}", compress_type=zipfile.ZIP_STORED)
        for name, data in (extra_files or {}).items():
            bundle.writestr(f"{stem}/{name}", data)
    for path in (work / "model").iterdir():
        path.unlink()
    (work / "model").rmdir()
    work.rmdir()
    return archive


def minisbd_standin(lang: str) -> bytes:
    """A MiniSBD sentence-boundary model that marks `. ! ?` as sentence ends, as an ONNX file.

    argos-translate-lt always splits sentences with MiniSBD and downloads `<lang>.onnx` unless the
    package ships `minisbd/<lang>.onnx`; with this stand-in its own `translate()` runs offline, which
    the benchmark needs for its baseline.
    """
    import onnx
    from onnx import TensorProto, helper

    units = ["<PAD>", "<UNK>", "<EMPTY>", "<ROOT>", *[chr(c) for c in range(32, 127)]]
    table = np.zeros((len(units), 5), np.float32)
    table[:, 0] = 1.0
    for mark in ".!?":
        table[units.index(mark)] = [0, 0, 5, 0, 0]
    graph = helper.make_graph(
        [
            helper.make_node("Gather", ["table", "units"], ["per_unit"]),
            helper.make_node("ReduceSum", ["features", "axes"], ["feature_sum"], keepdims=1),
            helper.make_node("Mul", ["feature_sum", "zero"], ["nothing"]),
            helper.make_node("Add", ["per_unit", "nothing"], ["logits"]),
        ],
        "minisbd_standin",
        [
            helper.make_tensor_value_info("units", TensorProto.INT64, ["batch", "seq"]),
            helper.make_tensor_value_info("features", TensorProto.FLOAT, ["batch", "seq", "features"]),
        ],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", "seq", 5])],
        [
            helper.make_tensor("table", TensorProto.FLOAT, table.shape, table.flatten().tolist()),
            helper.make_tensor("axes", TensorProto.INT64, [1], [2]),
            helper.make_tensor("zero", TensorProto.FLOAT, [], [0.0]),
        ],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    config = {
        "feat_funcs": ["space_before", "capitalized"],
        "max_seqlen": 300,
        "skip_newline": False,
        "no_ssplit": False,
        "batch_size": 32,
        "use_dictionary": False,
        "num_dict_feat": 0,
    }
    vocab = {
        "lang": lang,
        "idx": 0,
        "cutoff": 0,
        "lower": False,
        "_unit2id": {unit: n for n, unit in enumerate(units)},
        "_id2unit": units,
    }
    helper.set_model_props(
        model, {"lang_code": lang, "config": json.dumps(config), "vocab": json.dumps(vocab), "lexicon": "null"}
    )
    onnx.checker.check_model(model)
    data: bytes = model.SerializeToString()
    return data
