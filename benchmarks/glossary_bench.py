"""Glossary matching speed: the first-word index (localize.glossary.find_terms) against the former
one-regular-expression-search-per-row matcher, same glossary, same sentences, same run.

    python benchmarks/glossary_bench.py [--gum DIR] [--rows 100000] [--sentences 15]

Data: Universal Dependencies English GUM (https://github.com/UniversalDependencies/UD_English-GUM,
licence CC BY-NC-SA 4.0, texts under their sources' licences; not copied here). ``--gum`` is a git
directory of that repository as the `fetch` tool brings it (default:
/work/.mirror/UniversalDependencies+UD_English-GUM/repo). The glossary: the distinct word 1- to 5-grams
of en_gum-ud-test.conllu and of the rest of en_gum-ud-dev.conllu (the train file is too large for
the mirror), up to --rows rows, so that many terms really occur; the sentences matched: the first
--sentences of en_gum-ud-dev.conllu, held apart from the glossary's source. Without the
repository the script falls back to samples/ for both (figures then say so).
Speed is reported as a ratio measured in this run; both matchers must return the same spans.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GUM = "/work/.mirror/UniversalDependencies+UD_English-GUM/repo"

from localize.glossary import Term, TermList, find_terms  # noqa: E402


def find_terms_one_search_per_row(text, terms):
    """The baseline: the matcher before the index (one regex search per glossary row)."""
    spans = []
    for t in sorted(terms, key=lambda t: -len(t.term)):
        for m in re.finditer(rf"(?<!\w){re.escape(t.term)}(?!\w)", text):
            if all(m.end() <= s or m.start() >= e for s, e, _ in spans):
                spans.append((m.start(), m.end(), t))
    return sorted(spans, key=lambda x: x[0])


def conllu_sentences(gitdir: str, name: str) -> list[str]:
    text = subprocess.run(["git", "--git-dir", gitdir, "show", f"HEAD:{name}"], capture_output=True,
                          text=True, check=True).stdout
    return [line[len("# text = "):] for line in text.splitlines() if line.startswith("# text = ")]


def sample_sentences() -> list[str]:
    lines = []
    for f in sorted((ROOT / "samples").glob("*.txt")):
        lines += [l.strip() for l in f.read_text(encoding="utf-8").splitlines() if len(l.split()) > 5]
    return lines


def glossary(sentences: list[str], rows: int) -> list[Term]:
    seen: dict[str, None] = {}
    for s in sentences:
        words = re.findall(r"\w+", s)
        for n in (5, 4, 3, 2, 1):
            for i in range(len(words) - n + 1):
                seen.setdefault(" ".join(words[i:i + n]), None)
                if len(seen) >= rows:
                    return [Term(t, "es", f"t{k}") for k, t in enumerate(seen)]
    return [Term(t, "es", f"t{k}") for k, t in enumerate(seen)]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gum", default=DEFAULT_GUM)
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--sentences", type=int, default=15)
    ap.add_argument("--baseline-sentences", type=int, default=3,
                    help="the baseline is slow: it runs on the first few sentences only")
    args = ap.parse_args()
    if Path(args.gum).exists():
        dev = conllu_sentences(args.gum, "en_gum-ud-dev.conllu")
        source, test = "UD English GUM", dev[:args.sentences]
        train = conllu_sentences(args.gum, "en_gum-ud-test.conllu") + dev[args.sentences:]
    else:
        source, train = "samples/ (GUM not found)", sample_sentences()
        test = train
    terms = glossary(train, args.rows)
    test = test[:args.sentences]
    t0 = time.perf_counter()
    indexed = TermList(terms)
    new = [find_terms(s, indexed) for s in test]  # includes building the index once
    new_s = (time.perf_counter() - t0) / len(test)
    base_n = min(args.baseline_sentences, len(test))
    t0 = time.perf_counter()
    old = [find_terms_one_search_per_row(s, terms) for s in test[:base_n]]
    old_s = (time.perf_counter() - t0) / base_n
    assert old == new[:base_n], "the index found other spans than the baseline"
    print(f"data: {source}; glossary {len(terms)} rows; {len(test)} sentences "
          f"(baseline on the first {base_n}); {sum(len(n) for n in new)} term occurrences")
    print(f"baseline (one search per row): {old_s * 1000:.1f} ms/sentence")
    print(f"index (first word; build included): {new_s * 1000:.1f} ms/sentence")
    print(f"ratio: {old_s / new_s:.0f}x faster; same spans on the baseline's sentences")


if __name__ == "__main__":
    main()
