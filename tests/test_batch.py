"""Batch conversion: folders, bad files skipped with a report, --jobs, resume after kill -9."""
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import polib
from typer.testing import CliRunner

from conftest import ROOT, require_apertium
from localize.cli import app

runner = CliRunner()
pytestmark = require_apertium("eng-spa")

TEMPLATE = ("Story number {n} about the city\n\nThe council met on Monday to discuss plan {n}. "
            "Officials said the budget would grow by {n}% next year. \"We are ready,\" the mayor said.\n")


def corpus(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"story-{n:03d}.en.txt").write_text(TEMPLATE.format(n=n))
    return folder


def test_bad_files_are_reported_and_skipped_the_rest_goes_on(tmp_path):
    wire = corpus(tmp_path / "wire", 3)
    (wire / "empty.txt").write_bytes(b"")
    (wire / "binary.txt").write_bytes(b"\x00\x01\x02")
    report = tmp_path / "report.json"
    result = runner.invoke(app, ["translate", str(wire), "--to", "es,ca", "--report", str(report)])
    assert result.exit_code == 1  # some failed
    doc = json.loads(report.read_text())
    bad = {Path(r["path"]).name: r["error"] for r in doc["results"] if not r["ok"]}
    assert set(bad) == {"empty.txt", "binary.txt"} and "empty" in bad["empty.txt"]
    ok = [r for r in doc["results"] if r["ok"]]
    assert len(ok) == 6 and all(r["counts"]["machine"] == 4 for r in ok)
    assert doc["ok"] is False


def test_identical_sentences_are_translated_once_and_jobs_give_the_same_memory(tmp_path, monkeypatch):
    import localize.translate as tr

    sent = []
    real = tr.translate_route
    monkeypatch.setattr(tr, "translate_route", lambda route, segs, *a: sent.extend(segs) or real(route, segs, *a))
    wire = corpus(tmp_path / "wire", 6)
    result = runner.invoke(app, ["translate", str(wire), "--to", "es", "--json", "--jobs", "2", "--batch-articles", "4"])
    assert result.exit_code == 0, result.output
    # 6 articles x 4 sentences, of which "We are ready," the mayor said. is the same everywhere.
    assert len(sent) == len(set(sent)) == 6 * 3 + 1
    first = {p.name: p.read_text() for p in Path("locales/es/LC_MESSAGES").glob("**/*.po")}
    result = runner.invoke(app, ["translate", str(wire), "--to", "es", "--json", "--locales", "serial"])
    serial = {p.name: p.read_text() for p in Path("serial/es/LC_MESSAGES").glob("**/*.po")}
    strip = lambda t: "\n".join(l for l in t.splitlines() if "Date:" not in l)
    assert {k: strip(v) for k, v in first.items()} == {k: strip(v) for k, v in serial.items()}


def test_kill_and_restart_resumes_without_losing_anything(tmp_path):
    wire = corpus(tmp_path / "wire", 48)
    cmd = [sys.executable, "-m", "localize.cli", "translate", str(wire), "--to", "es", "--batch-articles", "4",
           "--json"]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(cmd, cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    out = tmp_path / "locales" / "es" / "LC_MESSAGES"
    deadline = time.time() + 60
    while time.time() < deadline and len(list(out.glob("**/*.po"))) < 8:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    written = sorted(out.glob("**/*.po"))
    assert 8 <= len(written) < 48, "the kill should land in the middle of the run"
    for po in written:  # nothing half-written
        assert subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(po)]).returncode == 0
    done_before = {p.name: p.read_bytes() for p in written}
    result = subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    redone = [r for r in doc["results"] if Path(r["po_file"]).name in done_before and r["machine_translated"]]
    assert redone == []  # finished articles are not redone
    assert len(list(out.glob("**/*.po"))) == 48
    for name, data in done_before.items():
        assert (out / "wire" / name).read_bytes() == data
    assert all(all(e.msgstr for e in polib.pofile(str(p))) for p in out.glob("**/*.po"))
