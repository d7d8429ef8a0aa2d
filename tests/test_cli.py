"""The command line: output, --json documents, exit codes, one-line errors."""
import json

from typer.testing import CliRunner

from conftest import SAMPLES, SEED
from localize.cli import app

runner = CliRunner()


def test_detect_prints_language_and_block_table():
    result = runner.invoke(app, ["detect", str(SEED)])
    assert result.exit_code == 0
    assert "en (English)" in result.stdout and "reading_time" in result.stdout
    assert "reads as: translated" in result.stdout


def test_detect_json_is_a_stable_document():
    result = runner.invoke(app, ["detect", "--json", str(SAMPLES / "brussels-summit.en.txt")])
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["schema"] == "localize.detect/1" and doc["errors"] == []
    art = doc["articles"][0]
    assert art["language"]["code"] == "en" and art["foreign_blocks"] == [9]
    assert set(art["blocks"][0]) == {"index", "role", "language", "confidence", "method", "foreign", "text"}
    assert art["translationese"]["verdict"] == "native"


def test_detect_reads_stdin():
    result = runner.invoke(app, ["detect", "--json", "-"], input="El Gobierno aprobó ayer los presupuestos del año que viene.")
    assert json.loads(result.stdout)["articles"][0]["language"]["code"] == "es"


def test_bad_input_is_one_line_and_exit_3(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "folder").mkdir()
    for path, word in ((tmp_path / "empty.txt", "empty"), (tmp_path / "bin.txt", "binary"),
                       (tmp_path / "folder", "no .txt or .md"), (tmp_path / "missing.txt", "no such file")):
        result = runner.invoke(app, ["detect", str(path)])
        assert result.exit_code == 3, result.output
        lines = [l for l in result.stderr.splitlines() if l]
        assert len(lines) == 1 and word in lines[0] and "Traceback" not in result.output


def test_undetermined_language_exits_4(tmp_path):
    (tmp_path / "n.txt").write_text("12/05/2024\n\n3.5%\n")
    assert runner.invoke(app, ["detect", str(tmp_path / "n.txt")]).exit_code == 4


def test_help_is_cheap_and_lists_commands():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for cmd in ("detect", "translate", "status", "build", "models"):
        assert cmd in result.stdout


def test_unknown_language_code_is_a_usage_error():
    result = runner.invoke(app, ["translate", str(SEED), "--to", "spanish!"])
    assert result.exit_code == 2


def test_help_at_a_narrow_terminal_shows_every_option_and_command_whole():
    # Rich's help panels cut names to "--skip-unsup…" below ~70 columns; the plain help wraps.
    translate_help = runner.invoke(app, ["translate", "--help"], terminal_width=50)
    assert translate_help.exit_code == 0
    assert "--skip-unsupported" in translate_help.output and "…" not in translate_help.output
    top = runner.invoke(app, ["--help"], terminal_width=50)
    assert top.exit_code == 0
    commands = top.output.split("Commands:")[1]
    assert "..." not in commands and "…" not in commands, top.output
