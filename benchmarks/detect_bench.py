"""Language detection accuracy: localize (fastText lid.176 with article context), the same with
langdetect mixed in, plain fastText (the baseline) and plain langdetect (seeded), on a public multilingual corpus from Debian: the
translated messages (.mo files) that Debian packages install under /usr/share/locale, with their
English msgids. It is software text, not news; samples/ adds news-style articles.

    python benchmarks/detect_bench.py [--per-language 20]

Inputs: articles of 8 paragraphs (3 messages each) per language; in-article blocks; articles with
one paragraph from another language inserted (must be found); 3- and 6-word snippets.
"""
from __future__ import annotations

import argparse
import glob
import os
import random
import re
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

LANGS = {"en": None, "es": "es", "ca": "ca", "gl": "gl", "eu": "eu", "fr": "fr", "de": "de", "it": "it",
         "pt": "pt", "nl": "nl", "ru": "ru", "ar": "ar", "ja": "ja", "zh": "zh_CN"}


def clean(text: str) -> str:
    text = re.sub(r"%[-+ #0-9.]*[a-zA-Z]|\{[^}]*\}|<[^>]+>|_|&|\\n|\s+", " ", text)
    return " ".join(text.split())


def corpus() -> dict[str, list[str]]:
    import polib

    messages: dict[str, list[str]] = {k: [] for k in LANGS}
    english: set[str] = set()
    for code, folder in LANGS.items():
        if folder is None:
            continue
        for mo in sorted(glob.glob(f"/usr/share/locale/{folder}/LC_MESSAGES/*.mo")):
            if "iso_" in mo:
                continue  # country and language names: not sentences
            try:
                entries = polib.mofile(mo)
            except Exception:
                continue
            for e in entries:
                s, m = clean(e.msgstr), clean(e.msgid)
                if len(s.split()) >= 6 and s != m:
                    messages[code].append(s)
                if len(m.split()) >= 6:
                    english.add(m)
    messages["en"] = sorted(english)
    return {k: sorted(set(v)) for k, v in messages.items()}


def langdetect_plain(text: str) -> str:
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    try:
        code = detect(text)
    except LangDetectException:
        return "und"
    return "zh" if code.startswith("zh") else code


def fasttext_plain(text: str) -> str:
    """fastText lid.176 alone, its top label (the baseline the issue asks for)."""
    from localize.detect import _fasttext_probs

    probs = _fasttext_probs(text)
    return max(probs, key=probs.get) if probs else "und"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--per-language", type=int, default=20)
    ap.add_argument("--snippets", type=int, default=200)
    args = ap.parse_args()
    from localize import detect, guess_language, read_article

    rng = random.Random(0)
    data = corpus()
    langs = [l for l in LANGS if len(data[l]) >= 60]
    print("messages per language:", {l: len(data[l]) for l in LANGS})
    variants = ("ours", "ftctx", "base", "ft")
    score = {f"{m}_{v}": [0, 0] for m in ("article", "block", "foreign", "w3", "w6") for v in variants}
    per_lang_article = {}
    t_ours = t_base = 0.0
    for lang in langs:
        msgs = data[lang]
        ok_lang = 0
        for n in range(args.per_language):
            paras = [" ".join(rng.sample(msgs, 3)) for _ in range(8)]
            foreign_lang = rng.choice([l for l in langs if l != lang])
            foreign = " ".join(rng.sample(data[foreign_lang], 3))
            pos = rng.randrange(1, 8)
            with_foreign = paras[:pos] + [foreign] + paras[pos:]
            for variant, texts in (("plain", paras), ("foreign", with_foreign)):
                article = read_article(f"{lang}-{n}.txt", data="\n\n".join(texts).encode())
                t = time.perf_counter()
                result = detect(article)
                t_ours += time.perf_counter() - t
                ftctx = detect(article, use_langdetect=True)
                ft_blocks = [fasttext_plain(b.text) for b in article.blocks]
                ft_article = fasttext_plain(" ".join(texts))
                t = time.perf_counter()
                base_blocks = [langdetect_plain(b.text) for b in article.blocks]
                base_article = langdetect_plain(" ".join(texts))
                t_base += time.perf_counter() - t
                if variant == "plain":
                    score["article_ours"][0] += result.article.code == lang
                    score["article_base"][0] += base_article == lang
                    score["article_ours"][1] += 1
                    score["article_base"][1] += 1
                    score["article_ftctx"][0] += ftctx.article.code == lang
                    score["article_ft"][0] += ft_article == lang
                    score["article_ftctx"][1] += 1
                    score["article_ft"][1] += 1
                    for b, f in zip(ftctx.blocks, ft_blocks):
                        score["block_ftctx"][0] += b.guess.code == lang and not b.foreign
                        score["block_ft"][0] += f == lang
                        score["block_ftctx"][1] += 1
                        score["block_ft"][1] += 1
                    ok_lang += result.article.code == lang
                    for b, base in zip(result.blocks, base_blocks):
                        score["block_ours"][0] += b.guess.code == lang and not b.foreign
                        score["block_base"][0] += base == lang
                        score["block_ours"][1] += 1
                        score["block_base"][1] += 1
                else:
                    fb = result.blocks[pos]
                    score["foreign_ours"][0] += fb.foreign and fb.guess.code == foreign_lang
                    score["foreign_base"][0] += base_blocks[pos] == foreign_lang
                    score["foreign_ours"][1] += 1
                    score["foreign_base"][1] += 1
                    fb2 = ftctx.blocks[pos]
                    score["foreign_ftctx"][0] += fb2.foreign and fb2.guess.code == foreign_lang
                    score["foreign_ft"][0] += ft_blocks[pos] == foreign_lang
                    score["foreign_ftctx"][1] += 1
                    score["foreign_ft"][1] += 1
        per_lang_article[lang] = ok_lang / args.per_language
        for width in (3, 6):
            for msg in rng.sample(msgs, min(args.snippets, len(msgs))):
                words = msg.split()
                if lang in ("ja", "zh"):
                    start = rng.randrange(0, max(1, len(msg) - 3 * width))
                    snippet = msg[start:start + 3 * width]  # no spaces to count words by
                else:
                    start = rng.randrange(0, max(1, len(words) - width + 1))
                    snippet = " ".join(words[start:start + width])
                score[f"w{width}_ours"][0] += guess_language(snippet).code == lang
                score[f"w{width}_base"][0] += langdetect_plain(snippet) == lang
                score[f"w{width}_ours"][1] += 1
                score[f"w{width}_base"][1] += 1
                score[f"w{width}_ftctx"][0] += guess_language(snippet, use_langdetect=True).code == lang
                score[f"w{width}_ft"][0] += fasttext_plain(snippet) == lang
                score[f"w{width}_ftctx"][1] += 1
                score[f"w{width}_ft"][1] += 1

    def pct(k):
        ok, n = score[k]
        return f"{100 * ok / n:.1f}% ({ok}/{n})"

    print(f"\nlanguages: {', '.join(langs)}")
    print("| measure | localize (fastText + article context) | localize with langdetect mixed in "
          "| plain langdetect | plain fastText |\n|---|---|---|---|---|")
    for name, key in (("article language", "article"), ("in-article blocks", "block"),
                      ("foreign paragraph found (right language)", "foreign"),
                      ("3-word snippets", "w3"), ("6-word snippets", "w6")):
        print(f"| {name} | " + " | ".join(pct(f"{key}_{v}") for v in variants) + " |")
    print("\nper-language article accuracy (localize):",
          ", ".join(f"{l} {100 * v:.0f}%" for l, v in per_lang_article.items()))
    print(f"time for article detection: localize {t_ours:.1f}s, langdetect (blocks + article) {t_base:.1f}s")


if __name__ == "__main__":
    main()
