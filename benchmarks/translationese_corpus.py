"""Build the translationese corpus: native English and machine-translated English chunks.

    python benchmarks/translationese_corpus.py        # writes .bench/translationese/corpus.jsonl

Everything comes from public repositories, brought in with the project's `fetch` tool (a git
snapshot under /work/.mirror/OWNER+NAME/repo; set TRANSLATIONESE_MIRROR to read them elsewhere);
without a snapshot the script makes a partial bare clone from GitHub under .bench/translationese/repos:

* native English:
  - wmt-conference/wmt21-news-systems, wmt22-news-systems and wmt23-news-systems: the English
    sources of the en-xx test sets (newstest2021 en-de and en-ja: news; generaltest2022/2023
    en-de: news, e-commerce, social, conversation, speech), originally written in English,
    distributed by WMT for research;
  - UniversalDependencies/UD_English-GUM dev and test files (CC BY 4.0 and similar open
    licences per document; written and prepared genres: news, bio, voyage, academic, textbook,
    whow, essay, letter, fiction, interview, speech);
* neural machine translation into English: the same repositories' txt/system-outputs for
  cs/de/ha/is/ja/ru/zh -> en (WMT21), cs/de/ja/ru/uk/zh -> en (WMT22) and de/he/ja/ru/uk/zh -> en
  (WMT23), one system per pair and year (WMT_SETS: research systems, online engines, NLLB, GPT-4);
* rule-based machine translation into English, made here with Apertium (Debian packages) from
  - UniversalDependencies/UD_Portuguese-Bosque dev and test (CC BY-SA 4.0; newspaper text from
    Público and Folha de São Paulo): por -> spa -> eng and por -> cat -> eng (pivots);
  - UniversalDependencies/UD_Spanish-GSD test (CC BY-SA 4.0; web text): spa -> eng, and
    spa -> cat -> eng.

Never newstest2019 or NTREX-128 (the project's acceptance data).

Chunks are ~250 words (one pseudo-article). The train/dev/test split (60/20/20) is by document:
GUM and Bosque documents by a hash of their id; the WMT files (no document ids in the txt
release) by a hash of 40-line blocks (see WMT_BLOCK).
Apertium output is cached in .bench/translationese/apertium/ (git-ignored).
"""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MIRROR = Path(os.environ.get("TRANSLATIONESE_MIRROR", "/work/.mirror"))
OUT = ROOT / ".bench" / "translationese"
CHUNK_WORDS = 250
# The WMT txt files have no document ids and run domain after domain (news, e-commerce, social,
# ...); blocks of WMT_BLOCK lines (about a document or two) are assigned to splits by hash, so
# every split sees every domain and a block's lines stay in one split for every system.
WMT_BLOCK = 40  # a short news article; enough words for stable function-word rates
WMT = "wmt-conference+wmt22-news-systems"
# (repository, test set, en-xx sources read as native English, xx-en system read as neural MT):
# one system per pair, mixing research systems, online engines, NLLB and an LLM (GPT-4).
WMT_SETS = (
    ("wmt-conference+wmt21-news-systems", "newstest2021", ("de", "ja"),
     {"cs": "Online-B", "de": "Facebook-AI", "ha": "Online-B", "is": "Mideind", "ja": "Online-A",
      "ru": "Online-W", "zh": "NiuTrans"}),
    (WMT, "generaltest2022", ("de",),
     {"cs": "CUNI-DocTransformer", "de": "PROMT", "ja": "NT5", "ru": "SRPOL", "uk": "ARC-NKUA", "zh": "HuaweiTSC"}),
    ("wmt-conference+wmt23-news-systems", "generaltest2023", ("de",),
     {"de": "NLLB_Greedy", "he": "GPT4-5shot", "ja": "ONLINE-B", "ru": "NLLB_Greedy", "uk": "GPT4-5shot",
      "zh": "ONLINE-B"}),
)
GUM_GENRES = ("news", "bio", "voyage", "academic", "textbook", "whow", "essay", "letter", "fiction", "interview",
              "speech")


def git_show(repo: str, path: str) -> str:
    git_dir = MIRROR / repo / "repo"
    if not git_dir.exists():
        # No snapshot from the fetch tool: a partial bare clone from GitHub (blobs on demand).
        git_dir = OUT / "repos" / repo
        if not git_dir.exists():
            subprocess.run(["git", "clone", "-q", "--bare", "--filter=blob:none",
                            f"https://github.com/{repo.replace('+', '/')}", str(git_dir)], check=True)
    return subprocess.run(["git", "--git-dir", str(git_dir), "show", f"HEAD:{path}"], check=True,
                          capture_output=True).stdout.decode("utf-8")


def split_of(key: str) -> str:
    h = int(hashlib.sha1(key.encode()).hexdigest()[:8], 16) % 10
    return "train" if h < 6 else "dev" if h < 8 else "test"


def chunks(sentences: list[str]) -> list[str]:
    """Consecutive sentences grouped into ~CHUNK_WORDS-word pseudo-articles (paragraphs of 3)."""
    out, cur, words = [], [], 0
    for s in sentences:
        cur.append(s.strip())
        words += len(s.split())
        if words >= CHUNK_WORDS:
            out.append("\n\n".join(" ".join(cur[k:k + 3]) for k in range(0, len(cur), 3)))
            cur, words = [], 0
    if words >= CHUNK_WORDS // 2:
        out.append("\n\n".join(" ".join(cur[k:k + 3]) for k in range(0, len(cur), 3)))
    return out


def conllu_docs(text: str, doc_of) -> dict[str, list[str]]:
    docs: dict[str, list[str]] = {}
    current = None
    for line in text.splitlines():
        if line.startswith("# newdoc id"):
            current = line.split("=", 1)[1].strip()
        elif line.startswith("# sent_id"):
            sid = line.split("=", 1)[1].strip()
            current = doc_of(sid, current)
        elif line.startswith("# text =") and current:
            docs.setdefault(current, []).append(line.split("=", 1)[1].strip())
    return docs


def apertium(modes: list[str], text: str, cache_key: str) -> str:
    cache = OUT / "apertium" / (hashlib.sha1((cache_key + "|".join(modes) + text).encode()).hexdigest() + ".txt")
    if cache.exists():
        return cache.read_text(encoding="utf-8")
    for mode in modes:
        # -u: no unknown-word marks (the product's engine strips them the same way).
        text = subprocess.run(["nice", "apertium", "-u", mode], input=text.encode(), check=True,
                              capture_output=True).stdout.decode("utf-8")
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text(text, encoding="utf-8")
    return text


def main() -> None:
    records = []

    def add(text, label, origin, engine, split, doc):
        records.append({"text": text, "label": label, "origin": origin, "engine": engine, "split": split,
                        "doc": doc})

    # WMT21-23: native English sources; neural output into English (one system per pair).
    seen_native: set[str] = set()
    for repo, test_set, sources, pairs in WMT_SETS:
        year = test_set[-2:]
        files = [("en", "native", "source", f"txt/sources/{test_set}.en-{tgt}.src.en") for tgt in sources]
        files += [(lang, "neural", system, f"txt/system-outputs/{test_set}.{lang}-en.hyp.{system}.en")
                  for lang, system in pairs.items()]
        for lang, label, system, path in files:
            lines = git_show(repo, path).splitlines()
            if label == "native":  # the en-xx sources of one year overlap in part: each line once
                lines = [line for line in lines if line not in seen_native]
                seen_native.update(lines)
            for start in range(0, len(lines), WMT_BLOCK):
                block = f"wmt{year}-{path}-{start // WMT_BLOCK}"
                for c in chunks(lines[start:start + WMT_BLOCK]):
                    add(c, label, lang, f"wmt{year}:{system}", split_of(block), block)

    # GUM: native English, written genres.
    for name in ("en_gum-ud-dev.conllu", "en_gum-ud-test.conllu"):
        docs = conllu_docs(git_show("UniversalDependencies+UD_English-GUM", name), lambda sid, cur: cur)
        for doc, sents in docs.items():
            if doc.split("_")[1] in GUM_GENRES:
                for c in chunks(sents):
                    add(c, "native", "en", "gum", split_of(doc), doc)

    # Bosque (Portuguese news): Apertium through Spanish or Catalan into English.
    bosque: dict[str, list[str]] = {}
    for name in ("pt_bosque-ud-dev.conllu", "pt_bosque-ud-test.conllu"):
        bosque.update(conllu_docs(git_show("UniversalDependencies+UD_Portuguese-Bosque", name),
                                  lambda sid, cur: sid.rsplit("-", 1)[0]))
    ids = sorted(bosque)
    groups = [ids[k:k + 8] for k in range(0, len(ids), 8)]  # Bosque documents are short extracts
    for n, group in enumerate(groups):
        sents = [s for d in group for s in bosque[d]]
        for k, c in enumerate(chunks(sents)):
            modes = ["pt-es", "spa-eng"] if n % 2 == 0 else ["por-cat", "cat-eng"]
            add(apertium(modes, c, "bosque"), "rule-based", "pt", "apertium:" + ">".join(modes),
                split_of(group[0]), f"bosque-{group[0]}")
        print(f"bosque {n + 1}/{len(groups)}", file=sys.stderr, flush=True)

    # Spanish GSD (web text, sentences in document order within the file).
    gsd = conllu_docs(git_show("UniversalDependencies+UD_Spanish-GSD", "es_gsd-ud-test.conllu"),
                      lambda sid, cur: sid.rsplit("-", 1)[0])
    for doc, sents in sorted(gsd.items()):
        for k, c in enumerate(chunks(sents)):
            modes = ["spa-eng"] if k % 2 == 0 else ["spa-cat", "cat-eng"]
            origin = "es"
            add(apertium(modes, c, "gsd"), "rule-based", origin, "apertium:" + ">".join(modes),
                split_of(f"{doc}-{k // 4}"), f"gsd-{doc}-{k // 4}")
    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT / "corpus.jsonl", "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    counts: dict = {}
    for r in records:
        key = (r["split"], r["label"])
        counts[key] = counts.get(key, 0) + 1
    print(json.dumps({f"{a}/{b}": n for (a, b), n in sorted(counts.items())}, indent=1))


if __name__ == "__main__":
    main()
