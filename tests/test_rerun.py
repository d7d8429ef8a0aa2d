"""Reruns after outside tools and changed settings: the shortcut is taken only when it is proven
safe; otherwise the work is done, machine output made with other settings is redone, and approved
translations are never lost (Apertium does the real translating)."""
import json
import shutil
import subprocess

import polib
import pytest
from typer.testing import CliRunner

from conftest import SEED, require_apertium
from localize.cli import app

runner = CliRunner()
pytestmark = require_apertium("eng-spa")
PO = "locales/es/LC_MESSAGES/trump-japan-rare-earths.po"


@pytest.fixture
def seed(tmp_path):
    dest = tmp_path / "trump-japan-rare-earths.en.txt"
    shutil.copy(SEED, dest)
    return dest


def translate(*args):
    result = runner.invoke(app, ["translate", *map(str, args), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["results"][0]


def entries(live=True):
    po = polib.pofile(PO)
    return {e.msgid: e for e in po if bool(e.obsolete) != live}


def canonical(path=PO):
    done = subprocess.run(["msgcat", path], capture_output=True, check=True)
    fmt = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", path], capture_output=True)
    return done.stdout == open(path, "rb").read() and fmt.returncode == 0


def approve(source_startswith, text):
    po = polib.pofile(PO)
    entry = next(e for e in po if e.msgid.startswith(source_startswith) and not e.obsolete)
    entry.msgstr = text
    if "fuzzy" in entry.flags:
        entry.flags.remove("fuzzy")
    po.save()


def test_entries_obsoleted_by_msgattrib_come_back(seed):
    translate(seed, "--to", "es")
    before = {k: e.msgstr for k, e in entries().items()}
    subprocess.run(["msgattrib", "--no-wrap", "--set-obsolete", PO, "-o", PO], check=True)
    assert entries() == {}
    result = translate(seed, "--to", "es")
    assert result["skipped"] is None and result["machine_translated"] == 0
    assert {k: e.msgstr for k, e in entries().items()} == before
    assert canonical()


def test_a_rewrap_by_another_tool_is_made_canonical_once_then_the_shortcut_holds_again(seed):
    translate(seed, "--to", "es")
    before = {k: e.msgstr for k, e in entries().items()}
    subprocess.run(["msgcat", "--width=40", PO, "-o", PO], check=True)
    assert not canonical()
    first = translate(seed, "--to", "es")  # the file is not as localize wrote it: no shortcut
    assert first["skipped"] is None and first["machine_translated"] == 0
    assert canonical() and {k: e.msgstr for k, e in entries().items()} == before
    assert translate(seed, "--to", "es")["skipped"] == "unchanged since the last run"


def test_a_wrong_source_language_is_corrected_by_rerunning_with_the_right_one(seed):
    wrong = translate(seed, "--to", "es", "--from", "ca")  # Apertium cat-spa: English read as Catalan
    assert wrong["source_language"] == "ca"
    wrong_text = {k: e.msgstr for k, e in entries().items()}
    approve("Asian Tour", "Gira asiática")
    right = translate(seed, "--to", "es", "--from", "en")
    assert right["skipped"] is None and right["machine_translated"] == len(wrong_text) - 1
    now = entries()
    assert now["Asian Tour"].msgstr == "Gira asiática" and "fuzzy" not in now["Asian Tour"].flags
    assert any(now[k].msgstr != wrong_text[k] for k in now if k != "Asian Tour")
    assert all("en-es=eng-spa" in e.comment for k, e in now.items() if k != "Asian Tour")
    assert polib.pofile(PO).metadata["X-Source-Language"] == "en"


def test_a_glossary_term_added_later_reaches_machine_entries_but_not_approved_ones(seed):
    translate(seed, "--to", "es")
    approve("Trump signs", "Trump firma un acuerdo sobre tierras raras en Japón")
    runner.invoke(app, ["glossary", "add", "rare earths", "TIERRAS-RARAS-X", "--to", "es"])
    result = translate(seed, "--to", "es")
    assert result["skipped"] is None and result["machine_translated"] > 0
    now = entries()
    assert "TIERRAS-RARAS-X" in next(e for k, e in now.items() if "rare earths and critical" in k).msgstr
    assert now["Trump signs agreement in Japan to secure rare earth supplies"].msgstr == \
        "Trump firma un acuerdo sobre tierras raras en Japón"
    assert translate(seed, "--to", "es")["skipped"] == "unchanged since the last run"


def test_force_redoes_machine_entries_and_never_approved_ones(seed):
    translate(seed, "--to", "es")
    approve("Asian Tour", "Gira asiática")
    machine = sum(1 for k, e in entries().items() if "fuzzy" in e.flags)
    result = translate(seed, "--to", "es", "--force")
    assert result["machine_translated"] == machine
    assert entries()["Asian Tour"].msgstr == "Gira asiática"


def test_an_approval_comes_back_when_a_changed_sentence_is_changed_back(seed):
    original = seed.read_text()
    sentence = "Sanae Takaichi stages the beginning of a courtship between the two countries."
    translate(seed, "--to", "es")
    approve("Sanae Takaichi stages", "Sanae Takaichi escenifica el inicio de un cortejo.")
    seed.write_text(original.replace(sentence, sentence.replace("the two", "both")))
    translate(seed, "--to", "es")
    assert "fuzzy" in next(e for k, e in entries().items() if k.startswith("Sanae Takaichi stages")).flags
    seed.write_text(original)
    translate(seed, "--to", "es")
    back = entries()[sentence]
    assert back.msgstr == "Sanae Takaichi escenifica el inicio de un cortejo." and "fuzzy" not in back.flags
    assert canonical()


def broken_copies(text):
    """A memory damaged the ways files get damaged: cut mid-string, a string left open mid-file,
    a bad escape, a duplicate entry. Each with the line msgfmt names."""
    lines = text.split("\n")
    at = next(i for i, l in enumerate(lines) if l.startswith('msgstr "') and l != 'msgstr ""')
    open_string = lines[:at] + [lines[at][:-3]] + lines[at + 1:]
    escape = lines[:at] + [lines[at][:-1] + '\\q"'] + lines[at + 1:]
    block = text.split("\n\n")[1]
    cut = text[: text.index(lines[at]) + len(lines[at]) - 5]
    return {"cut": (cut, None), "open": ("\n".join(open_string), at + 1), "escape": ("\n".join(escape), at + 1),
            "duplicate": (text + "\n" + block + "\n", None)}


@pytest.mark.parametrize("damage", ["cut", "open", "escape", "duplicate"])
def test_an_invalid_memory_is_refused_by_every_command_and_left_as_it_is(seed, tmp_path, damage):
    translate(seed, "--to", "es")
    text, line = broken_copies(open(PO, encoding="utf-8").read())[damage]
    with open(PO, "w", encoding="utf-8") as f:
        f.write(text)
    bad = open(PO, "rb").read()
    for command in (["translate", seed, "--to", "es"], ["translate", seed, "--to", "es", "--force"],
                    ["build", seed, "--to", "es", "-o", tmp_path / "out.txt"], ["check", seed, "--to", "es"],
                    ["status", seed]):
        result = runner.invoke(app, list(map(str, command)))
        assert result.exit_code != 0, (command, result.output)
        assert "is not a valid PO file" in result.output and "trump-japan-rare-earths.po:" in result.output
        if line:
            assert f"trump-japan-rare-earths.po:{line}:" in result.output
        assert "Traceback" not in result.output
        assert open(PO, "rb").read() == bad  # nothing repaired, nothing written
    assert not (tmp_path / "out.txt").exists()
