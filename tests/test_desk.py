"""A desk editor's and a pipeline's day with localize, end to end from the CLI: what reading an
article noted is said, stdin articles are built as they were translated, outputs that are devices or
pipes are written into, narrow terminals show whole rows, scripted reviews end cleanly, and an
article in the target language gets only its quotes in other languages translated."""
import json
import re
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from typer.testing import CliRunner

from conftest import require_apertium
from localize.cli import app

runner = CliRunner()
pytestmark = require_apertium("eng-spa")

# Written for these tests.
ENGLISH = ["Dock workers stopped work on Thursday after the port authority announced longer night shifts.",
           "Shipping companies warned that the delays would cost millions."]


def tracked_story(path):
    """A DOCX whose second paragraph holds a tracked insertion, as Word saves one."""
    d = docx.Document()
    d.add_paragraph(ENGLISH[0])
    body = d.element.body
    body.insert(len(body) - 1, parse_xml(
        f'<w:p {nsdecls("w")}><w:r><w:t xml:space="preserve">The talks </w:t></w:r>'
        '<w:ins w:id="1" w:author="A"><w:r><w:t xml:space="preserve">finally </w:t></w:r></w:ins>'
        '<w:r><w:t>ended.</w:t></w:r></w:p>'))
    d.add_paragraph(ENGLISH[1])
    d.save(path)
    return path


@require_apertium("eng-cat")
def test_translate_says_which_docx_paragraph_it_kept_once_per_article(tmp_path):
    path = tracked_story(tmp_path / "dock.en.docx")
    result = runner.invoke(app, ["translate", str(path), "--to", "es,ca"])
    assert result.exit_code == 0, result.output
    said = [line for line in result.stderr.splitlines() if "tracked changes" in line]
    assert len(said) == 1 and said[0].startswith(f"localize: {path}: note: paragraph 2")


def test_build_says_which_docx_paragraph_stays_in_the_original_language(tmp_path):
    path = tracked_story(tmp_path / "dock.en.docx")
    assert runner.invoke(app, ["translate", str(path), "--to", "es"]).exit_code == 0
    built = runner.invoke(app, ["build", str(path), "--to", "es", "--out-dir", "out", "--json"])
    assert built.exit_code == 0, built.output
    said = [line for line in built.stderr.splitlines() if "tracked changes" in line]
    assert len(said) == 1 and said[0].startswith(f"localize: {path}: note: paragraph 2")
    assert any("tracked changes" in n for n in json.loads(built.stdout)["results"][0]["notes"])


def test_translate_json_carries_the_articles_notes(tmp_path):
    path = tracked_story(tmp_path / "dock.en.docx")
    legacy = tmp_path / "legacy.en.txt"
    legacy.write_bytes(("\u201cThe talks ended\u201d \u2013 " + ENGLISH[1] + "\n").encode("cp1252"))
    result = runner.invoke(app, ["translate", str(path), str(legacy), "--to", "es", "--json"])
    assert result.exit_code == 0, result.output
    docs = {r["path"]: r for r in json.loads(result.stdout)["results"]}
    assert any("paragraph 2" in n and "tracked changes" in n for n in docs[str(path)]["notes"])
    assert docs[str(legacy)]["notes"] == ["not UTF-8: decoded as legacy cp1252"]


def test_a_source_language_no_engine_covers_is_refused_on_a_rerun_and_the_memory_kept(tmp_path):
    path = tmp_path / "dock.en.txt"
    path.write_text("\n\n".join(ENGLISH) + "\n", encoding="utf-8")
    assert runner.invoke(app, ["translate", str(path), "--to", "es"]).exit_code == 0
    po = tmp_path / "locales" / "es" / "LC_MESSAGES" / "dock.po"
    before = po.read_bytes()
    # Nothing is new, but every machine entry was made from English: relabelling them as German
    # would be a lie, and no engine can make them again from German.
    result = runner.invoke(app, ["translate", str(path), "--to", "es", "--from", "de"])
    assert result.exit_code == 5, result.output
    assert "no installed engine translates de to es" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert po.read_bytes() == before


def test_a_pipeline_builds_from_stdin_the_article_it_translated_from_stdin(tmp_path):
    page = "".join(f"<p>{s}</p>\n" for s in ENGLISH)
    done = runner.invoke(app, ["translate", "-", "--to", "es", "--id", "wire/dock"], input=page.encode())
    assert done.exit_code == 0, done.output
    built = runner.invoke(app, ["build", "-", "--to", "es", "--id", "wire/dock"], input=page.encode())
    assert built.exit_code == 0, built.output
    assert built.stdout.count("<p>") == 2 and ENGLISH[0] not in built.stdout

    unnamed = runner.invoke(app, ["build", "-", "--to", "es"], input=page.encode())
    assert unnamed.exit_code == 3 and unnamed.stderr.strip().endswith("(name it with --id NAME)")


def test_the_reading_progress_of_a_rerun_counts_the_articles_unchanged_since(tmp_path):
    from localize.settings import Settings
    from localize.translate import translate_articles

    for name, text in (("a.en.txt", ENGLISH[0]), ("b.en.txt", ENGLISH[1])):
        (tmp_path / name).write_text(text + "\n", encoding="utf-8")
    settings = Settings(data_dir=tmp_path / "data", locales=tmp_path / "locales")
    translate_articles([str(tmp_path)], ["es"], settings)
    (tmp_path / "b.en.txt").write_text(ENGLISH[1] + "\n\n" + ENGLISH[0] + "\n", encoding="utf-8")
    seen = []
    results = translate_articles([str(tmp_path)], ["es"], settings, progress=lambda *call: seen.append(call))
    assert [r.skipped for r in results] == ["unchanged since the last run", ""]
    assert [call for call in seen if call[0] == "reading"][-1] == ("reading", 2, 2)


def in_a_terminal(*args, columns: int) -> str:
    """What a person sees running `localize ARGS` in a terminal COLUMNS wide (colours removed)."""
    import os
    import re
    import subprocess
    import sys

    master, slave = os.openpty()
    env = {**os.environ, "COLUMNS": str(columns), "LINES": "50", "TERM": "xterm"}
    env.pop("NO_COLOR", None)
    proc = subprocess.Popen([sys.executable, "-m", "localize.cli", *args], stdin=slave, stdout=slave,
                            stderr=slave, env=env)
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the terminal's other end closed: the command is done
            break
        if not chunk:
            break
        out += chunk
    assert proc.wait(timeout=120) == 0, out
    os.close(master)
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", out.decode()).replace("\r\n", "\n")


def test_a_narrow_terminal_shows_every_article_and_count_whole(tmp_path):
    path = tmp_path / "harbour-workers-strike-over-new-night-shift-rules.en.txt"
    path.write_text("\n\n".join(ENGLISH) + "\n", encoding="utf-8")
    ident = "harbour-workers-strike-over-new-night-shift-rules"
    for args in (("translate", str(path), "--to", "es"), ("status",)):
        seen = in_a_terminal(*args, columns=60)
        lines = seen.splitlines()
        assert "…" not in seen, seen
        assert ident in lines, seen
        assert any("untranslated 0" in line for line in lines), seen
    wide = in_a_terminal("status", columns=200).splitlines()
    assert wide[0].split() == ["article", "to", "segments", "approved", "machine", "untranslated", "obsolete"]
    assert wide[1].split() == [ident, "es", "2", "0", "2", "0", "0"]


def test_build_into_a_named_pipe_writes_through_it_and_leaves_the_pipe_in_place(tmp_path):
    # The same holds for -o /dev/stdout or /dev/null: renaming a file over such a path (as root)
    # would replace the device itself. A FIFO in tmp_path shows it without touching /dev.
    import os
    import stat

    page = tmp_path / "dock.en.html"
    page.write_text("".join(f"<p>{s}</p>\n" for s in ENGLISH), encoding="utf-8")
    assert runner.invoke(app, ["translate", str(page), "--to", "es"]).exit_code == 0
    pipe = tmp_path / "out.html"
    os.mkfifo(pipe)
    reader = os.open(pipe, os.O_RDONLY | os.O_NONBLOCK)  # a reader is there: opening to write won't wait
    try:
        result = runner.invoke(app, ["build", str(page), "--to", "es", "-o", str(pipe)])
        assert result.exit_code == 0, result.output
        assert stat.S_ISFIFO(os.stat(pipe).st_mode)
        try:
            received = os.read(reader, 65536).decode("utf-8")
        except BlockingIOError:
            received = ""
    finally:
        os.close(reader)
    assert received.count("<p>") == 2 and ENGLISH[0] not in received


def test_an_output_under_a_file_is_said_to_need_a_folder(tmp_path):
    page = tmp_path / "dock.en.html"
    page.write_text("".join(f"<p>{s}</p>\n" for s in ENGLISH), encoding="utf-8")
    assert runner.invoke(app, ["translate", str(page), "--to", "es"]).exit_code == 0
    (tmp_path / "out").write_text("a file, not a folder\n", encoding="utf-8")
    result = runner.invoke(app, ["build", str(page), "--to", "es", "-o", str(tmp_path / "out" / "dock.es.html")])
    assert result.exit_code == 1
    assert result.stderr.strip() == (f"localize: {tmp_path / 'out'}: not a directory "
                                     "(part of that path is a file, not a folder)")


def command_line(*args):
    import subprocess
    import sys

    from pathlib import Path

    return subprocess.run([str(Path(sys.executable).parent / "localize"), *args], capture_output=True, text=True,
                          timeout=60)


def test_an_option_missing_its_value_names_the_command_once():
    done = command_line("translate", "story.en.txt", "--to")
    assert done.returncode == 2
    assert done.stderr == ("localize: localize translate: Option '--to' requires an argument. "
                           "(see 'localize translate --help')\n")
    unknown = command_line("bogus")
    assert unknown.returncode == 2
    assert unknown.stderr == "localize: No such command 'bogus'. (see 'localize --help')\n"


# Written for these tests: a Spanish report quoting an English speaker.
SPANISH_REPORT = [
    "La huelga de metro paraliza la ciudad",
    "Los trabajadores del metro iniciaron ayer una huelga de veinticuatro horas para reclamar mejoras "
    "salariales y más personal en las estaciones.",
    "We have been waiting for an answer from the company for months and we will not accept any more "
    "delays in the negotiations, said the union spokesperson at the press conference.",
    "La empresa asegura que los servicios mínimos se cumplieron en todas las líneas durante la mañana.",
]


def test_an_article_in_the_target_language_gets_its_foreign_quote_translated_and_keeps_the_rest(tmp_path):
    import polib

    path = tmp_path / "metro.es.txt"
    path.write_text("\n\n".join(SPANISH_REPORT) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["translate", str(path), "--to", "es", "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)["results"][0]
    assert doc["source_language"] == "es" and doc["machine_translated"] == 1
    assert doc["foreign_blocks"] == [f"block 3: in en, translated from en by {doc['engine']}"]
    assert doc["kept_blocks"] == []
    po = {e.msgid: e for e in polib.pofile(str(tmp_path / "locales" / "es" / "LC_MESSAGES" / "metro.po"))}
    english = po[SPANISH_REPORT[2]]
    assert english.msgstr and english.msgstr != SPANISH_REPORT[2] and "translated by: apertium en-es" in english.comment
    kept = po[SPANISH_REPORT[1]]
    assert kept.msgstr == SPANISH_REPORT[1] and "origin: source" in kept.comment

    again = runner.invoke(app, ["translate", str(path), "--to", "es", "--json"])
    assert again.exit_code == 0, again.output
    assert json.loads(again.stdout)["results"][0]["skipped"] == "unchanged since the last run"


def test_a_scripted_review_whose_answers_run_out_ends_with_its_summary(tmp_path):
    import polib

    path = tmp_path / "dock.en.txt"
    path.write_text("\n\n".join(ENGLISH) + "\n", encoding="utf-8")
    assert runner.invoke(app, ["translate", str(path), "--to", "es"]).exit_code == 0
    done = runner.invoke(app, ["review", str(path), "--to", "es", "--reviewer", "Ann"], input="a\n")
    assert done.exit_code == 0, done.output
    assert done.stdout.rstrip().endswith("1 approved, 0 edited and approved, 0 skipped; "
                                         f"saved in {Path('locales') / 'es' / 'LC_MESSAGES' / 'dock.po'}")
    # Input ending where a new translation was asked for saves nothing for that entry.
    cut = runner.invoke(app, ["review", str(path), "--to", "es", "--reviewer", "Ann"], input="e\n")
    assert cut.exit_code == 0 and "not saved" in cut.stdout
    entries = {e.msgid: e for e in polib.pofile("locales/es/LC_MESSAGES/dock.po")}
    assert "fuzzy" not in entries[ENGLISH[0]].flags and "fuzzy" in entries[ENGLISH[1]].flags


def test_a_variant_no_engine_offers_points_to_the_installed_base_language(tmp_path):
    path = tmp_path / "dock.en.txt"
    path.write_text("\n\n".join(ENGLISH) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["translate", str(path), "--to", "es-ES"])
    assert result.exit_code == 5
    assert result.stderr.strip().endswith("(es_ES is a variant no installed engine offers, but en to es is "
                                          "installed: give --to es)")
    assert "apt-get install" not in result.stderr


def test_a_language_named_twice_is_translated_and_reported_once(tmp_path):
    path = tmp_path / "dock.en.txt"
    path.write_text("\n\n".join(ENGLISH) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["translate", str(path), "--to", "es,ES", "--json"])
    assert result.exit_code == 0, result.output
    assert [r["target"] for r in json.loads(result.stdout)["results"]] == ["es"]


def translated_wire(tmp_path):
    (tmp_path / "wire").mkdir()
    (tmp_path / "wire" / "dock.en.txt").write_text("\n\n".join(ENGLISH) + "\n", encoding="utf-8")
    (tmp_path / "wire" / "metro.es.txt").write_text("\n\n".join(SPANISH_REPORT[:2]) + "\n", encoding="utf-8")
    assert runner.invoke(app, ["translate", "wire", "--to", "es"]).exit_code == 0


def test_a_cat_tool_round_trip_works_for_an_article_in_a_folder(tmp_path):
    import polib

    translated_wire(tmp_path)
    exported = runner.invoke(app, ["export", "wire/dock.en.txt", "--to", "es", "-o", "dock.xlf"])
    assert exported.exit_code == 0, exported.output
    xliff = (tmp_path / "dock.xlf").read_text(encoding="utf-8")
    assert 'original="wire/dock"' in xliff
    (tmp_path / "dock.xlf").write_text(xliff.replace("<trans-unit ", '<trans-unit approved="yes" ', 1),
                                       encoding="utf-8")
    imported = runner.invoke(app, ["import", "dock.xlf", "--reviewer", "Ann"])
    assert imported.exit_code == 0, imported.output
    approved = [e for e in polib.pofile("locales/es/LC_MESSAGES/wire/dock.po") if "fuzzy" not in e.flags]
    assert [e.msgid for e in approved] == [ENGLISH[0]]


def test_export_takes_a_folder_as_every_command_does(tmp_path):
    translated_wire(tmp_path)
    # Its one article with a Spanish memory (the Spanish one was not translated into Spanish).
    exported = runner.invoke(app, ["export", "wire", "--to", "es", "-o", "wire.xlf"])
    assert exported.exit_code == 0, exported.output
    assert exported.stdout.startswith("wire.xlf: 2 unit(s) from 1 article(s)")
    none = runner.invoke(app, ["export", "wire", "--to", "ca", "-o", "wire.xlf"])
    assert none.exit_code == 3 and "no article there has a ca memory" in none.stderr


@require_apertium("fra-cat")
def test_the_blocks_in_other_languages_are_told_in_article_order(tmp_path):
    # Written for this test: an English report with a Spanish and then a French paragraph.
    french = ("Les dockers français ont exprimé leur soutien et pourraient organiser une grève de "
              "solidarité la semaine prochaine dans tous les ports.")
    spanish = ("Los estibadores del puerto también han pedido una reunión urgente con el gobierno para "
               "hablar de la seguridad en las terminales.")
    path = tmp_path / "dock.en.txt"
    path.write_text("\n\n".join([ENGLISH[0], spanish, french, ENGLISH[1]]) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["translate", str(path), "--to", "es"])
    assert result.exit_code == 0, result.output
    told = re.findall(r"\(es\): (block \d+): ", result.stderr)
    assert told == ["block 2", "block 3"]


@require_apertium("spa-cat")
def test_build_of_a_batch_says_an_article_was_already_in_a_language(tmp_path):
    path = tmp_path / "metro.es.txt"
    path.write_text("\n\n".join(SPANISH_REPORT[:2]) + "\n", encoding="utf-8")
    done = runner.invoke(app, ["translate", str(path), "--to", "es,ca"])
    assert done.exit_code == 0 and f"{path}: skipped es (already in es)" in done.stderr
    built = runner.invoke(app, ["build", str(path), "--to", "es,ca", "--out-dir", "out", "--skip-missing"])
    assert built.exit_code == 0, built.output
    assert f"localize: {path}: skipped es (already in es)" in built.stderr.splitlines()


def test_a_missing_tm_file_is_refused_even_when_nothing_is_new(tmp_path):
    path = tmp_path / "dock.en.txt"
    path.write_text("\n\n".join(ENGLISH) + "\n", encoding="utf-8")
    assert runner.invoke(app, ["translate", str(path), "--to", "es"]).exit_code == 0
    rerun = runner.invoke(app, ["translate", str(path), "--to", "es", "--tm", "newsroom.tmx"])
    assert rerun.exit_code == 3
    assert rerun.stderr == "localize: newsroom.tmx: no such file (check the --tm path)\n"


SPANISH = ["Los estibadores dejaron de trabajar el jueves después de que la autoridad portuaria anunciara "
           "turnos de noche más largos.", "Las navieras advirtieron de que los retrasos costarían millones."]


def test_check_on_a_folder_skips_an_article_already_in_the_target_language(tmp_path):
    wire = tmp_path / "wire"
    wire.mkdir()
    (wire / "dock.en.txt").write_text("\n\n".join(ENGLISH) + "\n", encoding="utf-8")
    (wire / "muelle.txt").write_text("\n\n".join(SPANISH) + "\n", encoding="utf-8")
    assert runner.invoke(app, ["translate", str(wire), "--to", "es"]).exit_code == 0
    checked = runner.invoke(app, ["check", str(wire), "--to", "es", "--json"])
    # The gate passes: the Spanish article needed no translation, so it has no memory to check.
    assert checked.exit_code == 0, checked.output
    report = json.loads(checked.stdout)
    assert report["skipped"] == [{"path": str(wire / "muelle.txt"), "why": "already in es"}]
    assert [a["path"] for a in report["articles"]] == [str(wire / "dock.en.txt")]


def test_check_still_refuses_an_article_nobody_translated(tmp_path):
    story = tmp_path / "dock.en.txt"
    story.write_text("\n\n".join(ENGLISH) + "\n", encoding="utf-8")
    checked = runner.invoke(app, ["check", str(story), "--to", "es"])
    assert checked.exit_code == 3 and "no es memory" in checked.stderr, checked.output


@require_apertium("spa-cat")
def test_check_does_not_skip_an_article_rewritten_since_its_other_memory_was_made(tmp_path):
    story = tmp_path / "muelle.txt"
    story.write_text("\n\n".join(SPANISH) + "\n", encoding="utf-8")
    assert runner.invoke(app, ["translate", str(story), "--to", "ca"]).exit_code == 0
    story.write_text("\n\n".join(ENGLISH) + "\n", encoding="utf-8")  # now English, never put into Spanish
    checked = runner.invoke(app, ["check", str(story), "--to", "es"])
    assert checked.exit_code == 3 and "no es memory" in checked.stderr, checked.output
