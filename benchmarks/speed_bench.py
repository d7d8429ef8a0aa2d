"""Speed and memory: localize against the engines it wraps, as ratios measured in the same run.

    python benchmarks/speed_bench.py all          # everything below (about 15 minutes on 2 cores)
    python benchmarks/speed_bench.py argos        # neural: localize vs hand-written CTranslate2 vs argos
    python benchmarks/speed_bench.py apertium     # Apertium through localize vs raw apertium
    python benchmarks/speed_bench.py batch        # first run vs rerun; peak RSS at 100 and 1,000 articles
    python benchmarks/speed_bench.py startup      # import time of localize.cli, wall time of --help
    python benchmarks/speed_bench.py memory       # memory lookups with 100,000 entries

The neural model has the shape of a real Argos model (6+6 layers, d_model 512, 8 heads, FFN 2048,
a sentencepiece vocabulary trained to about 8,000 pieces, int8) with random weights, so it never
stops on its own: every configuration decodes the same fixed number of tokens per sentence.
Each configuration runs in its own process so that its peak RSS is its own.
"""
from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
WORK = ROOT / ".bench"
OUT_TOKENS = 105
BEAM = 4


def news_sentences() -> list[str]:
    from localize.articles import read_article
    from localize.translate import article_segments

    out = []
    for p in sorted((ROOT / "samples").glob("*.en.*")) + sorted((ROOT / "benchmarks/data/native_en").glob("*.txt")):
        out += [s.source for s in article_segments(read_article(p), "en")]
    for name in ("names_en_es.tsv", "checks_en_es.tsv"):
        for line in (ROOT / "benchmarks/data" / name).read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                out.append(line.split("\t")[0])
    return out


def paragraphs() -> list[str]:
    from localize.articles import read_article

    out = []
    for p in sorted((ROOT / "benchmarks/data/native_en").glob("*.txt")) + [ROOT / "samples/brussels-summit.en.txt"]:
        out += [b.text for b in read_article(p).blocks if b.role == "body"]
    return out


def model_dir() -> Path:
    """The Argos-shaped package (built once, kept in .bench/)."""
    from argos_factory import build_package_dir

    pkg = WORK / "data" / "argos" / "packages" / "translate-en_xx"
    if (pkg / "model" / "model.bin").exists():
        return pkg
    import glob

    import polib

    text = []
    for mo in sorted(glob.glob("/usr/share/locale/es/LC_MESSAGES/*.mo"))[:40]:
        try:
            text += [e.msgid for e in polib.mofile(mo) if len(e.msgid.split()) > 3]
        except Exception:
            continue
    text += news_sentences() * 20
    build_package_dir(pkg, "en", "xx", layers=(6, 6), d_model=512, heads=8, ffn=2048, vocab_size=8000,
                      training_text="\n".join(text), quantization="int8")
    return pkg


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --------------------------------------------------------------------------- children (one config each)

def child(kind: str, args: dict) -> dict:
    sentences = news_sentences()[: args.get("n", 120)]
    pkg = model_dir()
    if kind == "raw":
        import ctranslate2
        import sentencepiece as spm

        sp = spm.SentencePieceProcessor(model_file=str(pkg / "sentencepiece.model"))
        translator = ctranslate2.Translator(str(pkg / "model"), device="cpu", compute_type="int8",
                                            intra_threads=args["intra"], inter_threads=args["inter"])
        tokens = [sp.encode(s, out_type=str) for s in sentences]
        if args.get("sort"):
            tokens.sort(key=len)
        t = time.perf_counter()
        translator.translate_batch(tokens, beam_size=BEAM, max_batch_size=args["batch"],
                                   batch_type=args["batch_type"], max_decoding_length=OUT_TOKENS)
        elapsed = time.perf_counter() - t
        return {"sentences": len(sentences), "seconds": elapsed, "rss_mb": peak_rss_mb()}
    if kind in ("localize", "localize_beam1"):
        from localize.engines import find_route, translate_route
        from localize.settings import Settings

        settings = Settings(data_dir=WORK / "data", beam=BEAM if kind == "localize" else 1,
                            max_output_tokens=OUT_TOKENS,
                            intra_threads=args.get("intra", 0), inter_threads=args.get("inter", 0))
        route = find_route("en", "xx", settings, "argos")
        from localize.engines import get_engine

        get_engine("argos", settings)._load(route.hops[0])  # model load is not translation time
        t = time.perf_counter()
        translate_route(route, sentences, settings)
        elapsed = time.perf_counter() - t
        return {"sentences": len(sentences), "seconds": elapsed, "rss_mb": peak_rss_mb(),
                "threads": settings.threads(), "batch": settings.sentences_per_batch()}
    if kind == "argos":
        # argos-translate-lt as shipped, per paragraph. Its sentence splitter (minisbd) downloads a
        # model on first use, which fails offline: an offline stand-in (localize's splitter) takes
        # its place. Nothing else is changed; env settings come from the caller.
        os.environ["ARGOS_PACKAGES_DIR"] = str(WORK / "data" / "argos" / "packages")
        os.environ["XDG_DATA_HOME"] = str(WORK / "argos-home")
        os.environ["XDG_CACHE_HOME"] = str(WORK / "argos-home")
        import argostranslate.sbd as sbd
        import argostranslate.translate as at

        from localize.segment import split_sentences

        class OfflineSplitter(sbd.ISentenceBoundaryDetectionModel):
            def __init__(self, pkg):
                pass

            def split_sentences(self, text: str, lang_code: str = None):
                return [s.text for s in split_sentences(text, "en")]

        at.MiniSBDSentencizer = OfflineSplitter
        paras = paragraphs()[: args.get("paragraphs", 6)]
        at.translate("Warm up.", "en", "xx")
        t = time.perf_counter()
        for p in paras:
            at.translate(p, "en", "xx")
        elapsed = time.perf_counter() - t
        n = sum(len(split_sentences(p, "en")) for p in paras)
        return {"sentences": n, "paragraphs": len(paras), "seconds": elapsed, "rss_mb": peak_rss_mb()}
    if kind == "localize_paragraphs":
        from localize.engines import find_route, get_engine, translate_route
        from localize.segment import split_sentences
        from localize.settings import Settings

        settings = Settings(data_dir=WORK / "data", beam=BEAM)
        route = find_route("en", "xx", settings, "argos")
        get_engine("argos", settings)._load(route.hops[0])
        paras = paragraphs()[: args.get("paragraphs", 6)]
        sents = [s.text for p in paras for s in split_sentences(p, "en")]
        t = time.perf_counter()
        translate_route(route, sents, settings)
        elapsed = time.perf_counter() - t
        return {"sentences": len(sents), "paragraphs": len(paras), "seconds": elapsed, "rss_mb": peak_rss_mb()}
    raise ValueError(kind)


def run_child(kind: str, env: dict | None = None, **args) -> dict:
    cmd = [sys.executable, __file__, "--child", kind, json.dumps(args)]
    out = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, **(env or {})})
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-2000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


# --------------------------------------------------------------------------- sections

def bench_argos() -> None:
    model_dir()
    n = 120
    print(f"## Neural (Argos-shaped model, random weights, int8, beam {BEAM}, {OUT_TOKENS} output tokens, "
          f"{n} news sentences; CPU cores: {os.cpu_count()})\n")
    print("| configuration | sentences/s | peak RSS |\n|---|---|---|")
    best = None
    grid = [(1, 1, 8, "examples"), (2, 1, 8, "examples"), (1, 2, 32, "examples"), (1, 2, 16, "examples"),
            (1, 2, 8, "examples"), (1, 2, 6, "examples"), (1, 2, 4, "examples"), (1, 2, 256, "tokens"),
            (1, 2, 2048, "tokens")]
    for intra, inter, batch, btype in grid:
        r = run_child("raw", intra=intra, inter=inter, batch=batch, batch_type=btype, n=n, sort=True)
        rate = r["sentences"] / r["seconds"]
        print(f"| hand-written translate_batch, intra {intra} x inter {inter}, batch {batch} {btype}, sorted | "
              f"{rate:.2f} | {r['rss_mb']:.0f} MB |")
        if best is None or rate > best[0]:
            best = (rate, f"intra {intra} x inter {inter}, batch {batch} {btype}")
    r = run_child("localize", n=n)
    ours = r["sentences"] / r["seconds"]
    draft = run_child("localize_beam1", n=n)
    print(f"| **localize** (threads chosen from the machine: intra x inter = {r['threads'][0]} x "
          f"{r['threads'][1]}, batches of {r['batch']} sentences, sorted) | {ours:.2f} | {r['rss_mb']:.0f} MB |")
    print(f"| localize `--beam 1` (draft mode) | {draft['sentences'] / draft['seconds']:.2f} | {draft['rss_mb']:.0f} MB |")
    print(f"\nlocalize / best hand-written ({best[1]}): **{ours / best[0]:.2f}x**; "
          f"draft mode (beam 1) / beam 4: {draft['sentences'] / draft['seconds'] / ours:.1f}x\n")

    print("### Per paragraph, against argos-translate-lt (`argostranslate.translate.translate`)\n")
    print("argos decodes with its own defaults (beam 4, batches of 32 tokens, no length limit: random weights "
          "run to CTranslate2's default of 256 tokens); localize with its defaults (length limit 3x the input).\n")
    print("| engine | paragraphs | sentences | seconds | sentences/s | peak RSS |\n|---|---|---|---|---|---|")
    rows = {}
    for label, kind, env in (
            ("argos-translate-lt, defaults", "argos", {}),
            ("argos-translate-lt, ARGOS_INTRA_THREADS=1 ARGOS_INTER_THREADS=2", "argos",
             {"ARGOS_INTRA_THREADS": "1", "ARGOS_INTER_THREADS": "2"}),
            ("localize", "localize_paragraphs", {})):
        r = run_child(kind, env=env, paragraphs=6)
        rows[label] = r
        print(f"| {label} | {r['paragraphs']} | {r['sentences']} | {r['seconds']:.1f} | "
              f"{r['sentences'] / r['seconds']:.2f} | {r['rss_mb']:.0f} MB |")
    ours = rows["localize"]["seconds"]
    print(f"\nlocalize vs argos defaults: **{rows['argos-translate-lt, defaults']['seconds'] / ours:.1f}x** faster; "
          f"vs argos with the best environment: **{rows['argos-translate-lt, ARGOS_INTRA_THREADS=1 ARGOS_INTER_THREADS=2']['seconds'] / ours:.1f}x**\n")


def bench_apertium() -> None:
    from localize.engines import find_route, translate_route
    from localize.markup import to_fragment
    from localize.settings import Settings

    sentences = news_sentences() * 5
    settings = Settings(data_dir=WORK / "data")
    route = find_route("en", "es", settings, "apertium")
    t = time.perf_counter()
    subprocess.run(["apertium", "eng-spa"], input="\n\n".join(sentences).encode(), capture_output=True, check=True)
    raw = time.perf_counter() - t
    t = time.perf_counter()
    translate_route(route, [to_fragment(s, False) for s in sentences], settings)
    ours = time.perf_counter() - t
    settings_plain = Settings(data_dir=WORK / "data", protect_names=False)
    t = time.perf_counter()
    translate_route(route, [to_fragment(s, False) for s in sentences], settings_plain)
    plain = time.perf_counter() - t
    print(f"## Apertium en-es, {len(sentences)} sentences in one batch\n")
    print("| | seconds | sentences/s | vs raw |\n|---|---|---|---|")
    print(f"| raw `apertium eng-spa` (plain text) | {raw:.2f} | {len(sentences) / raw:.0f} | 1.00x |")
    print(f"| localize, names not protected | {plain:.2f} | {len(sentences) / plain:.0f} | {raw / plain:.2f}x |")
    print(f"| localize (HTML mode, names protected) | {ours:.2f} | {len(sentences) / ours:.0f} | {raw / ours:.2f}x |\n")


def _corpus(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    sources = sorted((ROOT / "benchmarks/data/native_en").glob("*.txt"))
    for n in range(count):
        text = sources[n % len(sources)].read_text(encoding="utf-8")
        # Every article differs in its numbers, as wire copy does, while most sentences recur.
        (folder / f"wire-{n:04d}.en.txt").write_text(text.replace("on ", f"on day {n % 28 + 1} and ", 1),
                                                     encoding="utf-8")


def _timed(cmd: list[str], cwd: Path) -> tuple[float, float]:
    script = ("import resource,subprocess,sys,time;t=time.perf_counter();"
              "r=subprocess.run(sys.argv[1:]);e=time.perf_counter()-t;"
              "print(e, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss/1024);sys.exit(r.returncode)")
    out = subprocess.run([sys.executable, "-c", script, *cmd], cwd=cwd, capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-2000:])
    seconds, rss = out.stdout.split()[-2:]
    return float(seconds), float(rss)


def bench_batch() -> None:
    localize = str(Path(sys.executable).with_name("localize"))
    print("## Batch (Apertium en-es)\n")
    print("| articles | first run | rerun (unchanged) | rerun / first | peak RSS |\n|---|---|---|---|---|")
    for count in (100, 1000):
        with tempfile.TemporaryDirectory() as d:
            d = Path(d)
            _corpus(d / "wire", count)
            first, rss = _timed([localize, "translate", "wire", "--to", "es", "--json"], d)
            again, _ = _timed([localize, "translate", "wire", "--to", "es", "--json"], d)
            print(f"| {count} | {first:.1f} s | {again:.1f} s | {100 * again / first:.1f}% | {rss:.0f} MB |")
    print()


def bench_startup() -> None:
    localize = str(Path(sys.executable).with_name("localize"))

    def wall(cmd, runs=5):
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            subprocess.run(cmd, capture_output=True, check=False)
            times.append(time.perf_counter() - t)
        return statistics.median(times)

    base = wall([sys.executable, "-c", "pass"])
    imp = wall([sys.executable, "-c", "import localize.cli"])
    help_ = wall([localize, "--help"])
    heavy = subprocess.run([sys.executable, "-c", "import sys, localize.cli; print(sorted(m for m in "
                            "('ctranslate2','argostranslate','sentencepiece','langdetect','fasttext','polib',"
                            "'rapidfuzz') if m in sys.modules))"], capture_output=True, text=True).stdout.strip()
    det = wall([localize, "detect", str(ROOT / "samples/valencia-metro.es.txt")], runs=3)
    print("## Start-up (median of 5 runs)\n")
    print("| | seconds |\n|---|---|")
    print(f"| `python -c pass` (interpreter alone) | {base:.3f} |")
    print(f"| `python -c 'import localize.cli'` | {imp:.3f} (+{imp - base:.3f}) |")
    print(f"| `localize --help` | {help_:.3f} |")
    print(f"| `localize detect` on one article (loads both detectors) | {det:.3f} |")
    print(f"\nheavy modules loaded by `import localize.cli`: {heavy}\n")


def bench_memory() -> None:
    import random

    from localize.memory import Catalog, TranslationUnit
    from localize.pofile import load_memory_index, write_catalog

    rng = random.Random(0)
    words = " ".join(news_sentences()).split()
    with tempfile.TemporaryDirectory() as d:
        locales = Path(d)
        sources = []
        for f in range(500):
            units = []
            for u in range(200):
                s = " ".join(rng.choice(words) for _ in range(rng.randint(8, 25))) + "."
                sources.append(s)
                units.append(TranslationUnit(s, "T " + s, approved=True, references=[f"a{f}:{u}.1"]))
            write_catalog(locales / "es" / "LC_MESSAGES" / f"a{f}.po", Catalog(f"a{f}", "en", "es", units))
        t = time.perf_counter()
        index = load_memory_index(locales, "en", "es")
        load = time.perf_counter() - t
        probes = rng.sample(sources, 2000)
        t = time.perf_counter()
        hits = sum(index.exact(p) is not None for p in probes)
        exact = len(probes) / (time.perf_counter() - t)
        near = [p[:-1] + " extra." for p in probes[:200]]
        t = time.perf_counter()
        for p in near:
            index.closest(p, 75.0)
        fuzzy = len(near) / (time.perf_counter() - t)
    print(f"## Translation memory with {len(index)} approved entries in 500 PO files\n")
    print("| | figure |\n|---|---|")
    print(f"| loading the index (parse all PO files) | {load:.1f} s |")
    print(f"| exact lookups (hash index) | {exact:,.0f} per second ({hits}/{len(probes)} hits) |")
    print(f"| fuzzy lookups (rapidfuzz over all sources, >= 75%) | {fuzzy:,.0f} per second |\n")


SECTIONS = {"startup": bench_startup, "apertium": bench_apertium, "memory": bench_memory,
            "batch": bench_batch, "argos": bench_argos}

if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        print(json.dumps(child(sys.argv[2], json.loads(sys.argv[3]))))
        sys.exit(0)
    which = sys.argv[1] if len(sys.argv) > 1 else "all"
    WORK.mkdir(exist_ok=True)
    print(f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}\n")
    for name, fn in SECTIONS.items():
        if which in ("all", name):
            fn()
