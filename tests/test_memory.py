"""The memory file itself: provenance, exact round trips, validity, safe writes (no engine needed)."""
from pathlib import Path

from localize.memory import Catalog, TranslationUnit
from localize.pofile import read_catalog, write_catalog


def machine_unit(source="The council met.", text="El consejo se reunió."):
    unit = TranslationUnit(source, references=["story.en.txt:3"], notes=["role: body"])
    unit.set_machine_output(text, "apertium eng-spa 3.8", "2026-01-02 10:00+0000")
    return unit


def test_provenance_follows_the_text_when_a_person_edits(tmp_path):
    po = tmp_path / "es" / "story.po"
    unit = machine_unit()
    assert unit.holds_machine_text and unit.origin == "machine"
    write_catalog(po, Catalog("story", "en", "es", [unit]))
    text = po.read_text()
    assert "#. origin: machine\n" in text and "#. translated by: apertium eng-spa 3.8\n" in text

    # A person edits the entry outside localize (Poedit): the origin follows the text.
    edited = text.replace('msgstr "El consejo se reunió."', 'msgstr "El concejo se reunió."')
    edited = edited.replace("Last-Translator: localize (machine translation)", "Last-Translator: Ana Ruiz")
    po.write_text(edited)
    unit = read_catalog(po).units[0]
    assert unit.origin == "person" and unit.translated_by == "Ana Ruiz" and not unit.holds_machine_text
    assert unit.machine_text == "El consejo se reunió."
    write_catalog(po, read_catalog(po))
    text = po.read_text()
    assert "#. origin: person\n" in text and "#. translated by: Ana Ruiz\n" in text
    assert "#. machine output: El consejo se reunió.\n" in text  # reviewers still see the engine's words
    assert "origin: machine" not in text


def test_approving_machine_words_makes_them_the_reviewers():
    unit = machine_unit()
    unit.approve(unit.target, "Ana Ruiz", "2026-01-03 09:00+0000")
    assert (unit.origin, unit.translated_by, unit.translated_on) == ("person", "Ana Ruiz", "2026-01-03 09:00+0000")
    assert unit.holds_machine_text  # still the machine's words, now vouched for by a person


def test_machine_output_with_line_breaks_and_backslashes_survives(tmp_path):
    po = tmp_path / "story.po"
    unit = machine_unit(text="Línea uno\nlínea \\ dos")
    unit.target = "Mi propia traducción"
    write_catalog(po, Catalog("story", "en", "es", [unit]))
    back = read_catalog(po).units[0]
    assert back.machine_text == "Línea uno\nlínea \\ dos" and back.origin == "person"
