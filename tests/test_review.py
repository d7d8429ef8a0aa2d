"""The review step: checks, the glossary, and a scripted terminal review."""
import json
import re
import shutil
import subprocess

import polib
import pytest
from typer.testing import CliRunner

from conftest import SEED, require_apertium
from localize.checks import check_unit
from localize.cli import app
from localize.memory import TranslationUnit

runner = CliRunner()


def problems(source, target, src="en", tgt="es", terms=()):
    return {p.check for p in check_unit(TranslationUnit(source, target, references=["a:1.1"]), src, tgt, terms)}


@pytest.mark.parametrize("source,target,expected", [
    ("Growth was 2.5% and 1,200 jobs were made.", "El crecimiento fue del 3,5% y se crearon 1.200 empleos.", "numbers"),
    ("Donald Trump met Sanae Takaichi in Tokyo.", "Se reunió con Sanae Takaichi en Tokio.", "names"),
    ("The council approved the plan on Monday.", "The council approved the plan on Monday.", "untranslated"),
    ('"It is over," he said.', "«Se acabó, dijo.", "quotes"),
    ("The council approved the plan on Monday.", "El consejo consejo consejo aprobó el plan.", "repetition"),
    ("The council approved the new budget plan on Monday evening after a long debate.", "El consejo aprobó el", "truncated"),
    ("Did the council approve it?", "El consejo lo aprobó.", "punctuation"),
])
def test_each_planted_error_is_caught(source, target, expected):
    assert expected in problems(source, target)


@pytest.mark.parametrize("source,target", [
    ("The U.S. economy grew 2.5% to $490 billion on 28/10/2025.", "La economía de EE. UU. creció un 2,5% hasta 490.000 millones de dólares el 28/10/2025."),
    ('"We will not back down," said Dr. Alan Reyes.', "«No vamos a rendirnos», dijo el Dr. Alan Reyes."),
    ("After the meeting at the Akasaka Palace, he left.", "Después de la reunión en el Palacio de Akasaka, se marchó."),
    ("Japan and China agreed to resume the talks.", "Japón y China acordaron reanudar las conversaciones."),
])
def test_clean_human_translations_are_not_flagged(source, target):
    assert problems(source, target) == set()


def test_glossary_terms_are_checked():
    from localize.glossary import Term

    terms = [Term("rare earths", "es", "tierras raras"), Term("Generalitat", "*", "do not translate")]
    assert "glossary" in problems("Supplies of rare earths rose.", "Los suministros de tierra rara subieron.", terms=terms)
    assert "glossary" not in problems("Supplies of rare earths rose.", "Los suministros de tierras raras subieron.", terms=terms)
    assert "glossary" in problems("The Generalitat agreed.", "La Generalidad estuvo de acuerdo.", terms=terms)


def test_malformed_glossary_names_its_row(tmp_path):
    (tmp_path / "locales").mkdir()
    (tmp_path / "locales" / "glossary.csv").write_text("term,language,translation,note\nok,es,bien,\nbroken\n")
    result = runner.invoke(app, ["glossary", "list"])
    assert result.exit_code == 3 and "row 3" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_glossary_add_and_list():
    assert runner.invoke(app, ["glossary", "add", "rare earths", "tierras raras", "--to", "es"]).exit_code == 0
    assert runner.invoke(app, ["glossary", "add", "Generalitat", "do not translate"]).exit_code == 0
    doc = json.loads(runner.invoke(app, ["glossary", "list", "--json"]).stdout)
    assert [(t["term"], t["language"], t["translation"]) for t in doc["terms"]] == [
        ("rare earths", "es", "tierras raras"), ("Generalitat", "*", "do not translate")]


apertium = require_apertium("eng-spa")


@pytest.fixture
def seed(tmp_path):
    dest = tmp_path / "trump-japan-rare-earths.en.txt"
    shutil.copy(SEED, dest)
    return dest


@apertium
def test_check_on_the_seed_reports_the_pronoun_slip(seed):
    runner.invoke(app, ["translate", str(seed), "--to", "es"])
    result = runner.invoke(app, ["check", str(seed), "--to", "es", "--json"])
    doc = json.loads(result.stdout)
    found = doc["articles"][0]["problems"]
    assert any(p["check"] == "pronoun-gender" and "Takaichi" in p["why"] for p in found)
    assert all(set(p) == {"check", "level", "reference", "source", "target", "why", "accepted"} for p in found)


@apertium
def test_check_fails_the_pipeline_on_errors_and_checks_can_be_switched_off(seed):
    runner.invoke(app, ["translate", str(seed), "--to", "es"])
    po_path = "locales/es/LC_MESSAGES/trump-japan-rare-earths.po"
    po = polib.pofile(po_path)
    entry = next(e for e in po if "$490 billion" in e.msgid)
    entry.msgstr = entry.msgstr.replace("490", "940")
    po.save()
    result = runner.invoke(app, ["check", str(seed), "--to", "es"])
    assert result.exit_code == 1 and "[numbers]" in result.stdout
    result = runner.invoke(app, ["check", str(seed), "--to", "es", "--disable", "numbers", "--errors-only"])
    assert "[numbers]" not in result.stdout


@apertium
@pytest.mark.parametrize("engine_pair", ["es", "ca"])
def test_a_glossary_entry_is_honoured_by_apertium(seed, engine_pair):
    runner.invoke(app, ["glossary", "add", "rare earths", "TERRES-RARES-X", "--to", engine_pair])
    runner.invoke(app, ["glossary", "add", "Asian Tour", "do not translate"])
    runner.invoke(app, ["translate", str(seed), "--to", engine_pair])
    po = polib.pofile(f"locales/{engine_pair}/LC_MESSAGES/trump-japan-rare-earths.po")
    assert next(e for e in po if e.msgid == "Asian Tour").msgstr == "Asian Tour"
    assert "TERRES-RARES-X" in next(e for e in po if "rare earths and critical" in e.msgid).msgstr


@apertium
def test_scripted_review_approves_entries_that_build_then_accepts(seed, tmp_path):
    runner.invoke(app, ["translate", str(seed), "--to", "es"])
    # accept, edit inline, skip, back, accept, then quit
    script = "a\ne\nTrump firma un acuerdo en Japón\ns\nb\na\nq\n"
    result = runner.invoke(app, ["review", str(seed), "--to", "es", "--reviewer", "Ana Editor"], input=script)
    assert result.exit_code == 0, result.output
    assert "2 approved, 1 edited and approved, 1 skipped" in result.stdout
    po = polib.pofile("locales/es/LC_MESSAGES/trump-japan-rare-earths.po")
    approved = [e for e in po if "fuzzy" not in e.flags]
    assert len(approved) == 3 and all("approved by Ana Editor" in e.tcomment for e in approved)
    assert po.metadata["Last-Translator"] == "Ana Editor"
    assert next(e for e in po if e.msgid.startswith("Trump signs")).msgstr == "Trump firma un acuerdo en Japón"
    assert subprocess.run(["msgfmt", "-c", "-o", "/dev/null", "locales/es/LC_MESSAGES/trump-japan-rare-earths.po"]).returncode == 0
    # Approve the rest in one session, then the publishing gate opens.
    result = runner.invoke(app, ["review", str(seed), "--to", "es", "--reviewer", "Ana Editor"], input="a\n" * 20 + "q\n")
    assert result.exit_code == 0
    out = tmp_path / "es.txt"
    # Machine output with error-level problems was approved with the rest: the gate still
    # refuses until a reviewer accepts each problem on its entry.
    result = runner.invoke(app, ["build", str(seed), "--to", "es", "-o", str(out), "--require-approved"])
    assert result.exit_code == 6 and "error-level problem" in result.output
    refs = re.findall(r"(\S+:\d+(?:\.\d+)?) \[([\w-]+)\]", result.output)
    args = ["check", str(seed), "--to", "es", "--reviewer", "Ana Editor"]
    for ref, check in refs:
        args += ["--accept", f"{ref}:{check}"]
    runner.invoke(app, args)
    result = runner.invoke(app, ["build", str(seed), "--to", "es", "-o", str(out), "--require-approved"])
    assert result.exit_code == 0, result.output
    assert "Trump firma un acuerdo en Japón" in out.read_text()


@apertium
def test_quitting_midway_keeps_every_decision(seed):
    runner.invoke(app, ["translate", str(seed), "--to", "es"])
    runner.invoke(app, ["review", str(seed), "--to", "es", "--reviewer", "R"], input="a\na\n")  # input ends
    po = polib.pofile("locales/es/LC_MESSAGES/trump-japan-rare-earths.po")
    assert sum("fuzzy" not in e.flags for e in po) == 2


@apertium
def test_review_shows_who_wrote_each_translation_and_only_that_sentences_problems(seed):
    runner.invoke(app, ["translate", str(seed), "--to", "es"])
    shown = runner.invoke(app, ["review", str(seed), "--to", "es", "--reviewer", "R"], input="q\n").output
    assert re.search(r"origin: +machine \(apertium en-es=", shown)
    # The 20th line holds several sentences; the unknown word "Takaichi" belongs to the second only.
    # (It was the "One" of "Marine One", which the engine translated before names were kept.)
    po = polib.pofile("locales/es/LC_MESSAGES/trump-japan-rare-earths.po")
    line = [e for e in po if any(o[1] == "20" for o in e.occurrences)]
    assert len(line) > 1
    full = runner.invoke(app, ["review", str(seed), "--to", "es", "--reviewer", "R"],
                         input="s\n" * len(po) + "q\n").output
    blocks = full.split("\n[")
    flagged = [b for b in blocks if ":20 " in b.split("\n")[0] and "did not know: Takaichi" in b]
    assert len(flagged) == 1 and "through an interpreter" in flagged[0]
