"""XLIFF and TMX out and in: what a CAT tool sees of the memory, and what comes back.

A CAT tool is simulated by editing the exported XLIFF with lxml, as a tool would (no CAT tool runs
here: OmegaT is not in Debian's main archive or on PyPI). translate-toolkit, a real reader of
these formats from PyPI, reads every file we write.
"""
import json
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from lxml import etree
from typer.testing import CliRunner

from conftest import SEED, require_apertium
from localize.cli import app
from localize.review import record_decision

runner = CliRunner()
pytestmark = require_apertium("eng-spa")

NS12 = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
NS20 = {"x": "urn:oasis:names:tc:xliff:document:2.0"}
PO = "locales/es/LC_MESSAGES/trump-japan-rare-earths.po"


def cli(*args):
    return runner.invoke(app, [*map(str, args)])


@pytest.fixture
def memory(tmp_path):
    """The seed article in Spanish memory, two entries approved by a person."""
    article = tmp_path / SEED.name
    shutil.copy(SEED, article)
    assert cli("translate", article, "--to", "es").exit_code == 0
    entries = [e for e in polib.pofile(PO) if e.msgstr]
    for e in entries[:2]:
        record_decision(tmp_path / PO, (e.msgctxt, e.msgid), e.msgstr + " (revisado)", "Ana")
    return article


def entries():
    return {(e.msgctxt, e.msgid): e for e in polib.pofile(PO)}


def approved_keys():
    return {k for k, e in entries().items() if e.msgstr and "fuzzy" not in e.flags}


def test_xliff_export_has_the_languages_one_unit_per_entry_and_exactly_the_approved_approved(memory):
    result = cli("export", memory, "--to", "es", "--format", "xliff", "-o", "out.xlf")
    assert result.exit_code == 0, result.output
    root = etree.parse("out.xlf").getroot()
    file_el = root.find("x:file", NS12)
    assert root.get("version") == "1.2"
    assert (file_el.get("source-language"), file_el.get("target-language")) == ("en", "es")
    units = root.findall(".//x:trans-unit", NS12)
    assert len(units) == len(entries()) and len({u.get("id") for u in units}) == len(units)
    approved = {u.find("x:source", NS12).text for u in units if u.get("approved") == "yes"}
    assert approved == {source for _, source in approved_keys()} and len(approved) == 2
    for u in units:
        target = u.find("x:target", NS12)
        if u.get("approved") == "yes":
            assert target.get("state") == "final"
        else:  # machine output awaits review, and says it is the machine's
            assert target.get("state") == "needs-review-translation"
            assert target.get("state-qualifier") == "mt-suggestion"
            assert any(n.text.startswith("translated by: apertium") for n in u.findall("x:note", NS12))


def test_a_cat_tool_approval_comes_back_and_no_earlier_approval_is_lost(memory):
    before = {k: entries()[k].msgstr for k in approved_keys()}
    cli("export", memory, "--to", "es", "-o", "out.xlf")
    tree = etree.parse("out.xlf")
    machine = [u for u in tree.iterfind(".//x:trans-unit", NS12) if u.get("approved") != "yes"]
    # The translator approves one machine unit with its own text, and another with state="final"
    # only (no approved="yes"), after editing it.
    machine[0].set("approved", "yes")
    machine[0].find("x:target", NS12).set("state", "final")
    edited = machine[1].find("x:target", NS12)
    edited.text = "Texto corregido por la traductora."
    edited.set("state", "final")
    del edited.attrib["state-qualifier"]
    # And downgrades an approved unit, as a tool that resets states on reopening does.
    for u in tree.iterfind(".//x:trans-unit", NS12):
        if u.get("approved") == "yes" and u is not machine[0]:
            u.set("approved", "no")
            u.find("x:target", NS12).set("state", "needs-review-translation")
            break
    tree.write("back.xlf", xml_declaration=True, encoding="UTF-8")

    result = cli("import", "back.xlf", "--reviewer", "Marta", "--json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    actions = sorted(c["action"] for c in doc["changes"])
    assert actions == ["approved", "approved", "kept-approval"]
    now = entries()
    first = next(e for e in now.values() if e.msgid == machine[0].find("x:source", NS12).text)
    second = next(e for e in now.values() if e.msgid == machine[1].find("x:source", NS12).text)
    assert "fuzzy" not in first.flags and first.msgstr == machine[0].find("x:target", NS12).text
    assert "fuzzy" not in second.flags and second.msgstr == "Texto corregido por la traductora."
    assert "approved by Marta" in second.tcomment
    assert any(c.startswith("machine output:") for c in second.comment.splitlines())  # reviewers still see it
    for key, text in before.items():
        assert now[key].msgstr == text and "fuzzy" not in now[key].flags
    assert subprocess.run(["msgfmt", "-c", "-o", "/dev/null", PO]).returncode == 0
    # Importing the same file again changes nothing.
    again = json.loads(cli("import", "back.xlf", "--json").stdout)
    assert [c["action"] for c in again["changes"]] == ["kept-approval"]


def test_a_person_who_rewrites_an_approved_unit_sends_it_back_to_review(memory):
    cli("export", memory, "--to", "es", "-o", "out.xlf")
    tree = etree.parse("out.xlf")
    unit = next(u for u in tree.iterfind(".//x:trans-unit", NS12) if u.get("approved") == "yes")
    old = unit.find("x:target", NS12).text
    unit.set("approved", "no")
    unit.find("x:target", NS12).text = "Otra versión."
    unit.find("x:target", NS12).set("state", "translated")
    tree.write("back.xlf", xml_declaration=True, encoding="UTF-8")
    assert cli("import", "back.xlf").exit_code == 0
    entry = next(e for e in entries().values() if e.msgid == unit.find("x:source", NS12).text)
    assert entry.msgstr == "Otra versión." and "fuzzy" in entry.flags
    assert f"previously approved: {old}" in entry.comment


def test_machine_text_in_the_file_never_replaces_a_translation(memory):
    cli("export", memory, "--to", "es", "-o", "out.xlf")
    tree = etree.parse("out.xlf")
    for u in tree.iterfind(".//x:trans-unit", NS12):
        target = u.find("x:target", NS12)
        target.text = "MT de otra herramienta"
        target.set("state", "needs-review-translation")
        target.set("state-qualifier", "mt-suggestion")
        u.set("approved", "no")
    tree.write("back.xlf", xml_declaration=True, encoding="UTF-8")
    before = {k: e.msgstr for k, e in entries().items()}
    assert cli("import", "back.xlf").exit_code == 0
    assert {k: e.msgstr for k, e in entries().items()} == before


def test_xliff2_states_round_trip(memory):
    assert cli("export", memory, "--to", "es", "--format", "xliff2", "-o", "out.xlf").exit_code == 0
    tree = etree.parse("out.xlf")
    root = tree.getroot()
    assert (root.get("version"), root.get("srcLang"), root.get("trgLang")) == ("2.0", "en", "es")
    segments = root.findall(".//x:segment", NS20)
    assert len(segments) == len(entries())
    assert sum(s.get("state") == "final" for s in segments) == 2
    assert {s.get("subState") for s in segments if s.get("state") == "translated"} == {"localize:machine"}
    pending = next(s for s in segments if s.get("state") == "translated")
    pending.set("state", "reviewed")
    tree.write("back.xlf", xml_declaration=True, encoding="UTF-8")
    result = cli("import", "back.xlf", "--json")
    assert [c["action"] for c in json.loads(result.stdout)["changes"]] == ["approved"]
    assert len(approved_keys()) == 3


def test_translate_toolkit_reads_our_xliff_with_the_same_states(memory):
    from translate.storage import xliff

    cli("export", memory, "--to", "es", "-o", "out.xlf")
    store = xliff.xlifffile.parsefile("out.xlf")
    assert store.getsourcelanguage() == "en" and store.gettargetlanguage() == "es"
    units = [u for u in store.units if u.istranslatable()]
    assert {u.source for u in units if u.isapproved()} == {s for _, s in approved_keys()}
    # xliff2po: the toolkit's own converter gives a PO with the same fuzzy entries.
    assert subprocess.run([str(Path(sys.executable).parent / "xliff2po"), "out.xlf", "tt.po"]).returncode == 0
    tt = {e.msgid: e for e in polib.pofile("tt.po") if e.msgid}
    ours = {e.msgid: e for e in polib.pofile(PO)}
    assert tt.keys() == ours.keys()
    assert all(("fuzzy" in tt[k].flags) == ("fuzzy" in ours[k].flags) for k in ours)


def test_tmx_export_carries_the_approved_pairs_with_the_real_source_language(memory):
    from translate.storage import tmx

    assert cli("export", memory, "--to", "es", "--format", "tmx", "-o", "out.tmx").exit_code == 0
    root = etree.parse("out.tmx").getroot()
    assert root.find("header").get("srclang") == "en"
    tus = root.findall(".//tu")
    assert len(tus) == 2
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    for tu in tus:
        assert [t.get(xml_lang) for t in tu.findall("tuv")] == ["en", "es"]
    pairs = {(tu.findall("tuv")[0].findtext("seg"), tu.findall("tuv")[1].findtext("seg")) for tu in tus}
    assert pairs == {(e.msgid, e.msgstr) for k, e in entries().items() if k in approved_keys()}
    store = tmx.tmxfile.parsefile("out.tmx")  # translate-toolkit reads it, languages and all
    assert store.sourcelanguage == "en" and len(store.units) == 2


def test_import_refuses_what_it_cannot_use_with_one_line(memory, tmp_path):
    (tmp_path / "bad.xlf").write_text("<xliff", encoding="utf-8")
    result = cli("import", "bad.xlf")
    assert result.exit_code == 3 and "not a well-formed XML file" in result.stderr
    cli("export", memory, "--to", "es", "-o", "out.xlf")
    text = (tmp_path / "out.xlf").read_text(encoding="utf-8").replace(
        'original="trump-japan-rare-earths"', 'original="../../etc/passwd"')
    (tmp_path / "evil.xlf").write_text(text, encoding="utf-8")
    result = cli("import", "evil.xlf")
    assert result.exit_code == 3 and "not an article id" in result.stderr
    cli("export", memory, "--to", "es", "--format", "tmx", "-o", "out.tmx")
    result = cli("import", "out.tmx")
    assert result.exit_code == 3 and "--tm" in result.stderr


def test_export_without_memory_is_one_clear_line(memory):
    result = cli("export", memory, "--to", "ca", "-o", "out.xlf")
    assert result.exit_code == 3 and "localize translate" in result.stderr


def test_entity_expansion_is_not_performed(memory, tmp_path):
    cli("export", memory, "--to", "es", "-o", "out.xlf")
    text = (tmp_path / "out.xlf").read_text(encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET", encoding="utf-8")
    text = text.replace("<?xml version='1.0' encoding='UTF-8'?>",
                        f"<?xml version='1.0' encoding='UTF-8'?>\n<!DOCTYPE x [<!ENTITY s SYSTEM \"file://{secret}\">]>")
    text = text.replace('state="final">', 'state="final">&s;', 1)
    (tmp_path / "xxe.xlf").write_text(text, encoding="utf-8")
    cli("import", "xxe.xlf")
    assert "SECRET" not in (tmp_path / PO).read_text(encoding="utf-8")


def test_version():
    from localize import __version__

    result = cli("--version")
    assert result.exit_code == 0 and result.stdout.strip() == f"localize {__version__}"
    assert __version__[0].isdigit()


def test_a_language_code_that_is_no_language_is_one_line_naming_the_file(memory, tmp_path):
    cli("export", memory, "--to", "es", "-o", "out.xlf")
    text = (tmp_path / "out.xlf").read_text(encoding="utf-8").replace('target-language="es"',
                                                                      'target-language="es/../../x"')
    (tmp_path / "odd.xlf").write_text(text, encoding="utf-8")
    result = cli("import", "odd.xlf")
    assert result.exit_code == 3 and "odd.xlf" in result.stderr and "is not a language code" in result.stderr
