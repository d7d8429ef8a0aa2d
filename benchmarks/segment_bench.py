"""Sentence segmentation on Universal Dependencies treebanks: localize against sentencex and pysbd.

    python benchmarks/segment_bench.py [--split test|dev] [--limit N] [--errors N]

Gold sentences are the treebanks' ``# text =`` lines. Paragraph text is built as an article has it:

* EWT and GUM mark paragraphs (``# newpar``): a paragraph's sentences are joined by a space, and
  where GUM's ``# newpar_block`` says a block inside the paragraph ends (a figure caption before
  the paragraph's running text, a quotation before its attribution) by a line break, as in the
  source document, where those are separate elements;
* AnCora and PUD keep each document's sentences in order but no paragraphs: runs of ``GROUP``
  consecutive sentences of one document, joined by a space; GSD samples sentences one by one (no
  documents): runs of ``GROUP``. In both, a sentence that does not end as running text does (a
  headline, a subheading, a clause ending in ";") stands alone: in an article a headline is a
  block of its own, and gluing it to the next sentence makes text nobody wrote.

The score is the share of gold sentences a segmenter returns exactly. Rules are tuned on
``--split dev``; the figure reported in BENCHMARKS.md is ``--split test``.

Splits. Each treebank's own dev and test files, except:
  en GUM news  dev = the news documents of GUM's train list (``not-to-release/file-lists/files.train``,
               read from ``not-to-release/sources/``; the release's train file is not in the
               snapshot) and of its dev file; test = the news documents of its test file.
  en GUM news, in no split
               test only: the news documents under ``not-to-release/sources/`` that none of GUM's
               split lists names (one, added in 2025). Never used for tuning.
  en PUD news  test only (the treebank is one test file): the 375 news sentences written in English
               (sentence ids ``n01``). Never used for tuning.

Data (not copied into the repository; fetched as git snapshots, read with ``git show``):
  UniversalDependencies/UD_English-EWT   CC BY-SA 4.0  (web text: blogs, news groups, e-mail)
  UniversalDependencies/UD_English-GUM   CC BY-NC-SA 4.0, news documents only (GUM_news_*, Wikinews)
  UniversalDependencies/UD_English-PUD   CC BY-SA 3.0, news sentences only
  UniversalDependencies/UD_Spanish-GSD   CC BY-SA 4.0
  UniversalDependencies/UD_Spanish-AnCora CC BY 4.0 since UD 2.9, GPL 3.0 before  (news)
  UniversalDependencies/UD_Catalan-AnCora CC BY 4.0 since UD 2.9, GPL 3.0 before  (news)
  UniversalDependencies/UD_French-GSD    CC BY-SA 4.0
The mirror folder is $UD_MIRROR (default /work/.mirror), one ``UniversalDependencies+UD_X/repo`` git
directory per treebank, as the ``fetch`` tool leaves them (or `git clone --bare` of the same repos).
Where a snapshot lists a file whose content it lacks (large files), the newest commit of the
history that has it is read, and the row says which.
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
# (label, language, repository, file stem, document filter, paragraph source)
TREEBANKS = [
    ("en GUM news", "en", "UD_English-GUM", "en_gum-ud", "GUM_news_", "newpar"),
    ("en GUM news, in no split", "en", "UD_English-GUM", "unlisted", "GUM_news_", "newpar"),
    ("en PUD news", "en", "UD_English-PUD", "en_pud-ud", "n01", "document"),
    ("en EWT (web, not news)", "en", "UD_English-EWT", "en_ewt-ud", None, "newpar"),
    ("es AnCora", "es", "UD_Spanish-AnCora", "es_ancora-ud", None, "document"),
    ("es GSD", "es", "UD_Spanish-GSD", "es_gsd-ud", None, "sample"),
    ("ca AnCora", "ca", "UD_Catalan-AnCora", "ca_ancora-ud", None, "document"),
    ("fr GSD", "fr", "UD_French-GSD", "fr_gsd-ud", None, "sample"),
]
TEST_ONLY = {"UD_English-PUD"}
Paragraph = tuple  # (text, gold sentences)


def _git_dir(repo: str) -> str:
    return os.path.join(os.environ.get("UD_MIRROR", "/work/.mirror"), f"UniversalDependencies+{repo}", "repo")


def _show(git_dir: str, rev: str, path: str) -> str | None:
    done = subprocess.run(["git", f"--git-dir={git_dir}", "show", f"{rev}:{path}"], capture_output=True)
    return done.stdout.decode("utf-8") if done.returncode == 0 and done.stdout else None


def read_conllu(repo: str, path: str) -> tuple[str | None, str]:
    """The file's text and where it came from ("HEAD" or "commit <short> of <date>")."""
    git_dir = _git_dir(repo)
    text = _show(git_dir, "HEAD", path)
    if text is not None:
        return text, "HEAD"
    log = subprocess.run(["git", f"--git-dir={git_dir}", "log", "--format=%H %cs", "HEAD", "--", path],
                         capture_output=True, text=True)
    for line in log.stdout.split("\n") if log.returncode == 0 else []:
        if line:
            commit, date = line.split()
            text = _show(git_dir, commit, path)
            if text is not None:
                return text, f"commit {commit[:8]} of {date}"
    return None, ""


def gum_tuning_documents(repo: str, doc_filter: str) -> str | None:
    """GUM's train-list news documents, one source file each (the release's train file is large)."""
    git_dir = _git_dir(repo)
    listing = _show(git_dir, "HEAD", "not-to-release/file-lists/files.train")
    if listing is None:
        return None
    docs = [_show(git_dir, "HEAD", f"not-to-release/sources/{name}.conllu")
            for name in listing.split() if doc_filter in name]
    return "\n".join(d for d in docs if d) or None


_BLOCK_SIZE = re.compile(r"\((\d+) s\)")


def paragraphs(conllu: str, doc_filter: str | None, source: str) -> list[Paragraph]:
    """(paragraph text, gold sentences) for each paragraph of one treebank file."""
    out: list[Paragraph] = []
    doc = ""
    current: list[str] = []
    breaks: set[int] = set()  # sentence counts after which a block inside the paragraph ends
    keep = doc_filter is None

    def close():
        nonlocal current, breaks
        if current and keep:
            text = current[0]
            for i, sentence in enumerate(current[1:], start=1):
                text += ("\n" if i in breaks else " ") + sentence
            out.append((text, list(current)))
        current, breaks = [], set()

    for line in conllu.splitlines():
        if line.startswith("# newdoc"):
            close()
            doc = line.split("=", 1)[-1].strip()
            keep = doc_filter is None or doc.startswith(doc_filter)
        elif line.startswith("# newpar") and source == "newpar":
            if line.startswith("# newpar_block"):
                breaks = {int(n) for n in _BLOCK_SIZE.findall(line)}
            else:
                close()
        elif line.startswith("# text =") or line.startswith("# text="):
            sentence = line.split("=", 1)[1].strip()
            if source != "newpar" and not TERMINAL.search(sentence):
                close()
                current.append(sentence)
                close()
                continue
            current.append(sentence)
            if source != "newpar" and len(current) == GROUP:
                close()
    close()
    return out


def gum_unlisted_documents(repo: str, doc_filter: str) -> str | None:
    """GUM source documents that none of its split lists names (added after the lists were made)."""
    git_dir = _git_dir(repo)
    listed = set()
    for split in ("train", "dev", "test"):
        listed.update((_show(git_dir, "HEAD", f"not-to-release/file-lists/files.{split}") or "").split())
    tree = subprocess.run(["git", f"--git-dir={git_dir}", "ls-tree", "--name-only", "HEAD",
                           "not-to-release/sources/"], capture_output=True, text=True).stdout.split()
    names = [os.path.basename(p)[: -len(".conllu")] for p in tree if p.endswith(".conllu")]
    docs = [_show(git_dir, "HEAD", f"not-to-release/sources/{n}.conllu")
            for n in names if n.startswith(doc_filter) and n not in listed]
    return "\n".join(d for d in docs if d) or None


def load(split: str, repo: str, stem: str, doc_filter: str | None, source: str):
    """(paragraphs, note on the data) of one treebank's split; (None, reason) when it is missing."""
    if split == "dev" and (repo in TEST_ONLY or stem == "unlisted"):
        return None, "test only (never tuned on)"
    if stem == "unlisted":
        conllu = gum_unlisted_documents(repo, doc_filter)
        if conllu is None:
            return None, "none in the snapshot"
        docs = re.findall(r"^# newdoc id = (\S+)", conllu, re.M)
        return paragraphs(conllu, doc_filter, source), ", ".join(docs)
    conllu, origin = read_conllu(repo, f"{stem}-{split}.conllu")
    if conllu is None:
        return None, f"not in the mirror (fetch github:UniversalDependencies/{repo})"
    note = "" if origin == "HEAD" else origin
    paras = paragraphs(conllu, doc_filter, source)
    if split == "dev" and repo == "UD_English-GUM":
        train = gum_tuning_documents(repo, doc_filter)
        if train:
            paras = paragraphs(train, doc_filter, source) + paras
            note = "train-list + dev news documents"
    return paras, note


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", choices=("dev", "test"), default="test")
    parser.add_argument("--limit", type=int, default=0, help="at most this many paragraphs per treebank")
    parser.add_argument("--only", default="", help="only treebanks whose label contains this")
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
    print("| treebank | paragraphs | sentences | " + " | ".join(segmenters) + " | localize ms/paragraph | data |")
    print("|---|---|---|" + "---|" * len(segmenters) + "---|---|")
    misses = []
    for label, lang, repo, stem, doc_filter, source in TREEBANKS:
        if args.only not in label:
            continue
        paras, note = load(args.split, repo, stem, doc_filter, source)
        if paras is None:
            print(f"| {label} | | |" + " |" * len(segmenters) + f" | {note} |")
            continue
        if args.limit:
            paras = paras[: args.limit]
        total = sum(len(gold) for _, gold in paras)
        cols = []
        for name, seg in segmenters.items():
            hits = 0
            started = time.perf_counter()
            for text, gold in paras:
                got = seg(lang, text)
                found = set(got)
                hits += sum(1 for s in gold if s in found)
                if name == "localize" and set(gold) - found:
                    misses.append((label, text, gold, got))
            elapsed = time.perf_counter() - started
            cols.append(f"{100 * hits / total:.1f}%")
        cols.append(f"{1000 * elapsed / max(len(paras), 1):.2f}")
        print(f"| {label} | {len(paras)} | {total} | " + " | ".join(cols) + f" | {note} |")
    for label, text, gold, got in misses[: args.errors]:
        print(f"\n[{label}]")
        for sentence in gold:
            if sentence not in got:
                print(f"  gold: {sentence!r}")
        for sentence in got:
            if sentence not in gold:
                print(f"  got:  {sentence!r}")


if __name__ == "__main__":
    main()
