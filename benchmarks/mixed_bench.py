"""Mixed-language articles: English news with one Spanish, Catalan or French paragraph, into Spanish.

    python benchmarks/mixed_bench.py [--split dev|test] [--articles N] [--show N]

Each article is 3 to 5 English news paragraphs with one foreign paragraph put at a random place
(seeded). localize's library reads, detects and translates it into Spanish with Apertium (each
block from its own language: Catalan straight, French through Catalan, Spanish kept as written),
then builds the translated article. Measured per article: the article's language is English;
the foreign paragraph is reported foreign, in its own language, by ``detect`` and named in the
translate run's report (``TranslateResult.foreign`` / ``.kept``); English paragraphs reported
foreign (false reports); a Spanish paragraph comes out unchanged; chrF (sacrebleu, corpus level
over the paragraphs) of the Catalan and French paragraphs' output against the human Spanish
translation. Baselines from the same run, on the same paragraphs: Apertium's right route run
directly on the paragraph (``apertium -u cat-spa``; ``fra-cat`` then ``cat-spa``), and the old
behaviour (the whole article through the English engine: ``apertium -u eng-spa``).

Data (public, written by none of us; nothing copied into this repository):
* English and Spanish paragraphs: WMT news test sets newstest2012 (dev) and newstest2013 (test),
  English and Spanish sides (professional translations made for WMT, freely available for
  research), from the GitHub snapshot github:devonzuegel/fiesta (es-en/{dev,test}), tokenised
  there and detokenised by ``checks_bench.detokenize``; set CHECKS_BENCH_REPO to another git dir.
  A paragraph is 2 or 3 consecutive lines of 6 words or more; an article's English paragraphs are
  one consecutive run, its Spanish paragraph comes from elsewhere in the same set.
* Catalan and French paragraphs with their Spanish reference: FLORES-200 devtest (Wikinews,
  Wikijunior and Wikivoyage sentences translated by professionals for Meta's NLLB project;
  CC BY-SA 4.0), cat/fra/spa, multi-parallel line by line, from the snapshot
  github:Softcatala/nmt-models (evaluate/flores200.{cat,fra,spa}); set MIXED_BENCH_FLORES_REPO
  to another git dir. A paragraph is 2 or 3 consecutive lines of 6 words or more (FLORES keeps
  an article's sentences together); lines 1-300 are the dev part, 301-1012 the test part.

Nothing is tuned on these figures: the dev part was run to check the harness; the test part is
reported. ``--foreign-lines 1`` cuts each foreign paragraph to one sentence (a quote), a harder case.
"""
from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
sys.path.insert(0, os.path.dirname(__file__))

from checks_bench import REPO as NEWS_REPO, detokenize  # noqa: E402

FLORES_REPO = os.environ.get("MIXED_BENCH_FLORES_REPO", "/work/.mirror/Softcatala+nmt-models/repo")
FLORES_PATH = "evaluate/flores200.{}"
FLORES_CODES = {"ca": "cat", "fr": "fra", "es": "spa"}
NEWS = {"dev": "es-en/dev/newstest2012", "test": "es-en/test/newstest2013"}
FLORES_SPLIT = {"dev": (0, 300), "test": (300, 1012)}  # line ranges of the 1012 devtest lines
SEED = 11
FOREIGN = ["es", "ca", "fr"]  # in turn, so each language gets a third of the articles
MIN_WORDS = 6  # shorter newstest lines are headlines and datelines, not paragraph sentences
ENGLISH_PARAGRAPHS = (3, 5)
LINES_PER_PARAGRAPH = (2, 3)
RIGHT_ROUTE = {"ca": ["cat-spa"], "fr": ["fra-cat", "cat-spa"]}
OLD_ROUTE = ["eng-spa"]


def git_lines(repo: str, path: str) -> list[str]:
    proc = subprocess.run(["git", "--git-dir", repo, "show", f"HEAD:{path}"], capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"cannot read {path} from the git directory {repo} (see this script's docstring for the "
                 "snapshots it needs and the variables that point elsewhere)")
    return proc.stdout.splitlines()


def news(split: str) -> tuple[list[str], list[str]]:
    en = [detokenize(x) for x in git_lines(NEWS_REPO, NEWS[split] + ".en")]
    es = [detokenize(x) for x in git_lines(NEWS_REPO, NEWS[split] + ".es")]
    return en, es


def flores(split: str) -> dict[str, list[str]]:
    lo, hi = FLORES_SPLIT[split]
    return {code: git_lines(FLORES_REPO, FLORES_PATH.format(name))[lo:hi] for code, name in FLORES_CODES.items()}


def runs(lines: list[str], rng: random.Random) -> list[tuple[int, int]]:
    """Non-overlapping (start, end) runs of 2-3 consecutive lines, every line MIN_WORDS long."""
    out, i = [], 0
    while i < len(lines):
        n = rng.randint(*LINES_PER_PARAGRAPH)
        chunk = lines[i:i + n]
        if len(chunk) == n and all(len(x.split()) >= MIN_WORDS for x in chunk):
            out.append((i, i + n))
            i += n
        else:
            i += 1
    return out


@dataclass
class Case:
    name: str
    paragraphs: list[str]
    foreign_at: int
    lang: str
    reference: str = ""  # human Spanish translation of the foreign paragraph (ca, fr)
    built: list[str] = field(default_factory=list)
    article_lang: str = ""
    reported: str = ""  # language the foreign paragraph was reported in ("" if not reported foreign)
    false_reports: int = 0
    named_by_translate: bool = False  # the translate run's report names the foreign paragraph's block
    blocks_ok: bool = True


def make_cases(split: str, count: int, foreign_lines: int = 0) -> list[Case]:
    """``count`` articles; ``foreign_lines`` cuts each foreign paragraph to that many sentences."""
    rng = random.Random(f"{SEED}-{split}")
    en, es = news(split)
    para = runs(en, rng)  # same line numbers on both sides of newstest
    fl = flores(split)
    fl_runs = {lang: runs(fl[lang], rng) for lang in ("ca", "fr")}
    for lang in fl_runs:  # the same lines must qualify on the reference side too
        fl_runs[lang] = [r for r in fl_runs[lang] if all(fl["es"][i].strip() for i in range(*r))]
        rng.shuffle(fl_runs[lang])
    order = list(range(len(para)))
    rng.shuffle(order)
    used: set[int] = set()
    cases = []
    for k in range(count):
        lang = FOREIGN[k % len(FOREIGN)]
        n = rng.randint(*ENGLISH_PARAGRAPHS)
        start = next((p for p in order if p + n <= len(para) and not used & set(range(p, p + n))), None)
        if start is None:
            sys.exit(f"{split}: not enough English paragraphs left for {count} articles; ask for fewer")
        used |= set(range(start, start + n))
        english = [" ".join(en[a:b]) for a, b in para[start:start + n]]
        if lang == "es":
            other = next((p for p in order if p not in used), None)
            if other is None:
                sys.exit(f"{split}: not enough Spanish paragraphs left for {count} articles; ask for fewer")
            used.add(other)
            a, b = para[other]
            b = min(b, a + foreign_lines) if foreign_lines else b
            foreign, reference = " ".join(es[a:b]), ""
        else:
            if not fl_runs[lang]:
                sys.exit(f"{split}: not enough FLORES {lang} paragraphs left for {count} articles; ask for fewer")
            a, b = fl_runs[lang].pop()
            b = min(b, a + foreign_lines) if foreign_lines else b
            foreign, reference = " ".join(fl[lang][a:b]), " ".join(fl["es"][a:b])
        at = rng.randint(0, n)
        cases.append(Case(f"mix{k:03d}", english[:at] + [foreign] + english[at:], at, lang, reference))
    return cases


def apertium(paragraphs: list[str], modes: list[str]) -> list[str]:
    """Apertium's own output for each paragraph (one per line), through the modes in turn."""
    text = "\n".join(p.replace("\n", " ") for p in paragraphs) + "\n"
    for mode in modes:
        text = subprocess.run(["apertium", "-u", mode], input=text, capture_output=True, text=True,
                              check=True).stdout
    out = text.split("\n")[:len(paragraphs)]
    if len(out) != len(paragraphs):
        raise RuntimeError(f"apertium {modes} returned {len(out)} lines for {len(paragraphs)} paragraphs")
    return [x.strip() for x in out]


def same_words(a: str, b: str) -> bool:
    """Equal but for white space (localize hands engines each sentence with its spaces folded)."""
    return a.split() == b.split()


def run_localize(cases: list[Case], work: Path, protect_names: bool = True) -> None:
    from localize import detect, read_article
    from localize.build import build_article, load_catalog_for
    from localize.settings import Settings
    from localize.translate import translate_articles

    folder = work / "articles"
    folder.mkdir()
    paths = []
    for case in cases:
        path = folder / f"{case.name}.en.txt"
        path.write_text("\n\n".join(case.paragraphs) + "\n", encoding="utf-8")
        paths.append(str(path))
    settings = Settings(data_dir=work / "data", locales=work / "locales", engine="apertium",
                        protect_names=protect_names)
    results = translate_articles(paths, ["es"], settings)
    failed = [r for r in results if r.error is not None]
    if failed:
        raise RuntimeError(f"{len(failed)} article(s) failed, first: {failed[0].error.line()}")
    by_path = {r.path: r for r in results}
    for case, path in zip(cases, paths):
        notes = by_path[path].foreign + by_path[path].kept
        case.named_by_translate = any(line.startswith(f"block {case.foreign_at + 1}: ") and f" in {case.lang}," in line
                                      for line in notes)
        article = read_article(path)
        blocks = [b for b in article.blocks if b.translatable]
        case.blocks_ok = len(article.blocks) == len(case.paragraphs) == len(blocks)
        language = detect(article)
        case.article_lang = language.article.code
        for i, block in enumerate(language.blocks):
            if block.foreign and i == case.foreign_at:
                case.reported = block.guess.code
            elif block.foreign:
                case.false_reports += 1
        built, _ = build_article(article, load_catalog_for(article, "es", settings.locales))
        case.built = [b.text.strip() for b in built.blocks]


def chrf(hyps: list[str], refs: list[str]) -> float:
    from sacrebleu.metrics import CHRF

    return CHRF().corpus_score(hyps, [refs]).score if hyps else float("nan")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=["dev", "test"], default="test")
    ap.add_argument("--articles", type=int, default=150)
    ap.add_argument("--show", type=int, default=3, help="print this many misses of each kind")
    ap.add_argument("--foreign-lines", type=int, default=0,
                    help="cut each foreign paragraph to this many sentences (1: a one-sentence quote)")
    ap.add_argument("--no-protect-names", action="store_true",
                    help="translate with name protection off (Settings.protect_names), to see what it changes")
    args = ap.parse_args()

    cases = make_cases(args.split, args.articles, args.foreign_lines)
    with tempfile.TemporaryDirectory(prefix="mixed-bench-") as tmp:
        run_localize(cases, Path(tmp), protect_names=not args.no_protect_names)
    by_lang = {lang: [c for c in cases if c.lang == lang] for lang in FOREIGN}
    n = len(cases)
    print(f"split {args.split}: {n} articles ({', '.join(f'{len(v)} {k}' for k, v in by_lang.items())}), "
          f"{sum(len(c.paragraphs) for c in cases)} paragraphs; seed {SEED}"
          f"{'; name protection off' if args.no_protect_names else ''}"
          f"{f'; foreign paragraphs cut to {args.foreign_lines} sentence(s)' if args.foreign_lines else ''}")
    bad_blocks = [c.name for c in cases if not c.blocks_ok]
    if bad_blocks:
        print(f"  block layout differs from the paragraphs in {len(bad_blocks)} article(s): {bad_blocks[:5]}")
    print(f"article language en: {sum(c.article_lang == 'en' for c in cases)}/{n}")
    print(f"English paragraphs reported foreign: {sum(c.false_reports for c in cases)} "
          f"of {sum(len(c.paragraphs) - 1 for c in cases)}")
    print(f"foreign paragraph named, with its language, in the translate report: "
          f"{sum(c.named_by_translate for c in cases)}/{n}")
    print("\n| foreign paragraph | articles | reported, right language | reported, other language | "
          "output unchanged | chrF localize | chrF Apertium right route | chrF old (eng-spa) |")
    print("|---|---|---|---|---|---|---|---|")
    misses = []
    for lang, group in by_lang.items():
        if not group:
            continue
        right = sum(c.reported == lang for c in group)
        other = sum(c.reported not in ("", lang) for c in group)
        outputs = [c.built[c.foreign_at] if c.blocks_ok else "" for c in group]
        sources = [c.paragraphs[c.foreign_at] for c in group]
        old = apertium(sources, OLD_ROUTE)
        misses += [(c, "not reported" if not c.reported else f"reported as {c.reported}")
                   for c in group if c.reported != lang]
        if lang == "es":
            same = sum(o == s for o, s in zip(outputs, sources))
            old_same = sum(o == s for o, s in zip(old, sources))
            print(f"| es | {len(group)} | {right} | {other} | {same}/{len(group)} (old: {old_same}) | "
                  f"{chrf(outputs, sources):.1f} vs source | — | {chrf(old, sources):.1f} vs source |")
            misses += [(c, "Spanish changed") for c, o, s in zip(group, outputs, sources) if o != s]
            continue
        refs = [c.reference for c in group]
        direct = apertium(sources, RIGHT_ROUTE[lang])
        same_as_direct = sum(same_words(o, d) for o, d in zip(outputs, direct))
        print(f"| {lang} | {len(group)} | {right} | {other} | {same_as_direct}/{len(group)} same as direct | "
              f"{chrf(outputs, refs):.1f} | {chrf(direct, refs):.1f} | {chrf(old, refs):.1f} |")
        misses += [(c, f"differs from apertium {'+'.join(RIGHT_ROUTE[lang])}: {d[:90]!r}")
                   for c, o, d in zip(group, outputs, direct) if not same_words(o, d)]
    shown: dict[str, int] = {}
    for case, why in misses:
        kind = why.split(":")[0]
        if shown.get(kind, 0) >= args.show:
            continue
        shown[kind] = shown.get(kind, 0) + 1
        print(f"\n{case.name} [{case.lang}] {why}\n  source: {case.paragraphs[case.foreign_at][:160]}"
              f"\n  output: {(case.built[case.foreign_at] if case.blocks_ok else '?')[:160]}")


if __name__ == "__main__":
    main()
