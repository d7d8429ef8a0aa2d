"""Does localize tell machine-translated English from native English? Held-out test split.

    python benchmarks/translationese_corpus.py   # once: builds .bench/translationese/corpus.jsonl
    python benchmarks/translationese_train.py    # optional: refits localize/data/translationese-en.json
    python benchmarks/translationese_bench.py [--limit N] [--words N]

Every chunk of the corpus's *test* split (documents never seen in training; thresholds and
calibration were chosen on the dev split) goes through the product path: read_article -> detect
-> translationese.assess. Positive = verdict "likely translated" or "translated". The baseline,
in the same run, is the old rule-only verdict (translationese.rule_verdict) on the same evidence.
Sources, licences and the split: see benchmarks/translationese_corpus.py.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / ".bench" / "translationese" / "corpus.jsonl"


def main() -> None:
    from localize import detect, read_article
    from localize.translationese import assess, rule_verdict
    from localize.translationese_model import load_model

    model = load_model("en")

    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=0, help="at most N test chunks per label (seeded sample)")
    parser.add_argument("--words", type=int, default=0, help="cut each chunk to its first N words (short copy)")
    args = parser.parse_args()
    test = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    test = [r for r in test if r["split"] == "test"]
    if args.limit:
        by_label = defaultdict(list)
        for r in test:
            by_label[r["label"]].append(r)
        rng = random.Random(12)
        test = [r for rows in by_label.values() for r in (rng.sample(rows, args.limit) if len(rows) > args.limit else rows)]

    rows = []
    for k, r in enumerate(test):
        text = r["text"]
        if args.words:
            text = _first_words(text, args.words)
        article = read_article(f"chunk-{k}.txt", data=(text + "\n").encode("utf-8"))
        report = assess(article, detect(article))
        alone = ("not judged" if report.model_probability is None else
                 "likely translated" if report.model_probability >= model.likely else "native")
        rows.append((r, report.verdict, rule_verdict(report.evidence), report.origin_candidates,
                     {e.signal for e in report.evidence}, alone))

    def table(name: str, index: int) -> None:
        verdicts = [(r["label"], row[index]) for row in rows for r in [row[0]]]
        fp = sum(1 for lab, v in verdicts if lab == "native" and v not in ("native", "not judged"))
        tn = sum(1 for lab, v in verdicts if lab == "native" and v in ("native", "not judged"))
        out = [f"| {name} |"]
        tps = 0
        fns = 0
        rates = []
        for kind in ("rule-based", "neural"):
            tp = sum(1 for lab, v in verdicts if lab == kind and v in ("translated", "likely translated"))
            n = sum(1 for lab, _ in verdicts if lab == kind)
            tps, fns = tps + tp, fns + n - tp
            rates.append(tp / n)
            out.append(f" {tp}/{n} ({tp / n:.2f}) |")
        precision = tps / (tps + fp) if tps + fp else 0.0
        recall = tps / (tps + fns) if tps + fns else 0.0
        # As many native, rule-based and neural articles (the acceptance mix):
        fpr = fp / (fp + tn)
        even = sum(rates) / (sum(rates) + fpr) if sum(rates) + fpr else 0.0
        out.insert(1, f" {precision:.3f} | {recall:.3f} | {even:.3f} | {sum(rates) / 2:.3f} |")
        out.append(f" {fp}/{fp + tn} |")
        print("".join(out))

    counts = Counter(r["label"] for r, *_ in rows)
    print(f"test split: {dict(counts)} chunks (~250 words each)\n")
    print("| verdict | precision | recall | precision 1:1:1 | recall 1:1:1 | rule-based MT found | neural MT found"
          " | native flagged |")
    print("|---|---|---|---|---|---|---|---|")
    table("model + converging rules (this version)", 1)
    table("model alone (no rules)", 5)
    table("rules only (old verdict, baseline)", 2)
    judged = Counter(v for _, v, *_ in rows)
    print(f"\nverdicts: {dict(judged)}")
    hits = defaultdict(Counter)
    for r, v, _, cands, *_ in rows:
        if r["label"] != "native" and v != "native":
            hits[r["origin"]]["top1" if cands and cands[0] == r["origin"] else "other"] += 1
            hits[r["origin"]]["listed" if r["origin"] in cands else "unlisted"] += 1
    print("\norigin (translated chunks judged translated): source language first / among candidates")
    print("| source | first | among candidates | chunks |\n|---|---|---|---|")
    for origin, c in sorted(hits.items()):
        n = c["top1"] + c["other"]
        print(f"| {origin} | {c['top1'] / n:.2f} | {c['listed'] / n:.2f} | {n} |")
    fired = {lab: Counter() for lab in ("native", "rule-based", "neural")}
    for r, _, _, _, signals, _ in rows:
        fired[r["label"]].update(signals)
    print("\n| signal | native | rule-based | neural |\n|---|---|---|---|")
    for s in sorted(set().union(*fired.values())):
        print(f"| {s} | " + " | ".join(f"{fired[lab][s]}/{counts[lab]}" for lab in ("native", "rule-based", "neural")) + " |")


def _first_words(text: str, n: int) -> str:
    """The first ``n`` words, paragraph breaks kept."""
    out, count = [], 0
    for para in text.split("\n\n"):
        words = para.split()
        out.append(" ".join(words[: n - count]))
        count += len(words)
        if count >= n:
            break
    return "\n\n".join(p for p in out if p)


if __name__ == "__main__":
    main()
