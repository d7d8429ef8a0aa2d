"""The command line: parses arguments, calls the library, prints. Nothing else lives here."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer

from .errors import EXIT_BAD_INPUT, EXIT_UNDETERMINED, LocalizeError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Offline translation desk for news articles: detect, translate, review, build.")
models_app = typer.Typer(no_args_is_help=True, help="List the installed translation engines and pairs.")
app.add_typer(models_app, name="models")


def _console(stderr: bool = False):
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def _fail(error: LocalizeError) -> None:
    """The one place where a library failure becomes a message and an exit code."""
    typer.echo(f"localize: {error.line()}", err=True)
    raise typer.Exit(error.exit_code)


def _print_json(doc: dict) -> None:
    typer.echo(json.dumps(doc, ensure_ascii=False, indent=2))


# --------------------------------------------------------------------------- detect

@app.command()
def detect(
    articles: List[str] = typer.Argument(..., help="Article files (plain text or Markdown); - reads stdin."),
    as_json: bool = typer.Option(False, "--json", help="Print a machine-readable document."),
    blocks: bool = typer.Option(True, "--blocks/--no-blocks", help="Show the per-block table."),
):
    """Say what language each article (and each block in it) is in, and whether it reads translated."""
    from .report import detect_articles

    results, errors = detect_articles(articles)
    if as_json:
        _print_json({"schema": "localize.detect/1",
                     "articles": [r.as_dict() for r in results],
                     "errors": [{"path": p, "error": e.line()} for p, e in errors]})
    else:
        _render_detection(results, blocks)
    for path, error in errors:
        if not as_json:
            typer.echo(f"localize: {error.line()}", err=True)
    if errors:
        raise typer.Exit(max(e.exit_code for _, e in errors))
    if any(r.language.article.code == "und" for r in results):
        raise typer.Exit(EXIT_UNDETERMINED)


def _render_detection(results, show_blocks: bool) -> None:
    from rich.table import Table

    console = _console()
    for r in results:
        lang = r.language.article
        console.print(f"[bold]{r.article.source}[/bold]: {lang.code} ({lang.name}), "
                      f"confidence {lang.confidence:.2f}")
        for note in r.article.notes:
            console.print(f"  note: {note}")
        foreign = r.language.foreign_blocks
        if foreign:
            console.print(f"  [yellow]{len(foreign)} block(s) in another language:[/yellow] "
                          + ", ".join(f"#{b.index + 1} {b.guess.code}" for b in foreign))
        if r.translationese is not None:
            t = r.translationese
            origin = f", probably from {t.origin_name}" if t.origin else ""
            console.print(f"  reads as: [bold]{t.verdict}[/bold] (score {t.score:.2f}{origin})")
            for ev in t.evidence:
                console.print(f"    - {ev.signal}: “{ev.passage}” — {ev.why}")
        if show_blocks:
            table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
            for col in ("#", "role", "lang", "conf", "how", "text"):
                table.add_column(col, overflow="ellipsis", no_wrap=(col != "text"))
            for b in r.language.blocks:
                if not b.text.strip():
                    continue
                mark = "[yellow]" if b.foreign else ""
                table.add_row(str(b.index + 1), b.role, f"{mark}{b.guess.code}",
                              f"{b.guess.confidence:.2f}", b.guess.method, _first_words(b.text))
            console.print(table)
        console.print()


def _first_words(text: str, n: int = 8) -> str:
    words = text.split()
    return " ".join(words[:n]) + (" …" if len(words) > n else "")


def main() -> None:  # console-script entry point
    try:
        app()
    except LocalizeError as error:  # raised outside a command body (should not happen)
        typer.echo(f"localize: {error.line()}", err=True)
        sys.exit(error.exit_code)
