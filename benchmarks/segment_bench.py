"""Sentence segmentation on news paragraphs: pysbd, sentencex, and localize (sentencex + repairs).

    python benchmarks/segment_bench.py

Reports the share of gold sentences recovered exactly and of paragraphs split exactly right.
Data: benchmarks/data/news_sentences.txt (written for localize; see its header).
"""
from __future__ import annotations

import os
import sys
import time
from collections import defaultdict

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
DATA = os.path.join(os.path.dirname(__file__), "data", "news_sentences.txt")


def load():
    items = []
    with open(DATA, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            lang, para = line.rstrip("\n").split("\t", 1)
            gold = [s.strip() for s in para.split("|||")]
            items.append((lang, " ".join(gold), gold))
    return items


def main() -> None:
    import pysbd
    import sentencex

    from localize.segment import split_sentences

    pysbd_langs = {"en", "es", "fr", "de", "it"}  # pysbd has no ca or pt; es stands in for both
    segmenters = {
        "pysbd": lambda lang, t: [s.strip() for s in pysbd.Segmenter(
            language=lang if lang in pysbd_langs else "es", clean=False).segment(t) if s.strip()],
        "sentencex": lambda lang, t: [s.strip() for s in sentencex.segment(lang, t) if s.strip()],
        "localize": lambda lang, t: [s.text.strip() for s in split_sentences(t, lang)],
    }
    items = load()
    print(f"{len(items)} paragraphs, {sum(len(g) for _, _, g in items)} sentences")
    print("| segmenter | sentences exact | paragraphs exact | en | es | ca | other | time |")
    print("|---|---|---|---|---|---|---|---|")
    for name, seg in segmenters.items():
        ok_s = tot_s = ok_p = 0
        by_lang = defaultdict(lambda: [0, 0])
        t = time.perf_counter()
        for lang, text, gold in items:
            got = seg(lang, text)
            hits = len(set(got) & set(gold))
            ok_s += hits
            tot_s += len(gold)
            ok_p += got == gold
            key = lang if lang in ("en", "es", "ca") else "other"
            by_lang[key][0] += hits
            by_lang[key][1] += len(gold)
        elapsed = time.perf_counter() - t
        cols = " | ".join(f"{100 * by_lang[k][0] / by_lang[k][1]:.0f}%" for k in ("en", "es", "ca", "other"))
        print(f"| {name} | {100 * ok_s / tot_s:.1f}% | {100 * ok_p / len(items):.1f}% | {cols} | {elapsed * 1000:.0f} ms |")


if __name__ == "__main__":
    main()
