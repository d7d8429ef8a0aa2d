"""Every block is translated from its own language (real Apertium routes, end to end from the CLI)."""
import json
import re
from pathlib import Path

import polib
from typer.testing import CliRunner

from conftest import require_apertium
from localize import detect, read_article
from localize.cli import app

runner = CliRunner()
pytestmark = [require_apertium("eng-spa"), require_apertium("fra-cat"), require_apertium("cat-spa")]

# Written for these tests (not from any sample): an English report quoting a Spanish and a French
# speaker, and a Catalan one.
HEADLINE = "Regional rail strike halts commuter trains across three provinces"
ENGLISH = [
    "Commuter trains stood still on Monday as drivers walked out over a dispute about pay and rest days.",
    "The operator said that fewer than one in five services ran during the morning rush hour.",
    "Union leaders promised to keep the strike going until the company returned to the table.",
]
SPANISH = ("Los conductores llevan meses esperando una respuesta de la empresa y no vamos a "
           "aceptar más retrasos en la negociación del convenio.")
FRENCH = ("Nous avons vu la même situation l'année dernière dans notre région, et les voyageurs "
          "ont dû attendre pendant des heures sur les quais.")
CATALAN = ("Els treballadors del servei de rodalies també han convocat una vaga per a la setmana "
           "vinent si no hi ha cap acord amb la direcció.")


def write_article(tmp_path, *paragraphs) -> Path:
    path = tmp_path / "rail-strike.en.txt"
    path.write_text("\n\n".join([HEADLINE, ENGLISH[0], *paragraphs, *ENGLISH[1:]]) + "\n", encoding="utf-8")
    return path


def entries(lang="es"):
    return polib.pofile(str(Path("locales") / lang / "LC_MESSAGES" / "rail-strike.po"))


def apertium(text, mode):
    import subprocess

    out = subprocess.run(["apertium", "-u", mode], input=text, capture_output=True, text=True, check=True)
    return out.stdout.strip()


def test_a_spanish_paragraph_stays_as_written_and_is_marked_as_source(tmp_path):
    path = write_article(tmp_path, SPANISH)
    result = runner.invoke(app, ["translate", str(path), "--to", "es", "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)["results"][0]
    assert doc["source_language"] == "en"
    assert any("already in es" in line for line in doc["kept_blocks"])
    by_source = {e.msgid: e for e in entries()}
    kept = by_source[SPANISH]
    assert kept.msgstr == SPANISH and "origin: source" in kept.comment
    english = by_source[ENGLISH[0]]
    assert english.msgstr and english.msgstr != ENGLISH[0] and "translated by: apertium en-es" in english.comment

    built = runner.invoke(app, ["build", str(path), "--to", "es", "--out-dir", str(tmp_path / "out")])
    assert built.exit_code == 0, built.output
    out = next((tmp_path / "out").rglob("*.txt")).read_text(encoding="utf-8")
    assert SPANISH in out and ENGLISH[0] not in out


def test_french_goes_through_catalan_and_catalan_straight_into_spanish(tmp_path):
    path = write_article(tmp_path, FRENCH, CATALAN)
    result = runner.invoke(app, ["translate", str(path), "--to", "es", "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)["results"][0]
    assert doc["source_language"] == "en"
    assert "fr-ca" in doc["engine"] and "ca-es" in doc["engine"]
    by_source = {e.msgid: e for e in entries()}
    french, catalan = by_source[FRENCH], by_source[CATALAN]
    assert re.search(r"translated by: apertium fr-ca=\S+ ca-es=\S+ pivot=ca", french.comment)
    assert re.search(r"translated by: apertium ca-es=", catalan.comment)
    # the same words Apertium's own route gives
    assert french.msgstr == apertium(apertium(FRENCH, "fra-cat"), "cat-spa")
    assert catalan.msgstr == apertium(CATALAN, "cat-spa")


def test_each_paragraph_translated_from_its_own_language_is_reported_with_its_route(tmp_path):
    path = write_article(tmp_path, FRENCH, CATALAN)  # blocks: headline, English, French, Catalan, ...
    result = runner.invoke(app, ["translate", str(path), "--to", "es", "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)["results"][0]
    assert doc["source_language"] == "en"
    french, catalan = doc["foreign_blocks"]
    assert re.fullmatch(r"block 3: in fr, translated from fr by apertium fr-ca=\S+ ca-es=\S+ pivot=ca", french)
    assert re.fullmatch(r"block 4: in ca, translated from ca by apertium ca-es=\S+", catalan)
    assert doc["kept_blocks"] == []

    plain = runner.invoke(app, ["translate", str(path), "--to", "es", "--force"])
    assert plain.exit_code == 0, plain.output
    assert "block 3: in fr, translated from fr by apertium fr-ca" in plain.stderr
    assert "block 4: in ca, translated from ca by apertium ca-es" in plain.stderr


def test_a_rerun_keeps_every_paragraph_on_its_own_route(tmp_path):
    path = write_article(tmp_path, FRENCH, CATALAN)
    first = runner.invoke(app, ["translate", str(path), "--to", "es", "--json"])
    assert first.exit_code == 0, first.output
    sentences = json.loads(first.stdout)["results"][0]["machine_translated"]

    # Only an English paragraph changes: the French and Catalan ones are still said to go by their
    # own routes, not "kept as they are" for want of an engine.
    text = path.read_text(encoding="utf-8").replace(ENGLISH[1], "Buses replaced the cancelled evening trains.")
    path.write_text(text, encoding="utf-8")
    edited = runner.invoke(app, ["translate", str(path), "--to", "es", "--json"])
    assert edited.exit_code == 0, edited.output
    doc = json.loads(edited.stdout)["results"][0]
    assert doc["machine_translated"] == 1 and doc["kept_blocks"] == []
    assert [line.split(",")[0] for line in doc["foreign_blocks"]] == ["block 3: in fr", "block 4: in ca"]

    # --force redoes every machine entry, the foreign ones too, each by its own route.
    forced = runner.invoke(app, ["translate", str(path), "--to", "es", "--json", "--force"])
    assert forced.exit_code == 0, forced.output
    assert json.loads(forced.stdout)["results"][0]["machine_translated"] == sentences
    by_source = {e.msgid: e for e in entries()}
    assert re.search(r"translated by: apertium fr-ca=\S+ ca-es=\S+ pivot=ca", by_source[FRENCH].comment)
    assert by_source[FRENCH].msgstr == apertium(apertium(FRENCH, "fra-cat"), "cat-spa")


def test_an_english_only_article_reports_no_foreign_block(tmp_path):
    path = write_article(tmp_path)
    result = runner.invoke(app, ["translate", str(path), "--to", "es", "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)["results"][0]
    assert doc["foreign_blocks"] == [] and doc["kept_blocks"] == []


def test_a_block_no_engine_covers_is_kept_and_reported(tmp_path):
    german = ("Die Lokführer wollen erst dann wieder arbeiten, wenn das Unternehmen ein neues Angebot "
              "für die Löhne und die Ruhetage vorlegt.")
    path = write_article(tmp_path, german)
    result = runner.invoke(app, ["translate", str(path), "--to", "es"])
    assert result.exit_code == 0, result.output
    assert "in de, which no installed engine translates into es; kept as it is" in result.stderr
    unit = next(e for e in entries() if e.msgid == german)
    assert unit.msgstr == ""


def test_one_long_quote_does_not_decide_the_article_language(tmp_path):
    long_french = " ".join([FRENCH] * 6)
    path = write_article(tmp_path, long_french)
    language = detect(read_article(path))
    assert language.article.code == "en"
    assert [b.guess.code for b in language.foreign_blocks] == ["fr"]


def test_a_rerun_redoes_a_foreign_paragraph_whose_route_changed(tmp_path):
    from argos_factory import install_package_dir

    path = write_article(tmp_path, FRENCH)
    first = runner.invoke(app, ["translate", str(path), "--to", "es", "--json"])
    assert first.exit_code == 0, first.output
    before = {e.msgid: e for e in entries()}
    assert "translated by: apertium fr-ca=" in before[FRENCH].comment

    # A French-Spanish model installed since: French now goes straight into Spanish (auto prefers
    # Argos), English still by Apertium. Same article bytes, same route for the article's language.
    install_package_dir(tmp_path / "data", "fr", "es")
    rerun = runner.invoke(app, ["translate", str(path), "--to", "es", "--json"])
    assert rerun.exit_code == 0, rerun.output
    doc = json.loads(rerun.stdout)["results"][0]
    assert doc["skipped"] is None and doc["machine_translated"] == 1
    after = {e.msgid: e for e in entries()}
    assert "translated by: argos fr-es=" in after[FRENCH].comment
    assert {k: e.msgstr for k, e in after.items() if k != FRENCH} == \
        {k: e.msgstr for k, e in before.items() if k != FRENCH}

    # The new route is recorded: the next rerun takes the shortcut again.
    again = runner.invoke(app, ["translate", str(path), "--to", "es", "--json"])
    assert json.loads(again.stdout)["results"][0]["skipped"] == "unchanged since the last run"
