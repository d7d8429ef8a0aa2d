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


def msgcat_gives_back(path: Path) -> bool:
    import subprocess

    done = subprocess.run(["msgcat", str(path)], capture_output=True, check=True)
    return done.stdout == path.read_bytes()


def awkward_catalog() -> Catalog:
    """Long lines, line breaks, quotes, backslashes, non-ASCII, obsolete entries, a previous msgid."""
    long = machine_unit("A sentence long enough to be wrapped by gettext " * 4, "Una frase larga, " * 12)
    lines = machine_unit('He said "no" \\ then\nleft.', "Dijo «no» \\ y\nse fue.")
    lines.approve(lines.target, "Zoë Ångström", "2026-01-03 09:00+0000")
    gone = machine_unit("An old sentence.", "Una frase vieja.")
    gone.obsolete, gone.previous_source = True, "An older sentence."
    kept = machine_unit("A reviewed sentence that left.", "Una frase revisada que se fue.")
    kept.approve(kept.target, "Ana", "2026-01-03 09:00+0000")
    kept.obsolete = True
    ctx = machine_unit("Same words", "Mismas palabras")
    ctx.context = "headline"
    return Catalog("story", "en", "es", [long, lines, ctx, gone, kept])


def test_every_write_is_in_msgcat_canonical_form_and_keeps_each_entry_once(tmp_path):
    po = tmp_path / "story.po"
    write_catalog(po, awkward_catalog())
    assert msgcat_gives_back(po)
    for _ in range(4):  # what a review session does: read, change one thing, write
        catalog = read_catalog(po)
        catalog.units[0].approve(catalog.units[0].target, "Ana", "2026-01-04 09:00+0000")
        write_catalog(po, catalog)
        assert msgcat_gives_back(po)
    catalog = read_catalog(po)
    assert [(u.source, u.obsolete) for u in catalog.units] == [
        (u.source, u.obsolete) for u in awkward_catalog().units]
    assert catalog.units[1].target == "Dijo «no» \\ y\nse fue." and catalog.units[1].approved
    assert catalog.units[4].approved and catalog.units[4].obsolete


def test_a_rewrite_keeps_the_file_mode_and_group(tmp_path):
    import os

    po = tmp_path / "story.po"
    write_catalog(po, awkward_catalog())
    os.chmod(po, 0o664)
    write_catalog(po, read_catalog(po))
    assert po.stat().st_mode & 0o777 == 0o664
    os.chmod(po, 0o640)
    write_catalog(po, read_catalog(po))
    assert po.stat().st_mode & 0o777 == 0o640


def test_a_symlinked_memory_is_written_through(tmp_path):
    real = tmp_path / "shared" / "story.po"
    write_catalog(real, awkward_catalog())
    link = tmp_path / "locales" / "story.po"
    link.parent.mkdir()
    link.symlink_to(real)
    catalog = read_catalog(link)
    catalog.units[0].approve("Aprobada", "Ana", "2026-01-04 09:00+0000")
    write_catalog(link, catalog)
    assert link.is_symlink() and read_catalog(real).units[0].target == "Aprobada"


def test_temp_files_of_a_dead_writer_are_removed_on_the_next_write(tmp_path):
    import subprocess
    import sys

    po = tmp_path / "story.po"
    write_catalog(po, awkward_catalog())
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    orphan = tmp_path / f".story.po.{dead.stdout.strip()}.abc123.tmp"
    orphan.write_text("half a file")
    write_catalog(po, read_catalog(po))
    assert not orphan.exists()
    assert [p.name for p in tmp_path.glob(".story.po.*")] == []


GOLDEN = Path(__file__).parent / "golden" / "memory.po"
DATES = r"\d{4}-\d\d-\d\d \d\d:\d\d\+0000"


def normalised(text: str) -> str:
    """The file with what legitimately varies (today's date, the installed version) replaced."""
    import re

    text = re.sub(r"(POT-Creation-Date|PO-Revision-Date): " + DATES, r"\1: DATE", text)
    text = re.sub(r'X-File-Digest: ("\n")?[0-9a-f]{64}', "X-File-Digest: DIGEST", text)  # covers the dates
    return re.sub(r"X-Generator: localize[^\\]*", "X-Generator: localize VERSION", text)


def test_a_whole_memory_file_matches_its_golden_copy(tmp_path):
    """Header, provenance notes, references, flags, previous msgids, contexts, obsolete entries:
    the complete PO rendering (regenerate with LOCALIZE_REGOLD=1 after a deliberate change)."""
    import os

    po = tmp_path / "story.po"
    catalog = awkward_catalog()
    catalog.headers["X-Source-Language-Detection"] = "en (given with --from)"
    write_catalog(po, catalog)
    if os.environ.get("LOCALIZE_REGOLD"):
        GOLDEN.write_text(normalised(po.read_text(encoding="utf-8")), encoding="utf-8")
    assert normalised(po.read_text(encoding="utf-8")) == GOLDEN.read_text(encoding="utf-8")


def test_any_catalog_round_trips_and_stays_canonical(tmp_path):
    """Property: write -> read gives back every entry's identity, text and state, and the file is
    msgcat's canonical form (texts with quotes, backslashes, line breaks, tabs, non-ASCII)."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    text = st.text(st.sampled_from(list('ab yzÅñ中"\\\n\t.,:') + ["é", "—"]), min_size=1, max_size=120)
    row = st.tuples(text, text, st.booleans(), st.booleans(), st.sampled_from([None, "headline"]))

    @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.lists(row, min_size=1, max_size=6, unique_by=lambda r: (r[4], r[0])))
    def check(rows):
        rows = sorted(rows, key=lambda r: r[3])  # gettext writes obsolete entries last
        units = [TranslationUnit(s, t, context=c, approved=a, obsolete=o) for s, t, a, o, c in rows]
        for u in units:  # gettext: a line break at the start or end must match in msgid and msgstr
            if u.source.startswith("\n") != u.target.startswith("\n") or u.source.endswith("\n") != u.target.endswith("\n"):
                u.target = u.source
        po = tmp_path / "p.po"
        write_catalog(po, Catalog("p", "en", "es", units))
        back = read_catalog(po)
        assert [(u.context, u.source, u.target, u.approved, u.obsolete) for u in back.units] == \
            [(u.context, u.source, u.target, u.approved and bool(u.target), u.obsolete) for u in units]
        assert msgcat_gives_back(po)

    check()
