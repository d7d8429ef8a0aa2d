"""Every failure is one line `localize: WHERE: WHAT (WHAT TO DO)` and an exit code, never a traceback;
one rule gives every command its exit code; output for pipes is never cut."""
import errno
import re
import json
import re
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import SEED, require_apertium
from localize.cli import app

runner = CliRunner()
ARTICLE = "The council approved the budget on Monday. The mayor said the plan would help families.\n"


def one_line(result, *words):
    lines = [l for l in result.stderr.splitlines() if l.strip()]
    assert len(lines) == 1, result.output
    assert lines[0].startswith("localize: ") and "Traceback" not in result.output
    for w in words:
        assert w in lines[0], lines[0]
    return lines[0]


def test_a_path_holding_console_markup_is_printed_as_it_is(tmp_path):
    (tmp_path / "x[").mkdir()
    odd = tmp_path / "x[/bold]y[red].en.txt"  # folder "x[", file "bold]y[red].en.txt"
    odd.write_text(ARTICLE + "\n[/bold] Prices [red]rose in the third quarter, the office said.\n")
    result = runner.invoke(app, ["detect", str(odd)])
    assert result.exit_code == 0, result.output
    assert str(odd) in result.stdout and "[/bold] Prices [red]rose" in result.stdout


def test_disk_full_is_one_line(tmp_path, monkeypatch):
    # Test double: a full disk cannot be made here without root and a loop device; the OS error
    # is raised exactly where the atomic write would meet it.
    def full(path, data, *a, **k):
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr("localize.pofile.write_bytes_atomic", full)
    result = runner.invoke(app, ["glossary", "add", "council", "consejo", "--to", "es"])
    assert result.exit_code == 1
    one_line(result, "glossary.csv", "no space left on device", "free some disk space")


def test_a_file_where_a_folder_is_expected_is_one_line(tmp_path):
    Path("locales").write_text("not a folder")
    result = runner.invoke(app, ["glossary", "add", "council", "consejo"])
    assert result.exit_code != 0
    one_line(result, "locales")


def test_report_onto_a_folder_is_one_line(tmp_path):
    (tmp_path / "report").mkdir()
    result = runner.invoke(app, ["translate", str(SEED), "--to", "en", "--report", str(tmp_path / "report")])
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    assert any(str(tmp_path / "report") in l and l.startswith("localize: ") for l in result.stderr.splitlines())


@pytest.mark.parametrize("exc,code,word", [(MemoryError(), 1, "out of memory"),
                                           (KeyboardInterrupt(), 130, "interrupted"),
                                           (IsADirectoryError(21, "Is a directory", "out"), 1, "out: is a directory")])
def test_memory_errors_and_interrupts_are_one_line(monkeypatch, exc, code, word):
    def boom(*a, **k):
        raise exc

    monkeypatch.setattr("localize.report.detect_articles", boom)
    result = runner.invoke(app, ["detect", str(SEED)])
    assert result.exit_code == code
    one_line(result, word)


def test_a_folder_with_one_bad_file_exits_1_from_detect_and_translate(tmp_path):
    wire = tmp_path / "wire"
    wire.mkdir()
    (wire / "good.en.txt").write_text(ARTICLE)
    (wire / "bad.en.txt").write_bytes(b"")
    result = runner.invoke(app, ["detect", str(wire)])
    assert result.exit_code == 1, result.output
    one_line(result, "bad.en.txt", "empty")
    result = runner.invoke(app, ["translate", str(wire), "--to", "en"])  # good one: already in en, skipped
    assert result.exit_code == 1, result.output
    assert "bad.en.txt" in result.stderr


def test_exit_code_rule():
    from localize.errors import BadInput, LanguageUndetermined, exit_code_for

    assert exit_code_for(3, []) == 0
    assert exit_code_for(3, [], failed=True) == 1
    assert exit_code_for(0, [BadInput("x")]) == 3
    assert exit_code_for(0, [LanguageUndetermined("x")]) == 4
    assert exit_code_for(2, [BadInput("x")]) == 1


def test_undetermined_language_says_so_on_stderr(tmp_path):
    (tmp_path / "n.txt").write_text("12/05/2024\n\n3.5%\n")
    result = runner.invoke(app, ["detect", str(tmp_path / "n.txt")])
    assert result.exit_code == 4
    one_line(result, "n.txt", "could not be determined", "--from")


def test_an_empty_target_language_is_a_usage_error():
    result = runner.invoke(app, ["translate", str(SEED), "--to", ""])
    assert result.exit_code == 2
    assert runner.invoke(app, ["build", str(SEED), "--to", " , "]).exit_code == 2


def test_build_never_writes_onto_its_input(tmp_path):
    art = tmp_path / "s.en.txt"
    art.write_text(ARTICLE)
    result = runner.invoke(app, ["build", str(art), "--to", "es", "-o", str(art)])
    assert result.exit_code == 2 and "overwrite" in result.output
    assert art.read_text() == ARTICLE


def _zip_with(tmp_path, name, entries):
    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as zf:
        for arc, data in entries:
            zf.writestr(arc, data)
    return path


def test_corrupt_model_zips_are_one_line_exit_7(tmp_path):
    from argos_factory import build_package_dir, zip_package

    folder = build_package_dir(tmp_path / "p" / "translate-en_xx", "en", "xx")
    good = zip_package(folder, tmp_path / "good.argosmodel").read_bytes()
    # Bad CRC: flip one byte of the stored metadata.json contents (stored, not deflated).
    entries = [(f"translate-en_xx/{f.relative_to(folder)}", f.read_bytes()) for f in sorted(folder.rglob("*"))
               if f.is_file()]
    stored = _zip_with(tmp_path, "stored.argosmodel", entries)
    data = bytearray(stored.read_bytes())
    meta = next(d for a, d in entries if a.endswith("metadata.json"))
    at = bytes(data).index(meta)
    data[at] ^= 0x01
    stored.write_bytes(bytes(data))
    result = runner.invoke(app, ["models", "install", str(stored)])
    assert result.exit_code == 7, result.output
    one_line(result, "corrupt")
    with pytest.warns(UserWarning):  # zipfile itself warns about a duplicate name
        dup = _zip_with(tmp_path, "dup.argosmodel", entries + [entries[0]])
    result = runner.invoke(app, ["models", "install", str(dup)])
    assert result.exit_code == 7, result.output
    one_line(result, "two entries named")
    assert good  # the factory's package itself installs (see test_models)


def test_piped_output_is_never_cut_at_any_width(tmp_path):
    deep = tmp_path / ("d" * 90) / ("e" * 90)
    deep.mkdir(parents=True)
    art = deep / "labour-force-survey-results-for-the-third-quarter.en.txt"
    art.write_text(ARTICLE)
    result = runner.invoke(app, ["detect", str(art)], env={"COLUMNS": "40"})
    assert result.exit_code == 0
    assert str(art) in result.stdout.splitlines()[0]
    # The row keeps its columns whole (the text column is the one clipped, by design, with an ellipsis).
    assert any(re.search(r"body  en    \d\.\d\d  detected  The council approved the budget on Monday\. The …", l)
               for l in result.stdout.splitlines())


@require_apertium("eng-spa")
def test_json_results_are_in_input_order_with_full_counts_and_the_gate_lists_unreviewed(tmp_path):
    b, a = tmp_path / "b.en.txt", tmp_path / "a.en.txt"
    b.write_text(ARTICLE)
    a.write_text("The storm closed the roads in the north.\n")
    args = ["translate", str(b), str(a), "--to", "es", "--from", "en", "--json"]
    first = json.loads(runner.invoke(app, args).stdout)
    again = runner.invoke(app, args)
    assert again.exit_code == 0
    doc = json.loads(again.stdout)
    assert [r["path"] for r in first["results"]] == [r["path"] for r in doc["results"]] == [str(b), str(a)]
    for r in doc["results"]:
        assert r["counts"]["segments"] >= 1 and r["counts"]["machine"] == r["counts"]["segments"]
    out = tmp_path / "b.es.txt"
    result = runner.invoke(app, ["build", str(b), "--to", "es", "-o", str(out), "--require-approved", "--json"])
    assert result.exit_code == 6
    built = json.loads(result.stdout)["results"][0]
    assert built["ok"] is False and len(built["unreviewed"]) == 2 and "not approved" in built["error"]


def test_a_rename_failure_names_the_destination_not_the_temporary_file():
    from localize.errors import as_localize_error

    error = as_localize_error(IsADirectoryError(21, "Is a directory", "/x/.out.tmp", None, "out"))
    assert error.line() == "out: is a directory (that is a folder: give a file path)"


def test_translate_results_follow_the_arguments_even_for_missing_files(tmp_path):
    good = tmp_path / "good.en.txt"
    good.write_text(ARTICLE)
    args = ["translate", str(good), str(tmp_path / "missing.en.txt"), str(SEED), "--to", "en", "--json"]
    doc = json.loads(runner.invoke(app, args).stdout)
    assert [r["path"] for r in doc["results"]] == [str(good), str(tmp_path / "missing.en.txt"), str(SEED)]
