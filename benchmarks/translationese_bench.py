"""Does localize tell machine-translated English from native English news?

    python benchmarks/translationese_bench.py

Native: benchmarks/data/native_en/*.txt (written for localize) and the native English samples.
Translated: Spanish and Catalan news run through Apertium into English (es-en, ca-en): the Spanish
and Catalan samples, the Spanish/Catalan paragraphs of benchmarks/data/news_sentences.txt grouped
into articles, and the native English articles sent to Spanish or Catalan and back (English made
from Spanish/Catalan text, as the issue asks; the round trip is stated, not hidden).
Positive = verdict "likely translated" or "translated".
"""
from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
ROOT = Path(__file__).resolve().parent.parent


def translate_article(article, src, tgt, settings):
    from localize.engines import find_route, translate_route
    from localize.markup import from_fragment, to_fragment

    route = find_route(src, tgt, settings, "apertium")
    idx = [i for i, b in enumerate(article.blocks) if b.translatable]
    outs = translate_route(route, [to_fragment(article.blocks[i].text, False) for i in idx], settings)
    texts = [b.text for b in article.blocks]
    for i, o in zip(idx, outs):
        texts[i] = from_fragment(o.text, False)
    return article.with_texts(texts)


def main() -> None:
    from localize import detect, read_article
    from localize.settings import Settings
    from localize.translationese import assess

    settings = Settings(data_dir=ROOT / ".bench" / "data")
    native = [read_article(p) for p in sorted((ROOT / "benchmarks/data/native_en").glob("*.txt"))]
    native += [read_article(ROOT / "samples/brussels-summit.en.txt"), read_article(ROOT / "samples/heatwave-explainer.en.md")]

    translated = []
    for name, lang in (("valencia-metro.es.txt", "es"), ("barcelona-habitatge.ca.txt", "ca")):
        translated.append((f"{name} ({lang}-en)", translate_article(read_article(ROOT / "samples" / name), lang, "en", settings)))
    paras: dict[str, list[str]] = {"es": [], "ca": []}
    for line in (ROOT / "benchmarks/data/news_sentences.txt").read_text(encoding="utf-8").splitlines():
        if line[:3] in ("es\t", "ca\t"):
            paras[line[:2]].append(line[3:].replace(" ||| ", " "))
    for lang, ps in paras.items():
        for k in range(0, len(ps), 4):
            text = "Headline\n\n" + "\n\n".join(ps[k:k + 4]) + "\n"
            art = read_article(f"{lang}-news-{k}.txt", data=text.encode())
            translated.append((f"news_sentences {lang} #{k // 4} ({lang}-en)", translate_article(art, lang, "en", settings)))
    for n, art in enumerate(native[:10]):
        via = "es" if n % 2 == 0 else "ca"
        there = translate_article(art, "en", via, settings)
        translated.append((f"native_en/{n + 1:02d} (en-{via}-en)", translate_article(there, via, "en", settings)))

    tp = fp = fn = tn = 0
    fired = {"native": Counter(), "translated": Counter()}
    false_pos = []
    for art in native:
        r = assess(art, detect(art))
        for s in {e.signal for e in r.evidence}:
            fired["native"][s] += 1
        if r.verdict != "native":
            fp += 1
            false_pos.append((art.source, r.score, [e.signal for e in r.evidence]))
        else:
            tn += 1
    origins = Counter()
    for label, art in translated:
        r = assess(art, detect(art))
        for s in {e.signal for e in r.evidence}:
            fired["translated"][s] += 1
        if r.verdict != "native":
            tp += 1
            origins["/".join(r.origin_candidates) or "none"] += 1
        else:
            fn += 1
            print(f"  missed: {label} score {r.score:.2f} {[e.signal for e in r.evidence]}")
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    print(f"\n{len(native)} native, {len(translated)} machine-translated articles")
    print("| precision | recall | TP | FP | FN | TN |\n|---|---|---|---|---|---|")
    print(f"| {precision:.2f} | {recall:.2f} | {tp} | {fp} | {fn} | {tn} |")
    print("\n| signal | fires on translated | fires on native | precision |\n|---|---|---|---|")
    for s in sorted(set(fired["native"]) | set(fired["translated"])):
        t, n = fired["translated"][s], fired["native"][s]
        print(f"| {s} | {t}/{len(translated)} | {n}/{len(native)} | {t / (t + n):.2f} |")
    print("\nfalse positives on native text:", false_pos or "none")
    print("origin guesses on translated articles:", dict(origins))


if __name__ == "__main__":
    main()
