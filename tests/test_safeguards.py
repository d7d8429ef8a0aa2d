"""Safeguards, each with a test that goes red when the safeguard is taken out (see notes/13.md):
the memory lock (two real processes, synchronised through pipes, no sleeps), atomic writes (a
writer killed mid-write), approved translations never overwritten, memory suggestions."""
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import ROOT
from localize.memory import Catalog, MemoryIndex, SegmentRef, TranslationUnit, merge_segments
from localize.pofile import locked, read_catalog, write_catalog

HOLDER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from localize.pofile import locked
    with locked(Path(sys.argv[1])):
        print("locked", flush=True)
        sys.stdin.readline()          # hold the lock until the test says so (or until killed)
    print("released", flush=True)
""")


def python(code, *args, **kw):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen([sys.executable, "-c", code, *map(str, args)], env=env, text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


def test_a_held_lock_keeps_out_a_second_process_until_it_is_released(tmp_path):
    po = tmp_path / "story.po"
    holder = python(HOLDER, po)
    assert holder.stdout.readline() == "locked\n"  # barrier: the other process holds the lock now
    with pytest.raises(Exception) as refused:
        with locked(po, timeout=0.3):
            pass
    message = str(refused.value)
    assert "locked by localize process" in message and str(holder.pid) in message
    assert "remove" not in message and "delete" not in message  # never advice that breaks the lock
    holder.stdin.write("\n")
    holder.stdin.flush()
    assert holder.stdout.readline() == "released\n"
    with locked(po, timeout=5):  # free again
        pass
    holder.wait()


def test_a_lock_whose_owner_died_is_taken_over_at_once(tmp_path):
    po = tmp_path / "story.po"
    holder = python(HOLDER, po)
    assert holder.stdout.readline() == "locked\n"
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    assert (tmp_path / ".story.po.lock").exists()  # the file stays; the lock died with its owner
    with locked(po, timeout=5):
        pass


WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from localize.pofile import write_bytes_atomic
    write_bytes_atomic(Path(sys.argv[1]), Path(sys.argv[2]).read_bytes())
""")


def po_text(n, word):
    entries = "".join(f'\nmsgid "sentence {i}"\nmsgstr "{word} {i} {"x" * 200}"\n' for i in range(n))
    return ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n' + entries).encode()


def test_a_writer_killed_mid_write_leaves_the_old_file_or_the_new_one_whole(tmp_path):
    po = tmp_path / "story.po"
    old, new = po_text(10, "old"), po_text(200_000, "new")  # about 45 MB: the write takes a while
    po.write_bytes(old)
    (tmp_path / "new.bin").write_bytes(new)
    writer = python(WRITER, po, tmp_path / "new.bin")
    # Kill as soon as the write is visibly under way: a temp file growing, or the target changing.
    while writer.poll() is None:
        growing = any(p.name.endswith(".tmp") and p.stat().st_size > 0 for p in tmp_path.iterdir()
                      if p.name.startswith(".story.po."))
        if growing or po.stat().st_size != len(old):
            writer.send_signal(signal.SIGKILL)
            break
    writer.wait()
    assert writer.returncode == -signal.SIGKILL, "the writer finished before it could be killed"
    assert po.read_bytes() in (old, new)
    assert subprocess.run(["msgfmt", "-c", "-o", os.devnull, str(po)]).returncode == 0


def unit(source, target, approved):
    return TranslationUnit(source, target, approved=approved)


def test_an_approved_translation_is_never_replaced_by_machine_output_or_a_suggestion():
    catalog = Catalog("a", "en", "es", [unit("The council met.", "El pleno se reunió.", True)])
    index = MemoryIndex()
    index.add("The council met.", "OTRA", "b.po")
    need = merge_segments(catalog, [SegmentRef("The council met.", "body", "a:1.1")], index)
    assert need == [] and catalog.units[0].target == "El pleno se reunió." and catalog.units[0].approved


def test_machine_words_a_person_approved_are_not_redone_by_force_or_other_settings():
    from localize.memory import machine_units_to_redo

    approved = TranslationUnit("The council met.")
    approved.set_machine_output("El consejo se reunió.", "other engine", "2026-01-02 10:00+0000")
    approved.approved = True  # approved as the machine wrote it, e.g. in Poedit
    fuzzy = TranslationUnit("Rain is expected.")
    fuzzy.set_machine_output("Se espera lluvia.", "other engine", "2026-01-02 10:00+0000")
    catalog = Catalog("a", "en", "es", [approved, fuzzy])
    assert machine_units_to_redo(catalog, "this engine") == [fuzzy]
    assert machine_units_to_redo(catalog, "other engine", force=True) == [fuzzy]


def test_memory_suggestions_reuse_approved_work_exactly_and_closely():
    index = MemoryIndex()
    index.add("The council approved the budget on Monday.", "El pleno aprobó el presupuesto el lunes.", "old.po")
    catalog = Catalog("a", "en", "es")
    segments = [SegmentRef("The council approved the budget on Monday.", "body", "a:1.1"),
                SegmentRef("The council approved the budget on Tuesday.", "body", "a:1.2"),
                SegmentRef("Rain is expected tomorrow.", "body", "a:1.3")]
    need = merge_segments(catalog, segments, index)
    exact, close, new = catalog.units
    assert exact.approved and exact.origin == "memory" and "old.po" in exact.translated_by
    assert close.target == "El pleno aprobó el presupuesto el lunes." and not close.approved
    assert close.previous_source == "The council approved the budget on Monday."
    assert need == [new]


def test_a_review_session_never_multiplies_obsolete_entries(tmp_path):
    po = tmp_path / "story.po"
    gone = unit("An old sentence.", "Una frase vieja.", True)
    gone.obsolete = True
    write_catalog(po, Catalog("story", "en", "es", [unit("A sentence.", "Una frase.", False), gone]))
    for _ in range(5):
        write_catalog(po, read_catalog(po))
    assert [u.obsolete for u in read_catalog(po).units] == [False, True]
