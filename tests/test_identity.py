"""Article identity (contract 5) and references: one memory per source file, never shared."""
import json
import shutil

import polib
from typer.testing import CliRunner

from conftest import SEED, require_apertium
from localize.articles import article_id
from localize.cli import app

runner = CliRunner()


def test_ids_come_from_the_path_under_the_project_root(tmp_path):
    assert article_id("wire/politics/story.en.txt") != article_id("wire/sport/story.en.txt")
    assert article_id("wire/politics/story.en.txt") == "wire/politics/story"
    assert article_id("story.en.txt") == "story"
    outside = article_id(str(tmp_path.parent / "elsewhere" / "story.en.txt"))
    assert outside.startswith("story-") and "/" not in outside and ".." not in outside


@require_apertium("eng-spa")
def test_two_stories_with_one_file_name_keep_two_memories(tmp_path):
    for desk, text in (("politics", "The council approved the budget."), ("sport", "The team won the cup.")):
        (tmp_path / "wire" / desk).mkdir(parents=True)
        (tmp_path / "wire" / desk / "story.en.txt").write_text(text + "\n")
    first = runner.invoke(app, ["translate", "wire/politics/story.en.txt", "--to", "es", "--json"])
    po = polib.pofile("locales/es/LC_MESSAGES/wire/politics/story.po")
    po[0].msgstr, po[0].flags = "El pleno aprobó el presupuesto.", []
    po.save()
    second = runner.invoke(app, ["translate", "wire/sport/story.en.txt", "--to", "es", "--json"])
    assert first.exit_code == 0 and second.exit_code == 0, second.output
    assert polib.pofile("locales/es/LC_MESSAGES/wire/politics/story.po")[0].msgstr == "El pleno aprobó el presupuesto."
    assert json.loads(second.stdout)["results"][0]["po_file"].endswith("wire/sport/story.po")
    refs = polib.pofile("locales/es/LC_MESSAGES/wire/sport/story.po")[0].occurrences
    assert refs == [("wire/sport/story.en.txt", "1")]


@require_apertium("eng-spa")
def test_a_memory_made_for_another_file_is_never_reused(tmp_path):
    (tmp_path / "story.en.txt").write_text("The council approved the budget.\n")
    assert runner.invoke(app, ["translate", "story.en.txt", "--to", "es"]).exit_code == 0
    (tmp_path / "Story.en.md").write_text("The team won the cup.\n")  # reduces to the same id
    before = open("locales/es/LC_MESSAGES/story.po", "rb").read()
    result = runner.invoke(app, ["translate", "Story.en.md", "--to", "es"])
    assert result.exit_code != 0 and "made for story.en.txt" in result.output
    assert open("locales/es/LC_MESSAGES/story.po", "rb").read() == before


@require_apertium("eng-spa")
def test_stdin_articles_must_be_named(tmp_path):
    text = "The council approved the budget.\n"
    refused = runner.invoke(app, ["translate", "-", "--to", "es", "--from", "en"], input=text)
    assert refused.exit_code != 0 and "--id NAME" in refused.output
    named = runner.invoke(app, ["translate", "-", "--to", "es", "--from", "en", "--id", "wire-0417"], input=text)
    assert named.exit_code == 0, named.output
    assert polib.pofile("locales/es/LC_MESSAGES/wire-0417.po")[0].msgstr


@require_apertium("eng-spa")
def test_references_follow_the_source_lines_and_an_inserted_paragraph_moves_them(tmp_path):
    seed = tmp_path / "seed.en.txt"
    shutil.copy(SEED, seed)
    runner.invoke(app, ["translate", str(seed.name), "--to", "es"])
    po = "locales/es/LC_MESSAGES/seed.po"
    lines = seed.read_text().split("\n")
    for entry in polib.pofile(po):
        file, line = entry.occurrences[0]
        assert file == "seed.en.txt" and entry.msgid[:20] in lines[int(line) - 1]  # the line holding it
    before = {e.msgid: e for e in polib.pofile(po)}
    seed.write_text("A new opening paragraph.\n\n" + seed.read_text())
    runner.invoke(app, ["translate", str(seed.name), "--to", "es"])
    after = {e.msgid: e for e in polib.pofile(po) if not e.obsolete}
    assert set(before) <= set(after)  # every entry keeps its identity
    assert all(int(after[k].occurrences[0][1]) == int(e.occurrences[0][1]) + 2 for k, e in before.items())
    assert polib.pofile(po).metadata["X-Generator"].startswith("localize ")


def test_every_article_format_loses_its_extension_and_language_tag_in_the_id():
    from localize.articles import article_id

    assert [article_id(p) for p in ("story.en.html", "story.es.nitf", "desk/story.en.xml", "story.en.md")] == \
        ["story", "story", "desk/story", "story"]
