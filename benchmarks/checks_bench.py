"""Quality checks on human translations with planted errors: localize check against pofilter.

    python benchmarks/checks_bench.py

Pairs: benchmarks/data/checks_en_es.tsv and names_en_es.tsv (English news with a Spanish reference
made by hand for this project). Half are left clean; each of the other half gets one planted error,
in turn: a changed figure, a dropped name, the source copied, a lost closing quote, a
machine-translation loop repeating a word, a truncated translation. An error is "caught" when the
checker flags its sentence (any check, any level); a clean pair flagged is a false alarm.
pofilter (translate-toolkit) runs with its default tests on the same PO file.
"""
from __future__ import annotations

import os
import random
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
ROOT = Path(__file__).resolve().parent.parent
KINDS = ["changed figure", "dropped name", "copied source", "lost closing quote", "loop", "truncated"]


def load() -> list[tuple[str, str]]:
    pairs = []
    for name in ("checks_en_es.tsv", "names_en_es.tsv"):
        for line in (ROOT / "benchmarks" / "data" / name).read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                pairs.append(tuple(line.split("\t")))
    return pairs


def plant(kind: str, src: str, tgt: str, rng: random.Random) -> str | None:
    if kind == "changed figure":
        nums = list(re.finditer(r"\d+", tgt))
        if not nums:
            return None
        m = rng.choice(nums)
        return tgt[:m.start()] + str(int(m.group(0)) + rng.choice([1, 2, 10])) + tgt[m.end():]
    if kind == "dropped name":
        names = re.findall(r"\b[A-Z][a-zà-ÿ]+ [A-Z][a-zà-ÿ]+\b", tgt)
        names = [n for n in names if n in src]
        if not names:
            return None
        return re.sub(r"\s+", " ", tgt.replace(rng.choice(names), "", 1)).strip()
    if kind == "copied source":
        return src
    if kind == "lost closing quote":
        if "»" not in tgt:
            return None
        i = tgt.rindex("»")
        return tgt[:i] + tgt[i + 1:]
    if kind == "loop":
        words = tgt.split()
        i = rng.randrange(1, len(words) - 1)
        return " ".join(words[:i] + [words[i]] * 3 + words[i + 1:])
    if kind == "truncated":
        words = tgt.split()
        return " ".join(words[: max(2, len(words) // 2)])
    raise ValueError(kind)


def build_set(seed: int = 0):
    rng = random.Random(seed)
    pairs = load()
    rng.shuffle(pairs)
    items = []  # (source, target, kind or None)
    k = 0
    for n, (src, tgt) in enumerate(pairs):
        if n % 2 == 0:
            items.append((src, tgt, None))
            continue
        for attempt in range(len(KINDS)):
            kind = KINDS[(k + attempt) % len(KINDS)]
            bad = plant(kind, src, tgt, rng)
            if bad is not None and bad != tgt:
                items.append((src, bad, kind))
                k += attempt + 1
                break
        else:
            items.append((src, tgt, None))
    return items


def run_localize(items):
    from localize.checks import check_unit
    from localize.memory import TranslationUnit

    flagged, per_check = [], defaultdict(Counter)
    for src, tgt, kind in items:
        found = check_unit(TranslationUnit(src, tgt, references=["x:1.1"]), "en", "es")
        flagged.append(bool(found))
        for c in {p.check for p in found}:
            per_check[c]["planted" if kind else "clean"] += 1
    return flagged, per_check


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
            tests = re.findall(r"\(pofilter\) ([\w-]+)", e.tcomment or "")
            bad[int(e.msgctxt)] = tests
    flagged = [i in bad for i in range(len(items))]
    per_check = defaultdict(Counter)
    for i, tests in bad.items():
        for t in set(tests):
            per_check[t]["planted" if items[i][2] else "clean"] += 1
    return flagged, per_check


def main() -> None:
    items = build_set()
    planted = [i for i, x in enumerate(items) if x[2]]
    clean = [i for i, x in enumerate(items) if not x[2]]
    print(f"{len(items)} pairs: {len(clean)} clean, {len(planted)} with a planted error "
          f"({dict(Counter(items[i][2] for i in planted))})")
    print("\n| checker | planted errors caught | clean pairs flagged | " +
          " | ".join(KINDS) + " |\n|---|---|---|" + "---|" * len(KINDS))
    details = {}
    for name, run in (("localize check", run_localize), ("pofilter (defaults)", run_pofilter)):
        flagged, per_check = run(items)
        details[name] = per_check
        caught = sum(flagged[i] for i in planted)
        false = sum(flagged[i] for i in clean)
        kinds = []
        for kind in KINDS:
            idx = [i for i in planted if items[i][2] == kind]
            kinds.append(f"{sum(flagged[i] for i in idx)}/{len(idx)}")
        print(f"| {name} | {100 * caught / len(planted):.0f}% ({caught}/{len(planted)}) | "
              f"{100 * false / len(clean):.0f}% ({false}/{len(clean)}) | " + " | ".join(kinds) + " |")
    for name, per_check in details.items():
        print(f"\n{name}, per check (sentences flagged; precision = planted / all flagged):")
        print("| check | on planted | on clean | precision |\n|---|---|---|---|")
        for check, c in sorted(per_check.items()):
            total = c["planted"] + c["clean"]
            print(f"| {check} | {c['planted']} | {c['clean']} | {c['planted'] / total:.2f} |")


if __name__ == "__main__":
    main()
