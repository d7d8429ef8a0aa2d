"""Names through Apertium: raw (no protection) against localize's protection, en -> es.

    python benchmarks/names_bench.py            # the project's own 30 sentences (not a figure)
    python benchmarks/names_bench.py --news     # public news: WMT newstest2013 en-es (see checks_bench.py)

Measures (1) the share of names that the human reference keeps verbatim which the machine output
also keeps, and (2) chrF against the human reference (sacrebleu). Data:
benchmarks/data/names_en_es.tsv (see its header), plus the seed article's names and numbers.
"""
from __future__ import annotations

import os
import re
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data" / "names_en_es.tsv"


def _has_word(text: str, name: str) -> bool:
    """Whether ``text`` has ``name`` verbatim as a whole word."""
    return bool(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text))


def kept_names(src: str, ref: str) -> list[str]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from checks_bench import kept_names as kept

    return kept(src, ref)


def main() -> None:
    from sacrebleu.metrics import CHRF

    from localize.engines import find_route, translate_route
    from localize.markup import from_fragment, to_fragment
    from localize.settings import Settings

    if "--news" in sys.argv:
        # Public human news translations (WMT newstest2013, the checks benchmark's test split):
        # pairs where the translator kept at least one capitalised source word verbatim.
        sys.path.insert(0, str(ROOT / "benchmarks"))
        import random

        from checks_bench import load

        news = [p for p in load(os.environ.get("NAMES_BENCH_SPLIT", "test")) if kept_names(*p)]
        random.Random(2013).shuffle(news)
        pairs = news[: int(os.environ.get("NAMES_BENCH_PAIRS", "400"))]
    else:
        pairs = [l.rstrip("\n").split("\t") for l in DATA.read_text(encoding="utf-8").splitlines()
                 if l and not l.startswith("#")]
    src = [p[0] for p in pairs]
    ref = [p[1] for p in pairs]
    settings = Settings(data_dir=ROOT / ".bench" / "data")
    route = find_route("en", "es", settings, "apertium")
    chrf = CHRF()
    print(f"{len(src)} sentences, Apertium {route.provenance()}")
    print("| | names kept | chrF |\n|---|---|---|")
    for label, protect in (("raw Apertium", False), ("localize (protected)", True)):
        s = replace(settings, protect_names=protect)
        out = [from_fragment(o.text, False) for o in translate_route(route, [to_fragment(x, False) for x in src], s)]
        kept = total = 0
        for x, r, o in zip(src, ref, out):
            if "--news" in sys.argv:
                # Capitalised words, first in neither sentence, that the translator kept verbatim
                # (a sentence's first word is capitalised whatever it is: "The", "In").
                names = kept_names(x, r)
            else:
                names = [n for n in set(re.findall(r"[^\W\d_][\w'’-]+", x))
                         if n[0].isupper() and re.search(rf"\b{re.escape(n)}\b", r)]
            for name in names:
                total += 1
                kept += _has_word(o, name)
        score = chrf.corpus_score(out, [ref]).score
        print(f"| {label} | {100 * kept / total:.1f}% ({kept}/{total}) | {score:.2f} |")
        if protect and ("--news" not in sys.argv or os.environ.get("NAMES_BENCH_SHOW")):
            for x, r, o in zip(src, ref, out):
                # The same test as the count (a substring test hid "Air" lost in "Aire").
                lost = [n for n in kept_names(x, r) if not _has_word(o, n)]
                if lost:
                    print(f"  lost {lost}: {o}")

    if "--news" in sys.argv:
        return
    # The seed article: its names and numbers through localize.
    from localize.articles import read_article
    from localize.translate import article_segments

    article = read_article(ROOT / "samples" / "trump-japan-rare-earths.en.txt")
    segs = [s.source for s in article_segments(article, "en")]
    for label, protect in (("raw", False), ("localize", True)):
        s = replace(settings, protect_names=protect)
        out = " ".join(o.text for o in translate_route(route, [to_fragment(x, False) for x in segs], s))
        must = ["Donald Trump", "Trump", "Sanae Takaichi", "Takaichi", "Shinzo Abe", "Hideki Matsuyama",
                "Howard Lutnick", "Yokosuka", "Akasaka", "$490", "2%", "250", "250th"]
        kept = [m for m in must if m in out]
        print(f"seed article, {label}: kept {len(kept)}/{len(must)}; missing: {[m for m in must if m not in out]}")


if __name__ == "__main__":
    main()
