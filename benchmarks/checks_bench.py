"""Quality checks on public human news translations with planted errors: localize check against pofilter.

    python benchmarks/checks_bench.py [--split dev|test] [--pairs N]

Data: the WMT news test sets newstest2012 (dev: thresholds and rules were tuned on it) and
newstest2013 (test: reported), English -> Spanish, human translations made for WMT by
professional translators (http://www.statmt.org/wmt13/translation-task.html; freely available
for research). They are read from a GitHub snapshot brought in with the project's `fetch` tool
(github:devonzuegel/fiesta, files es-en/{dev,test}/newstest201[23].{en,es}); set CHECKS_BENCH_REPO
to another git directory holding the same paths. Nothing is copied into this repository. The
files are tokenised (spaces around punctuation, &quot;): ``detokenize`` undoes that.

Of N pairs drawn with a fixed seed (5 to 60 words), half stay clean; each of the other half gets
one planted error, the eight kinds in turn (a kind that cannot apply to a pair passes to the next):
a changed figure, a scale word changed a thousandfold (millones <-> mil millones), a name the
translator kept dropped, a kept name mangled the way Apertium does (its common-noun translation:
"China" -> "Porcelana"), the source copied, a closing quote moved, a word looping three times, a
translation cut in half. A planted error is "caught" when the checker flags its pair (any check,
any level); a clean pair flagged at any level is a false alarm. pofilter (translate-toolkit)
runs with its default tests on the same PO file in the same run.
"""
from __future__ import annotations

import argparse
import html
import os
import random
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
REPO = os.environ.get("CHECKS_BENCH_REPO", "/work/.mirror/devonzuegel+fiesta/repo")
FILES = {"dev": "es-en/dev/newstest2012", "test": "es-en/test/newstest2013"}
# The second test set: FLORES-200 devtest, English and Spanish (not tokenised; never tuned on).
FLORES_REPO = os.environ.get("CHECKS_BENCH_FLORES_REPO", "/work/.mirror/Softcatala+nmt-models/repo")
FLORES_FILES = "evaluate/flores200.{}"
KINDS = ["figure", "scale word", "dropped name", "mangled name", "untranslated", "moved quote",
         "repetition", "truncation"]
SEED = 2013


def detokenize(line: str) -> str:
    """Moses-tokenised text back to running text: quotes alternate opening and closing."""
    text = html.unescape(line.strip())
    tokens, out, quote_open = text.split(" "), [], False
    glue_next = False
    for tok in tokens:
        if tok == '"':
            if quote_open:
                if out:
                    out[-1] += tok
                else:
                    out.append(tok)
            else:
                out.append(tok)
                glue_next = True
            quote_open = not quote_open
            continue
        if out and (glue_next or re.fullmatch(r"[.,;:!?%)\]»]+|'s|n't|'", tok)):
            out[-1] += tok
        else:
            out.append(tok)
        glue_next = tok in ("(", "[", "¿", "¡", "«", "$", "#")
    return " ".join(out).replace(" ’ ", "’")


def load_flores() -> list[tuple[str, str]]:
    def read(ext):
        return subprocess.run(["git", "--git-dir", FLORES_REPO, "show", f"HEAD:{FLORES_FILES.format(ext)}"],
                              capture_output=True, text=True, check=True).stdout.splitlines()
    return [(en.strip(), es.strip()) for en, es in zip(read("eng"), read("spa"))
            if 5 <= len(en.split()) <= 60 and es.strip()]


def load(split: str) -> list[tuple[str, str]]:
    if split == "flores":
        return load_flores()

    def read(ext):
        return subprocess.run(["git", "--git-dir", REPO, "show", f"HEAD:{FILES[split]}.{ext}"],
                              capture_output=True, text=True, check=True).stdout.splitlines()
    pairs = []
    for en, es in zip(read("en"), read("es")):
        en, es = detokenize(en), detokenize(es)
        if 5 <= len(en.split()) <= 60 and es:
            pairs.append((en, es))
    return pairs


_CAP = re.compile(r"(?<![\w-])[^\W\d_][\w'’-]*")


def kept_names(src: str, tgt: str) -> list[str]:
    """Capitalised words, not first in either sentence, that the translator kept verbatim."""
    words = [w for w in _CAP.findall(src) if w[0].isupper() and len(w) > 1 and not w.isupper()]
    first = {src.split()[0].strip("\"¿¡("), tgt.split()[0].strip("\"¿¡(")}
    return [w for w in dict.fromkeys(words) if w not in first and re.search(rf"(?<!\w){re.escape(w)}(?!\w)", tgt)]


def apertium_common(words: list[str]) -> dict[str, str]:
    """Apertium's translation of each word written in lower case (its common-noun reading)."""
    if not words:
        return {}
    out = subprocess.run(["apertium", "-f", "html", "eng-spa"],
                         input="".join(f"<p>{w.lower()}</p>\n" for w in words),
                         capture_output=True, text=True).stdout
    parts = re.findall(r"<p>(.*?)</p>", out, re.S)
    # Apertium's unknown-word marks are removed wherever they stand, as localize's engine does.
    return ({w: re.sub(r"(?<![\w*#@])[*#@](?=\w)", "", p.strip()) for w, p in zip(words, parts)}
            if len(parts) == len(words) else {})


_SCALE = [("miles de millones", "millones"), ("mil millones", "millones"), ("millones", "mil millones"),
          ("millón", "mil millones"), ("billones", "mil millones")]


def plant(kind: str, src: str, tgt: str, rng: random.Random, common: dict[str, str]) -> str | None:
    if kind == "figure":
        nums = [m for m in re.finditer(r"\d+", tgt)]
        if not nums:
            return None
        m = rng.choice(nums)
        return tgt[:m.start()] + str(int(m.group(0)) + rng.choice([1, 2, 10])) + tgt[m.end():]
    if kind == "scale word":
        for old, new in _SCALE:
            if re.search(rf"\d[\d.,]*\s+{old}\b", tgt):
                return re.sub(rf"(\d[\d.,]*\s+){old}\b", rf"\g<1>{new}", tgt, count=1)
        return None
    if kind in ("dropped name", "mangled name"):
        names = kept_names(src, tgt)
        if kind == "mangled name":
            names = [n for n in names if common.get(n) and common[n].lower() != n.lower()]
        if not names:
            return None
        name = rng.choice(names)
        new = "" if kind == "dropped name" else common[name][:1].upper() + common[name][1:]
        return re.sub(r"\s+", " ", re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", new, tgt, count=1)).strip()
    if kind == "untranslated":
        return src
    if kind == "moved quote":
        m = re.search(r"([\"“«])([^\"”»]+)([\"”»])", tgt)
        if not m or len(m.group(2).split()) < 2:
            return None
        inner = m.group(2).split()
        rest = tgt[m.end():]
        # The quote moves over words: punctuation it passes stays glued to its word (a quote moved
        # over a lone comma or full stop is a house style, not an error).
        k = rng.choice([1, 2])
        on = re.match(rf"(?:[^\w\"“”«»]*\w[^\s\"“”«»]*){{{k}}}", rest) or re.match(r"[^\w\"“”«»]*\w[^\s\"“”«»]*", rest)
        back = re.search(r"\w", inner[-1]) is not None
        if on and (not back or rng.random() < 0.5):  # the closing quote moves one or two words on
            return tgt[:m.end() - 1] + on.group(0) + m.group(3) + rest[on.end():]
        if not back:
            return None
        return (tgt[:m.start()] + m.group(1) + " ".join(inner[:-1]) + m.group(3) + " " + inner[-1]
                + tgt[m.end():])
    if kind == "repetition":
        words = tgt.split()
        i = rng.randrange(1, len(words) - 1)
        return " ".join(words[:i] + [words[i]] * 3 + words[i + 1:])
    if kind == "truncation":
        words = tgt.split()
        return " ".join(words[: max(2, len(words) // 2)])
    raise ValueError(kind)


def build_set(split: str, n_pairs: int, seed: int = SEED):
    rng = random.Random(seed)
    pairs = load(split)
    rng.shuffle(pairs)
    pairs = pairs[:n_pairs]
    common = apertium_common(sorted({w for s, t in pairs for w in kept_names(s, t)}))
    items = []  # (source, target, kind or None)
    used = Counter({k: 0 for k in KINDS})
    for n, (src, tgt) in enumerate(pairs):
        if n % 2 == 0:
            items.append((src, tgt, None))
            continue
        # The kind planted least so far among those that apply to this pair: rare kinds (scale
        # words, mangled names) get every pair that allows them.
        for kind in sorted(KINDS, key=lambda k: (used[k], KINDS.index(k))):
            bad = plant(kind, src, tgt, rng, common)
            if bad is not None and bad != tgt:
                items.append((src, bad, kind))
                used[kind] += 1
                break
        else:
            items.append((src, tgt, None))
    return items


def run_localize(items):
    from localize.checks import (check_unit, installed_pairs, machine_translations, name_knowledge_for,
                                 phrase_openers)
    from localize.memory import TranslationUnit

    # What check_catalog prepares once per article, prepared once for all pairs (each pair is
    # checked on its own: no names known from elsewhere in an article).
    pairs = installed_pairs()
    sources, targets = [s for s, _, _ in items], [t for _, t, _ in items]
    knowledge = name_knowledge_for("en", "es", sources, pairs, targets)
    translations = machine_translations("en", "es", sources, pairs)
    openers = phrase_openers("es", targets, pairs)
    source_openers = phrase_openers("en", sources, pairs)
    flagged, per_check, examples, errors = [], defaultdict(Counter), defaultdict(list), []
    for src, tgt, kind in items:
        found = check_unit(TranslationUnit(src, tgt, references=["x:1.1"]), "en", "es", names=knowledge,
                           translations=translations, openers=openers, source_openers=source_openers)
        flagged.append(bool(found))
        errors.append(any(p.level == "error" for p in found))
        for p in found:
            per_check[p.check]["planted" if kind else "clean"] += 1
            if not kind:
                examples[p.check].append(f"{p.why}\n      {src}\n      {tgt}")
    return flagged, per_check, examples, {"localize check, error level only": errors}


def run_pofilter(items):
    import polib

    with tempfile.TemporaryDirectory() as d:
        po = polib.POFile()
        po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "es"}
        for i, (src, tgt, _) in enumerate(items):
            po.append(polib.POEntry(msgid=src, msgstr=tgt, msgctxt=str(i)))
        inp, out = Path(d) / "in.po", Path(d) / "out.po"
        po.save(str(inp))
        subprocess.run([sys.executable, "-m", "translate.filters.pofilter", str(inp), str(out)],
                       capture_output=True, check=False)
        if not out.exists():
            subprocess.run(["pofilter", str(inp), str(out)], capture_output=True, check=True)
        bad = {}
        for e in polib.pofile(str(out)):
            bad[int(e.msgctxt)] = re.findall(r"\(pofilter\) ([\w-]+)", e.tcomment or "")
    flagged = [i in bad for i in range(len(items))]
    per_check = defaultdict(Counter)
    for i, tests in bad.items():
        for t in set(tests):
            per_check[t]["planted" if items[i][2] else "clean"] += 1
    return flagged, per_check, {}, {}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", choices=[*FILES, "flores"], default="test",
                        help="dev, test (WMT) or flores (FLORES-200 devtest, a second test set)")
    parser.add_argument("--pairs", type=int, default=3000)
    parser.add_argument("--show", action="store_true", help="print localize's false alarms")
    parser.add_argument("--show-all", action="store_true", help="print every false alarm, not 12 per check")
    args = parser.parse_args()
    items = build_set(args.split, args.pairs)
    planted = [i for i, x in enumerate(items) if x[2]]
    clean = [i for i, x in enumerate(items) if not x[2]]
    where = FLORES_FILES.format("{eng,spa}") if args.split == "flores" else FILES[args.split]
    print(f"{args.split} ({where}): {len(items)} pairs, {len(clean)} clean, {len(planted)} with "
          f"a planted error ({dict(Counter(items[i][2] for i in planted))})")
    print("\n| checker | planted errors caught | clean pairs flagged | " +
          " | ".join(KINDS) + " |\n|---|---|---|" + "---|" * len(KINDS))
    details = {}
    for name, run in (("localize check", run_localize), ("pofilter (defaults)", run_pofilter)):
        flagged, per_check, examples, by_level = run(items)
        details[name] = per_check
        # The headline is "flagged at any level"; a second row counts error-level problems only
        # (warnings: quotes, punctuation, length, whitespace).
        for row, marks in ((name, flagged), *by_level.items()):
            caught = sum(marks[i] for i in planted)
            false = sum(marks[i] for i in clean)
            kinds = []
            for kind in KINDS:
                idx = [i for i in planted if items[i][2] == kind]
                kinds.append(f"{sum(marks[i] for i in idx)}/{len(idx)}")
            print(f"| {row} | {100 * caught / len(planted):.1f}% ({caught}/{len(planted)}) | "
                  f"{100 * false / len(clean):.1f}% ({false}/{len(clean)}) | " + " | ".join(kinds) + " |")
        if args.show or args.show_all:
            for check, lines in examples.items():
                print(f"\n## false alarms of {check}")
                for line in (lines if args.show_all else lines[:12]):
                    print("  -", line)
            for i in planted:
                if not flagged[i]:
                    print(f"  MISSED {items[i][2]}: {items[i][0]}\n      {items[i][1]}")
    for name, per_check in details.items():
        print(f"\n{name}, per check (pairs flagged; precision = planted / all flagged):")
        print("| check | on planted | on clean | precision |\n|---|---|---|---|")
        for check, c in sorted(per_check.items()):
            total = c["planted"] + c["clean"]
            print(f"| {check} | {c['planted']} | {c['clean']} | {c['planted'] / total:.2f} |")


if __name__ == "__main__":
    main()
