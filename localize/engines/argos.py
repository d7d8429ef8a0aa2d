"""Argos Translate packages, run straight through CTranslate2.

argostranslate (the light ``argos-translate-lt`` build) lists installed packages and provides
their tokenizers; inference does not go through its per-text path, which re-splits sentences with
a splitter that downloads a model at run time. Instead all segments of a run are tokenized,
sorted by length and sent to one ``ctranslate2.Translator.translate_batch`` per pair (in batches of
a few sentences, which on CPU is fastest and keeps memory low; int8), with one loaded translator
per package per process.

argostranslate creates folders under $HOME when imported: its settings are pointed at our data
directory before the (lazy) import.
"""
from __future__ import annotations

import html
import json
import os
from pathlib import Path

from ..errors import ModelInvalid
from ..markup import strip_tags
from . import EngineOutput, Pair


def import_argos(settings):
    """Import argostranslate.package with its folders inside our data directory."""
    import sys

    if "argostranslate.package" in sys.modules:
        return sys.modules["argostranslate.package"]
    root = Path(settings.data_dir) / "argos"
    overrides = {
        "ARGOS_PACKAGES_DIR": str(settings.argos_packages_dir),
        "XDG_DATA_HOME": str(root / "data"),
        "XDG_CACHE_HOME": str(root / "cache"),
        "XDG_CONFIG_HOME": str(root / "config"),
        "ARGOS_DEVICE_TYPE": "cpu",
    }
    saved = {k: os.environ.get(k) for k in overrides}
    os.environ.update(overrides)
    try:
        import argostranslate.package as package
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return package


def read_metadata(package_dir: Path) -> dict:
    try:
        with open(package_dir / "metadata.json", encoding="utf-8") as f:
            meta = json.load(f)
    except (OSError, ValueError) as exc:
        raise ModelInvalid(f"unreadable metadata.json ({exc})", str(package_dir),
                           "reinstall the package") from None
    if not isinstance(meta, dict) or not meta.get("from_code") or not meta.get("to_code"):
        raise ModelInvalid("metadata.json lacks from_code/to_code", str(package_dir),
                           "reinstall the package")
    return meta


def installed_packages(settings) -> list[tuple[Path, dict]]:
    """(package folder, metadata) for every package in our data directory, without loading models."""
    root = settings.argos_packages_dir
    if not root.is_dir():
        return []
    found = []
    for d in sorted(root.iterdir()):
        if d.is_dir() and not d.name.startswith(".") and (d / "metadata.json").exists():
            try:
                found.append((d, read_metadata(d)))
            except ModelInvalid:
                continue
    return found


def _dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


class ArgosEngine:
    name = "argos"

    def __init__(self, settings):
        self.settings = settings
        self._loaded: dict[str, tuple] = {}  # package path -> (translator, tokenizer, target_prefix)

    def pairs(self) -> list[Pair]:
        return [Pair(meta["from_code"], meta["to_code"], "argos",
                     detail=meta.get("name") or d.name, version=str(meta.get("package_version", "")),
                     path=str(d), size=_dir_size(d))
                for d, meta in installed_packages(self.settings)]

    def _load(self, pair: Pair):
        if pair.path in self._loaded:
            return self._loaded[pair.path]
        import ctranslate2

        package = import_argos(self.settings)
        try:
            pkg = package.Package(Path(pair.path))
        except Exception as exc:  # argostranslate raises bare Exceptions for broken packages
            raise ModelInvalid(f"cannot open the Argos package ({exc})", pair.path,
                               "reinstall it with `localize models install`") from None
        if getattr(pkg, "tokenizer", None) is None:
            raise ModelInvalid("the package has no sentencepiece.model or bpe.model", pair.path,
                               "reinstall it with `localize models install`")
        intra, inter = self.settings.threads()
        try:
            translator = ctranslate2.Translator(str(Path(pair.path) / "model"), device="cpu",
                                                compute_type="int8", inter_threads=inter,
                                                intra_threads=intra)
        except (RuntimeError, ValueError) as exc:
            raise ModelInvalid(f"CTranslate2 cannot load the model ({exc})", pair.path,
                               "reinstall it with `localize models install`") from None
        self._loaded[pair.path] = (translator, pkg.tokenizer, pkg.target_prefix or "")
        return self._loaded[pair.path]

    def translate(self, segments: list[str], pair: Pair, terms: tuple = ()) -> list[EngineOutput]:
        if not segments:
            return []
        if terms:
            from ..glossary import TermList

            terms = TermList(terms)  # the glossary's index is built once per batch, not per segment
            segments = [_inject_terms(s, terms) for s in segments]
        translator, tokenizer, prefix = self._load(pair)
        # Segments are inline-HTML fragments; a neural model cannot carry tags, so it gets plain text.
        tokens = [tokenizer.encode(" ".join(strip_tags(s).split())) for s in segments]
        # Sorting by length keeps padding low inside each token-sized batch.
        order = sorted(range(len(tokens)), key=lambda i: len(tokens[i]))
        batch = [tokens[i] for i in order]
        results = translator.translate_batch(
            batch,
            target_prefix=[[prefix]] * len(batch) if prefix else None,
            beam_size=self.settings.beam,
            max_batch_size=self.settings.sentences_per_batch(),
            batch_type="examples",
            max_decoding_length=self.settings.max_output_tokens or max(16, 3 * max((len(t) for t in batch), default=1)),
            replace_unknowns=True,
            length_penalty=0.2,
        )
        out: list[EngineOutput] = [EngineOutput("")] * len(segments)
        for i, result in zip(order, results):
            text = tokenizer.decode(result.hypotheses[0])
            if prefix and text.startswith(prefix):
                text = text[len(prefix):]
            out[i] = EngineOutput(html.escape(text.strip(), quote=False))
        return out


def _inject_terms(fragment: str, terms: tuple) -> str:
    """Write glossary targets into the source ("constraint injection"): neural models tend to copy
    a foreign term they meet; `localize check` verifies the result either way."""
    from ..glossary import find_terms

    out, last = [], 0
    for start, end, term in find_terms(fragment, terms):
        out.append(fragment[last:start])
        out.append(term.target)
        last = end
    out.append(fragment[last:])
    return "".join(out)
