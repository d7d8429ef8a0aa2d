"""CAT-tool round trips and TMX memories: localize against translate-toolkit's converters.

    python benchmarks/exchange_bench.py [--wmt22 DIR] [--gsd DIR]

Data (read with git from clones; nothing is copied into this repository):
* WMT22 general test set, German -> French (wmt-conference/wmt22-news-systems on GitHub): the
  German sources, reference A (a person's translation) and the LT22 system's output (machine
  output). ``git clone https://github.com/wmt-conference/wmt22-news-systems``; pass the clone's
  .git folder with --wmt22 (default: the mirror under /work/.mirror).
* UD Spanish-GSD test sentences (UniversalDependencies/UD_Spanish-GSD, CC BY-SA 4.0) for the
  Valencian figure; --gsd as above.

Held out: the WMT22 lines are split in halves; the script was written and checked on the first
half, the figures below come from the second. Nothing is tuned (no thresholds), so the split
only keeps the figures from being ones we looked at while writing.

1. Round trip. A PO memory (source de, target fr) where every third entry is approved (the
   reference), every third is machine output (fuzzy, LT22's), every third untranslated. A CAT
   tool re-saves the XLIFF (translate-toolkit's xlifffile, a real tool's reader and writer), and a
   translator approves half of the machine units the way several CAT tools do it: state="final"
   on the target, no approved="yes". localize: ``export`` then ``import``. Baseline:
   ``po2xliff`` then ``xliff2po`` (translate-toolkit). Measured: languages written; approvals
   kept; CAT approvals taken; machine entries that come back with their text, still for review.
2. TMX load: the reference pairs as a TMX; localize's streaming reader and index (what
   ``translate --tm`` uses) against translate-toolkit's ``tmxfile`` and its index.
3. Valencian: share of UD Spanish-GSD test sentences where Apertium's spa-cat_valencia output differs
   from spa-cat's (a description of what ``--to ca-valencia`` changes, not an accuracy figure:
   there is no Valencian reference here).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
BIN = Path(sys.executable).parent
MIRROR = Path("/work/.mirror")


def git_lines(repo: Path, path: str) -> list[str]:
    out = subprocess.run(["git", "--git-dir", str(repo), "show", f"HEAD:{path}"], capture_output=True,
                         text=True, check=True).stdout
    return out.rstrip("\n").split("\n")


def build_memory(locales: Path, src: list[str], ref: list[str], hyp: list[str]) -> Path:
    from localize.memory import Catalog, TranslationUnit, po_path
    from localize.pofile import write_catalog

    catalog = Catalog("wmt22-de-fr", "de", "fr")
    seen = set()
    for i, (s, r, h) in enumerate(zip(src, ref, hyp)):
        if s in seen or not s.strip():
            continue
        seen.add(s)
        if i % 3 == 0:
            catalog.units.append(TranslationUnit(s, r, approved=True, comments=["approved by reference on 2022"]))
        elif i % 3 == 1:
            catalog.units.append(TranslationUnit(s, h, notes=["origin: machine translation"]))
        else:
            catalog.units.append(TranslationUnit(s))
    po = po_path(locales, "fr", catalog.article_id)
    write_catalog(po, catalog)
    return po


def cat_tool(path_in: Path, path_out: Path) -> int:
    """Re-save with translate-toolkit and approve every other machine unit with state="final"."""
    from translate.storage import xliff

    store = xliff.xlifffile.parsefile(str(path_in))
    approved = 0
    machine_seen = 0
    for unit in store.units:
        target = unit.getlanguageNode(lang=None, index=1)
        if target is None or not unit.target or unit.isapproved():
            continue
        machine_seen += 1
        if machine_seen % 2:
            target.set("state", "final")
            approved += 1
    path_out.write_bytes(bytes(store))
    return approved


def score(po_before, po_after) -> dict:
    import polib

    before = {e.msgid: e for e in polib.pofile(str(po_before)) if e.msgid}
    after = {e.msgid: e for e in polib.pofile(str(po_after)) if e.msgid}
    approved = [k for k, e in before.items() if e.msgstr and "fuzzy" not in e.flags]
    machine = [k for k, e in before.items() if "fuzzy" in e.flags]
    return {
        "approvals kept": sum(k in after and after[k].msgstr == before[k].msgstr and "fuzzy" not in after[k].flags
                              for k in approved) / len(approved),
        "machine units back with their text": sum(k in after and after[k].msgstr == before[k].msgstr
                                                  for k in machine) / len(machine),
        "_after": after, "_machine": machine,
    }


def round_trip(src, ref, hyp, half: str) -> None:
    import shutil

    from lxml import etree

    from localize.exchange.transfer import export_memory, import_exchange

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        locales = tmp / "locales"
        po = build_memory(locales, src, ref, hyp)
        original = tmp / "original.po"
        shutil.copy(po, original)
        rows = {}
        # localize
        export_memory([str(po)], "fr", "xliff", tmp / "ours.xlf", locales)
        root = etree.parse(str(tmp / "ours.xlf")).getroot()
        file_el = root[0]
        langs = (file_el.get("source-language"), file_el.get("target-language"))
        cat_approved = cat_tool(tmp / "ours.xlf", tmp / "ours-back.xlf")
        import_exchange(tmp / "ours-back.xlf", locales, "translator")
        rows["localize export/import"] = (langs, cat_approved, score(original, po))
        # translate-toolkit
        subprocess.run([str(BIN / "po2xliff"), "--progress=none", str(original), str(tmp / "tt.xlf")], check=True)
        root = etree.parse(str(tmp / "tt.xlf")).getroot()
        langs = (root[0].get("source-language"), root[0].get("target-language"))
        cat_approved = cat_tool(tmp / "tt.xlf", tmp / "tt-back.xlf")
        subprocess.run([str(BIN / "xliff2po"), "--progress=none", str(tmp / "tt-back.xlf"), str(tmp / "tt.po")],
                       check=True)
        rows["translate-toolkit po2xliff/xliff2po"] = (langs, cat_approved, score(original, tmp / "tt.po"))
    print(f"\nRound trip, WMT22 de-fr, {half} half ({len(src)} lines):\n")
    print("| | languages written | approvals kept | CAT approvals (state=final) taken | machine units back with text |")
    print("|---|---|---|---|---|")
    for name, (langs, cat_approved, s) in rows.items():
        after = s["_after"]
        taken = sum(1 for k in s["_machine"] if k in after and after[k].msgstr and "fuzzy" not in after[k].flags)
        print(f"| {name} | {langs[0]} -> {langs[1]} | {s['approvals kept']:.1%} | {taken}/{cat_approved} "
              f"| {s['machine units back with their text']:.1%} |")


def tmx_load(src, ref) -> None:
    from translate.storage import tmx

    from localize.exchange import APPROVED, ExchangedFile, ExchangedUnit
    from localize.exchange.tm import _index
    from localize.exchange.tmx import write_tmx

    f = ExchangedFile("wmt22", "de", "fr", [ExchangedUnit(s, r, status=APPROVED) for s, r in zip(src, ref) if s])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "tm.tmx"
        path.write_bytes(write_tmx([f], "bench"))
        runs = {}
        for name, load in (("localize (lxml iterparse + MemoryIndex)",
                            lambda: _index.__wrapped__(str(path), 0, 0, "de", "fr")),
                           ("translate-toolkit tmxfile + makeindex",
                            lambda: tmx.tmxfile.parsefile(str(path)).makeindex())):
            start = time.perf_counter()
            for _ in range(3):
                load()
            runs[name] = (time.perf_counter() - start) / 3
        index = _index.__wrapped__(str(path), 0, 0, "de", "fr")
        hits = sum(index.exact(s) is not None for s in src if s)
    base = runs["translate-toolkit tmxfile + makeindex"]
    print(f"\nTMX load, {len(f.units)} units ({hits} exact lookups hit):\n")
    print("| | seconds | ratio to translate-toolkit |")
    print("|---|---|---|")
    for name, t in runs.items():
        print(f"| {name} | {t:.3f} | {t / base:.2f} |")


def valencian(gsd: Path, n: int) -> None:
    sentences = [l[len("# text = "):] for l in git_lines(gsd, "es_gsd-ud-test.conllu")
                 if l.startswith("# text = ")][:n]
    outputs = {}
    for mode in ("spa-cat", "spa-cat_valencia"):
        text = "".join(f"<p>{s}</p>\n" for s in sentences).replace("&", "&amp;")
        out = subprocess.run(["apertium", "-f", "html", mode], input=text, capture_output=True, text=True).stdout
        import re

        outputs[mode] = re.findall(r"<p>(.*?)</p>", out, re.S)
    pairs = list(zip(outputs["spa-cat"], outputs["spa-cat_valencia"]))
    differ = sum(a != b for a, b in pairs)
    print(f"\nValencian: {differ}/{len(pairs)} UD Spanish-GSD test sentences ({differ / len(pairs):.0%}) come out "
          "differently from spa-cat_valencia than from spa-cat.")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--wmt22", type=Path, default=MIRROR / "wmt-conference+wmt22-news-systems" / "repo")
    parser.add_argument("--gsd", type=Path, default=MIRROR / "UniversalDependencies+UD_Spanish-GSD" / "repo")
    parser.add_argument("--sentences", type=int, default=300, help="GSD test sentences for the Valencian figure")
    parser.add_argument("--half", choices=("dev", "test"), default="test")
    args = parser.parse_args()
    src = git_lines(args.wmt22, "txt/sources/generaltest2022.de-fr.src.de")
    ref = git_lines(args.wmt22, "txt/references/generaltest2022.de-fr.ref.A.fr")
    hyp = git_lines(args.wmt22, "txt/system-outputs/generaltest2022.de-fr.hyp.LT22.fr")
    half = len(src) // 2
    part = slice(0, half) if args.half == "dev" else slice(half, None)
    src, ref, hyp = src[part], ref[part], hyp[part]
    round_trip(src, ref, hyp, args.half)
    tmx_load(src, ref)
    valencian(args.gsd, args.sentences)


if __name__ == "__main__":
    main()
