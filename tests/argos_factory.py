"""Build real Argos Translate packages for tests and benchmarks: a sentencepiece model trained on a
few sentences and a CTranslate2 Transformer with random weights, zipped with metadata.json.

Not a mock: the product loads them with argostranslate and runs them through CTranslate2 exactly as
it runs packages from the Argos index. The weights are random, so the output is gibberish of a
bounded length; tests assert on structure, provenance and determinism, never on wording.
"""
from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

TRAINING_TEXT = """\
The prime minister signed an agreement with the president on Tuesday.
Prices rose by 2.5% in the third quarter, the statistics office said.
The city council approved a new budget of 490 million euros.
Rescue teams searched the mountains after the storm.
The company will open a factory in the north of the country next year.
Scientists say the heatwave is breaking records across southern Europe.
Trains were cancelled and thousands of passengers waited at the station.
El Gobierno aprobó ayer los presupuestos del año que viene.
La alcaldesa anunció un plan de vivienda para los jóvenes.
"""


def _train_sentencepiece(folder: Path, vocab_size: int, text: str | None = None) -> Path:
    import sentencepiece as spm

    corpus = folder / "corpus.txt"
    corpus.write_text(text or TRAINING_TEXT * 4, encoding="utf-8")
    prefix = folder / "sentencepiece"
    spm.SentencePieceTrainer.train(
        input=str(corpus), model_prefix=str(prefix), vocab_size=vocab_size, model_type="unigram",
        character_coverage=1.0, hard_vocab_limit=False, minloglevel=2, num_threads=1)
    corpus.unlink()
    (folder / "sentencepiece.vocab").unlink(missing_ok=True)
    return prefix.with_suffix(".model")


def _fill_random(spec, d: int, ff: int, vocab: int, seed: int) -> None:
    import numpy as np
    from ctranslate2.specs.model_spec import visit_spec

    rng = np.random.default_rng(seed)

    def shape_for(scope: str):
        parts = scope.split("/")
        leaf, parent = parts[-1], parts[-2] if len(parts) > 1 else ""
        if leaf in ("gamma", "beta"):
            return (d,)
        if parent.startswith("embeddings") or parent == "projection":
            return (vocab, d)
        block = parts[-3] if len(parts) > 2 else ""
        if block == "self_attention":
            return {"linear_0": (3 * d, d), "linear_1": (d, d)}[parent]
        if block == "attention":
            return {"linear_0": (d, d), "linear_1": (2 * d, d), "linear_2": (d, d)}[parent]
        if block == "ffn":
            return {"linear_0": (ff, d), "linear_1": (d, ff)}[parent]
        raise ValueError(f"unexpected weight {scope}")

    def fill(layer, scope, value):
        if value is not None:
            return
        leaf = scope.split("/")[-1]
        shape = shape_for(scope)
        if leaf == "gamma":
            arr = np.ones(shape, dtype=np.float32)
        elif leaf == "beta":
            arr = np.zeros(shape, dtype=np.float32)
        else:
            arr = (rng.standard_normal(shape) / np.sqrt(shape[-1])).astype(np.float32)
        setattr(layer, leaf, arr)

    visit_spec(spec, fill)


def build_package_dir(folder: Path, source: str = "en", target: str = "xx", *, layers=(1, 1), d_model=16,
                      heads=2, ffn=32, vocab_size=120, seed=0, version="1.0", training_text=None,
                      quantization=None) -> Path:
    """A package folder: metadata.json, sentencepiece.model, model/ (CTranslate2).

    The defaults make a tiny model for tests; benchmarks ask for a real Argos shape (6+6 layers,
    d_model 512, 8 heads, FFN 2048, ~8,000 pieces, int8)."""
    from ctranslate2.specs import transformer_spec

    folder.mkdir(parents=True, exist_ok=True)
    sp_model = _train_sentencepiece(folder, vocab_size, training_text)
    import sentencepiece as spm

    processor = spm.SentencePieceProcessor(model_file=str(sp_model))
    pieces = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
    specials = ["<blank>", "<unk>", "<s>", "</s>"]
    tokens = specials + [p for p in pieces if p not in specials]
    spec = transformer_spec.TransformerSpec.from_config(layers, heads)
    _fill_random(spec, d_model, ffn, len(tokens), seed)
    spec.register_source_vocabulary(tokens)
    spec.register_target_vocabulary(tokens)
    spec.validate()
    if quantization:
        spec.optimize(quantization=quantization)
    (folder / "model").mkdir(exist_ok=True)
    spec.save(str(folder / "model"))
    metadata = {"package_version": version, "argos_version": "1.9.0", "from_code": source,
                "from_name": source, "to_code": target, "to_name": target,
                "name": f"test {source}-{target}", "type": "translate"}
    (folder / "metadata.json").write_text(json.dumps(metadata), encoding="utf-8")
    return folder


def zip_package(folder: Path, destination: Path) -> Path:
    """Zip a package folder as Argos does: one top-level folder inside the archive."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for f in sorted(folder.rglob("*")):
            if f.is_file():
                zf.write(f, f"{folder.name}/{f.relative_to(folder)}")
    destination.write_bytes(buf.getvalue())
    return destination


def install_package_dir(data_dir: Path, source: str, target: str, **kw) -> Path:
    """Build a package straight into a localize data dir's Argos packages folder."""
    return build_package_dir(Path(data_dir) / "argos" / "packages" / f"translate-{source}_{target}",
                             source, target, **kw)
