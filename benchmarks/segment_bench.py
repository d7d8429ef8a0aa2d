"""Sentence segmentation on Universal Dependencies treebanks: localize against sentencex and pysbd.

    python benchmarks/segment_bench.py [--split test|dev] [--limit N]

Gold sentences are the treebanks' ``# text =`` lines; a paragraph is a ``# newpar`` paragraph
where the treebank marks them (EWT, GUM), else a run of ``GROUP`` consecutive sentences of one
document (GSD and AnCora keep no paragraphs). The score is the share of gold sentences a
segmenter returns exactly. Tune on ``--split dev``; the figure reported in BENCHMARKS.md is
``--split test``.

Data (not copied into the repository; fetched as git snapshots, read with ``git show``):
  UniversalDependencies/UD_English-EWT   CC BY-SA 4.0  (web text: blogs, news groups, e-mail)
  UniversalDependencies/UD_English-GUM   CC BY-NC-SA 4.0, news documents only (GUM_news_*)
  UniversalDependencies/UD_Spanish-GSD   CC BY-SA 4.0
  UniversalDependencies/UD_Spanish-AnCora CC BY 4.0  (news)
  UniversalDependencies/UD_Catalan-AnCora CC BY 4.0  (news)
  UniversalDependencies/UD_French-GSD    CC BY-SA 4.0
The mirror folder is $UD_MIRROR (default /work/.mirror), one ``UniversalDependencies+UD_X/repo`` git
directory per treebank, as the ``fetch`` tool leaves them (or `git clone --bare` of the same repos).
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

GROUP = 4  # sentences per pseudo-paragraph where a treebank keeps no paragraphs
TERMINAL = re.compile(r"[.!?…][\"'»”’)\]]*$")  # a sentence that ends as sentences in running text do
TREEBANKS = [  # (label, language, repository, file stem, document filter)
    ("en EWT", "en", "UD_English-EWT", "en_ewt-ud", None),
    ("en GUM news", "en", "UD_English-GUM", "en_gum-ud", "_news_"),
    ("es GSD", "es", "UD_Spanish-GSD", "es_gsd-ud", None),
    ("es AnCora", "es", "UD_Spanish-AnCora", "es_ancora-ud", None),
    ("ca AnCora", "ca", "UD_Catalan-AnCora", "ca_ancora-ud", None),
    ("fr GSD", "fr", "UD_French-GSD", "fr_gsd-ud", None),
]


def read_conllu(repo: str, path: str) -> str | None:
    mirror = os.environ.get("UD_MIRROR", "/work/.mirror")
    git_dir = os.path.join(mirror, f"UniversalDependencies+{repo}", "repo")
    done = subprocess.run(["git", f"--git-dir={git_dir}", "show", f"HEAD:{path}"],
                          capture_output=True)
    return done.stdout.decode("utf-8") if done.returncode == 0 and done.stdout else None


def paragraphs(conllu: str, doc_filter: str | None) -> list[list[str]]:
    """Gold paragraphs (lists of sentences) of one treebank file."""
    out: list[list[str]] = []
    marks_paragraphs = "# newpar" in conllu
    doc = ""
    current: list[str] = []
    keep = doc_filter is None

    def close():
        nonlocal current
        if current and keep:
            out.append(current)
        current = []

    for line in conllu.splitlines():
        if line.startswith("# newdoc"):
            close()
            doc = line.split("=", 1)[-1].strip()
            keep = doc_filter is None or doc_filter in doc
        elif line.startswith("# newpar"):
            close()
        elif line.startswith("# text =") or line.startswith("# text="):
            sentence = line.split("=", 1)[1].strip()
            if not marks_paragraphs and not TERMINAL.search(sentence):
                # GSD samples sentences one by one: a title or a clause ending in ";" glued to an
                # unrelated sentence makes text nobody wrote, so such a sentence stands alone.
                close()
                current.append(sentence)
                close()
                continue
            current.append(sentence)
            if not marks_paragraphs and len(current) == GROUP:
                close()
    close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", choices=("dev", "test"), default="test")
    parser.add_argument("--limit", type=int, default=0, help="at most this many paragraphs per treebank")
    parser.add_argument("--errors", type=int, default=0, help="print this many of localize's misses")
    args = parser.parse_args()

    import pysbd
    import sentencex

    from localize.segment import split_sentences

    pysbd_langs = {"en", "es", "fr"}  # pysbd has no Catalan: Spanish stands in
    segmenters = {
        "pysbd": lambda lang, t: [s.strip() for s in pysbd.Segmenter(
            language=lang if lang in pysbd_langs else "es", clean=False).segment(t) if s.strip()],
        "sentencex": lambda lang, t: [s.strip() for s in sentencex.segment(lang, t) if s.strip()],
        "localize": lambda lang, t: [s.text.strip() for s in split_sentences(t, lang)],
    }
    print(f"split: {args.split}")
    print("| treebank | paragraphs | sentences | " + " | ".join(segmenters) + " |")
    print("|---|---|---|" + "---|" * len(segmenters))
    misses = []
    for label, lang, repo, stem, doc_filter in TREEBANKS:
        conllu = read_conllu(repo, f"{stem}-{args.split}.conllu")
        if conllu is None:
            print(f"| {label} | not in the mirror (fetch github:UniversalDependencies/{repo}) | | | | |")
            continue
        paras = paragraphs(conllu, doc_filter)
        if args.limit:
            paras = paras[: args.limit]
        total = sum(len(p) for p in paras)
        cols = []
        for name, seg in segmenters.items():
            hits = 0
            started = time.perf_counter()
            for gold in paras:
                got = seg(lang, " ".join(gold))
                found = set(got)
                hits += sum(1 for s in gold if s in found)
                if name == "localize" and set(gold) - found:
                    misses.append((label, gold, got))
            cols.append(f"{100 * hits / total:.1f}%")
        print(f"| {label} | {len(paras)} | {total} | " + " | ".join(cols) + " |")
    for label, gold, got in misses[: args.errors]:
        print(f"\n[{label}]\n  gold: {gold}\n  got:  {got}")


if __name__ == "__main__":
    main()
