"""End-to-end scenarios of issues 13 and 16, run as a desk editor would: the real `localize` command
in a subprocess, on a copy of one sample article, with real Apertium and real GNU gettext tools.

After every write we ask gettext itself: `msgfmt -c` accepts the memory and `msgcat F` gives F back
byte for byte (canonical form). No test doubles here."""
import json
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SAMPLES, require_apertium

pytestmark = require_apertium("eng-spa")

ARTICLE = SAMPLES / "brussels-summit.en.txt"
PO = Path("locales/es/LC_MESSAGES/brussels-summit.po")
LOCALIZE = Path(sys.executable).parent / "localize"
# A sentence of the sample that we change, and one that we leave alone (both plain English).
CHANGED = "The first payments could come before the end of the year."
KEPT = "The deal still needs the approval of the European Parliament."
# Generous: Apertium on one short article takes ~2 s; a hang is what this limit catches.
COMMAND_TIMEOUT_S = 60


def localize(*args, input=None, env=None, timeout=COMMAND_TIMEOUT_S, cwd=None):
    full_env = {**os.environ, "LOCALIZE_REVIEWER": "Ana Editor", **(env or {})}
    return subprocess.run([str(LOCALIZE), *map(str, args)], input=input, capture_output=True, text=True,
                          env=full_env, timeout=timeout, cwd=cwd)


def ok(*args, **kwargs):
    done = localize(*args, **kwargs)
    assert done.returncode == 0, (args, done.stdout, done.stderr)
    return done


def assert_valid_and_canonical(path=PO):
    fmt = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(path)], capture_output=True, text=True)
    assert fmt.returncode == 0, fmt.stderr
    cat = subprocess.run(["msgcat", str(path)], capture_output=True, check=True)
    if cat.stdout != Path(path).read_bytes():
        diff = subprocess.run(["diff", "-", str(path)], input=cat.stdout, capture_output=True).stdout
        raise AssertionError(f"msgcat does not give {path} back unchanged:\n{diff.decode()[:3000]}")


def po_entries(path=PO):
    """(live, obsolete) lists of (msgid, msgstr, fuzzy) read with gettext's own msgattrib/msgcat rules
    via polib (already a dependency of the product)."""
    import polib
    po = polib.pofile(str(path))
    live = [(e.msgid, e.msgstr, "fuzzy" in e.flags) for e in po if not e.obsolete]
    gone = [(e.msgid, e.msgstr, "fuzzy" in e.flags) for e in po if e.obsolete]
    return live, gone


def approved(path=PO):
    return {msgid: msgstr for msgid, msgstr, fuzzy in po_entries(path)[0] if not fuzzy and msgstr}


def review(article, approvals):
    done = ok("review", article, "--to", "es", input="a\n" * approvals + "q\n")
    assert re.search(r"\b\d+ approved", done.stdout), done.stdout
    return done


@pytest.fixture
def article(tmp_path):
    dest = tmp_path / "brussels-summit.en.txt"
    shutil.copy(ARTICLE, dest)
    return dest


def edit(article, old, new):
    text = article.read_text(encoding="utf-8")
    assert old in text
    article.write_text(text.replace(old, new), encoding="utf-8")


# --- issue 13 ---------------------------------------------------------------------------------

def test_review_with_obsolete_entries_keeps_each_once_and_valid(article):
    ok("translate", article, "--to", "es")
    review(article, 30)  # every entry approved: a changed sentence leaves its approval in #~
    edit(article, CHANGED, "The first payments could come in the spring.")
    edit(article, KEPT, "The deal still needs a vote in the European Parliament.")
    ok("translate", article, "--to", "es")
    assert_valid_and_canonical()
    # Each approval is one save: four saves over a file holding obsolete entries.
    for _ in range(4):
        ok("review", article, "--to", "es", "--all", input="a\nq\n")
        assert_valid_and_canonical()
    obsolete = [msgid for msgid, _, _ in po_entries()[1]]
    assert obsolete, "changing two approved sentences left no obsolete entry"
    assert len(obsolete) == len(set(obsolete)), obsolete
    assert set(obsolete) <= {CHANGED, KEPT}


def assert_valid(path=PO):
    fmt = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(path)], capture_output=True, text=True)
    assert fmt.returncode == 0, fmt.stderr


def rewrap_outside(width):
    subprocess.run(["msgcat", "-w", str(width), str(PO), "-o", str(PO)], check=True)
    # The outside tool really re-wrapped: the file is no longer what msgcat writes by default.
    assert PO.read_bytes() != subprocess.run(["msgcat", str(PO)], capture_output=True).stdout


def test_outside_rewrap_then_translate_loses_nothing(article):
    ok("translate", article, "--to", "es")
    review(article, 3)
    before = approved()
    assert len(before) == 3
    rewrap_outside(40)
    ok("translate", article, "--to", "es")
    assert approved() == before
    assert_valid()
    # msgmerge re-wraps too (another outside tool); still nothing is lost.
    subprocess.run(["msgmerge", "-q", "-w", "50", "-U", "--backup=off", str(PO), str(PO)], check=True)
    ok("translate", article, "--to", "es")
    assert approved() == before
    assert_valid()


def test_outside_rewrap_then_translate_makes_the_file_canonical_again(article):
    ok("translate", article, "--to", "es")
    review(article, 3)
    rewrap_outside(40)
    ok("translate", article, "--to", "es")
    assert_valid_and_canonical()


def test_set_obsolete_by_msgattrib_is_undone_by_translate(article, tmp_path):
    ok("translate", article, "--to", "es")
    live_before, _ = po_entries()
    subprocess.run(["msgattrib", "--no-wrap", "--set-obsolete", str(PO), "-o", str(PO)], check=True)
    assert po_entries()[0] == []
    done = ok("translate", article, "--to", "es", "--json")
    result = json.loads(done.stdout)["results"][0]
    assert "unchanged" not in json.dumps(result).lower(), result
    live_after, gone_after = po_entries()
    assert {m for m, _, _ in live_after} == {m for m, _, _ in live_before}
    assert gone_after == []
    assert_valid_and_canonical()
    out = tmp_path / "built.es.txt"
    ok("build", article, "--to", "es", "-o", out)
    built = out.read_text(encoding="utf-8")
    assert KEPT not in built and CHANGED not in built, built
    assert "Bruselas" in built


def test_change_and_revert_brings_the_approval_back(article):
    ok("translate", article, "--to", "es")
    import polib
    po = polib.pofile(str(PO))
    entry = next(e for e in po if e.msgid == CHANGED)
    order = [e.msgid for e in po if not e.obsolete and "fuzzy" in e.flags]
    assert CHANGED in order
    # The terminal review goes fuzzy entries first in file order: skip up to ours, accept it.
    script = "s\n" * order.index(CHANGED) + "a\nq\n"
    done = ok("review", article, "--to", "es", input=script)
    assert "1 approved" in done.stdout, done.stdout
    assert approved().get(CHANGED) == entry.msgstr
    edit(article, CHANGED, "The first payments could come in the spring.")
    ok("translate", article, "--to", "es")
    assert CHANGED not in approved()
    edit(article, "The first payments could come in the spring.", CHANGED)
    ok("translate", article, "--to", "es")
    assert approved().get(CHANGED) == entry.msgstr
    assert_valid_and_canonical()


def test_wrong_source_language_and_late_glossary_term_are_corrected_on_rerun(article):
    ok("translate", article, "--to", "es", "--from", "ca")
    wrong = dict((m, s) for m, s, _ in po_entries()[0])
    ok("translate", article, "--to", "es", "--from", "en")
    right = dict((m, s) for m, s, _ in po_entries()[0])
    assert right[KEPT] != wrong[KEPT]
    assert right[KEPT] != KEPT and "aprobación" in right[KEPT], right[KEPT]
    assert_valid_and_canonical()
    ok("glossary", "add", "defence fund", "FONDO-DE-DEFENSA-X", "--to", "es")
    ok("translate", article, "--to", "es", "--from", "en")
    headline = dict((m, s) for m, s, _ in po_entries()[0])[
        "EU leaders agree on joint defence fund after all-night talks"]
    assert "FONDO-DE-DEFENSA-X" in headline, headline
    assert_valid_and_canonical()


def test_file_mode_0664_is_kept_by_translate_and_review(article):
    ok("translate", article, "--to", "es")
    PO.chmod(0o664)
    review(article, 2)
    assert stat.S_IMODE(PO.stat().st_mode) == 0o664
    edit(article, CHANGED, "The first payments could come in the spring.")
    ok("translate", article, "--to", "es")
    assert stat.S_IMODE(PO.stat().st_mode) == 0o664
    assert_valid_and_canonical()


@pytest.mark.parametrize("bad", [b"", bytes(range(256)) * 16], ids=["empty", "binary"])
def test_folder_with_one_bad_file_exits_1_and_does_the_good_article(tmp_path, bad):
    wire = tmp_path / "wire"
    wire.mkdir()
    shutil.copy(ARTICLE, wire / "brussels-summit.en.txt")
    (wire / "broken.en.txt").write_bytes(bad)
    detect = localize("detect", wire)
    assert detect.returncode == 1, (detect.stdout, detect.stderr)
    assert "brussels-summit" in detect.stdout and "broken.en.txt" in detect.stderr
    translate = localize("translate", wire, "--to", "es")
    assert translate.returncode == 1, (translate.stdout, translate.stderr)
    po = Path("locales/es/LC_MESSAGES")
    memories = list(po.rglob("*.po"))
    assert len(memories) == 1 and "brussels-summit" in memories[0].name
    assert_valid_and_canonical(memories[0])
    check = localize("check", wire, "--to", "es")
    assert check.returncode == 1, (check.stdout, check.stderr)
    assert "brussels-summit" in check.stdout
    out = tmp_path / "out"
    build = localize("build", wire, "--to", "es", "--out-dir", out)
    assert build.returncode == 1, (build.stdout, build.stderr)
    built = list(out.rglob("*brussels-summit*"))
    assert built and "Bruselas" in built[0].read_text(encoding="utf-8")
    for done in (detect, translate, check, build):
        assert "Traceback" not in done.stderr


def test_piped_output_is_not_cut_at_narrow_width_under_a_long_path(tmp_path):
    deep = tmp_path / ("desk-" + "x" * 40) / ("wire-" + "y" * 40) / "politics-and-international-affairs"
    deep.mkdir(parents=True)
    article = deep / "brussels-summit.en.txt"
    shutil.copy(ARTICLE, article)
    narrow = {"COLUMNS": "40", "TERM": "xterm"}
    detect = ok("detect", article, env=narrow)
    assert f"{article}: en (English)" in detect.stdout.splitlines()[0], detect.stdout
    translate = ok("translate", article, "--to", "es", env=narrow)
    # The article's id and its memory's path stand whole on one row of the table.
    row = next(line for line in translate.stdout.splitlines() if "brussels-summit" in line)
    assert str(deep.relative_to(tmp_path)) in row or str(deep) in row, translate.stdout
    assert "…" not in translate.stdout
    check = localize("check", article, "--to", "es", env=narrow)
    assert check.returncode in (0, 1), check.stderr
    lines = check.stdout.splitlines()
    # The long source sentence the check reports must stand whole on one line.
    long_sentence = ("BrusselsEuropean Union leaders agreed early on Friday to set up a €150 billion fund "
                     "to help member states buy weapons, after talks that lasted until 4 a.m.")
    assert any(long_sentence in line for line in lines), check.stdout
    assert any(line.lstrip().startswith(
        f"warning [unknown-words] {article.relative_to(tmp_path)}:12: ") for line in lines), check.stdout
    # Line 16 is a Spanish quote, kept as written in the Spanish memory: not an untranslated error.
    assert not any("[untranslated]" in line for line in lines), check.stdout
    for line in lines:
        assert "…" not in line or line.lstrip().startswith(tuple("0123456789")), line


# --- issue 16 ---------------------------------------------------------------------------------

def test_two_story_files_in_two_folders_keep_two_memories(tmp_path):
    wire = tmp_path / "wire"
    politics, sport = wire / "politics", wire / "sport"
    politics.mkdir(parents=True)
    sport.mkdir()
    shutil.copy(ARTICLE, politics / "story.en.txt")
    (sport / "story.en.txt").write_text(
        "Sport\n\nThe home team won the final after extra time.\n\nThe coach thanked the fans.\n",
        encoding="utf-8")
    ok("translate", politics / "story.en.txt", "--to", "es")
    first = [p for p in Path("locales").rglob("*.po")]
    assert len(first) == 1
    review(politics / "story.en.txt", 3)
    kept = approved(first[0])
    ok("translate", sport / "story.en.txt", "--to", "es")
    memories = sorted(Path("locales").rglob("*.po"))
    assert len(memories) == 2, memories
    assert approved(first[0]) == kept and len(kept) == 3
    assert po_entries(first[0])[1] == []  # nothing of the first made obsolete
    for memory in memories:
        assert_valid_and_canonical(memory)


def test_po_cut_mid_string_fails_the_gate_with_one_line(article, tmp_path):
    ok("translate", article, "--to", "es")
    ok("review", article, "--to", "es", input="a\n" * 30 + "q\n")
    text = PO.read_text(encoding="utf-8")
    last = text.rindex('msgstr "')
    cut = last + len('msgstr "') + 5
    PO.write_text(text[:cut], encoding="utf-8")  # e.g. msgstr "Los p  -- no closing quote, no newline
    out = tmp_path / "built.es.txt"
    done = localize("build", article, "--to", "es", "-o", out, "--require-approved")
    assert done.returncode != 0
    assert not out.exists()
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and str(PO.name) in lines[0], done.stderr
    assert "Traceback" not in done.stderr


def test_build_onto_its_own_source_is_refused(article):
    ok("translate", article, "--to", "es")
    before = article.read_bytes()
    done = localize("build", article, "--to", "es", "-o", article)
    assert done.returncode != 0
    assert article.read_bytes() == before
    assert "Traceback" not in done.stderr and done.stderr.strip()


def test_build_onto_its_own_source_says_so_in_one_whole_line(tmp_path):
    deep = tmp_path / ("desk-" + "x" * 40) / ("wire-" + "y" * 40)
    deep.mkdir(parents=True)
    article = deep / "brussels-summit.en.txt"
    shutil.copy(ARTICLE, article)
    ok("translate", article, "--to", "es")
    done = localize("build", article, "--to", "es", "-o", article, env={"COLUMNS": "60"})
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and str(article) in lines[0], done.stderr


@pytest.mark.parametrize("command", [["detect"], ["translate", "--to", "es"]])
def test_a_fifo_given_as_an_article_is_refused_within_seconds(tmp_path, command):
    fifo = tmp_path / "wire.en.txt"
    os.mkfifo(fifo)
    try:
        done = localize(command[0], fifo, *command[1:], timeout=20)
    except subprocess.TimeoutExpired:
        pytest.fail(f"localize {command[0]} on a FIFO still blocked after 20 s")
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert len([line for line in done.stderr.splitlines() if line.strip()]) == 1, done.stderr
