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
models_app = typer.Typer(no_args_is_help=True, help="Translation engines and models.")
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


def _settings(data_dir: Optional[Path], locales: Path, **kw):
    from .settings import Settings, default_data_dir

    return Settings(data_dir=data_dir or default_data_dir(), locales=locales, **kw)


def _languages(value: str) -> list[str]:
    langs = [v.strip().lower() for v in value.split(",") if v.strip()]
    for code in langs:
        if not code.isalpha() or not 2 <= len(code) <= 3:
            raise typer.BadParameter(f"'{code}' is not a language code (use ISO 639-1, e.g. es, ca, fr)")
    return langs


LOCALES_OPT = typer.Option(Path("locales"), "--locales", help="Folder of the PO translation memory.")
DATA_OPT = typer.Option(None, "--data-dir", envvar="LOCALIZE_DATA_DIR",
                        help="Folder of installed models (default: the platform's user data folder).")


# --------------------------------------------------------------------------- translate

@app.command()
def translate(
    articles: List[str] = typer.Argument(..., help="Article files, folders or globs."),
    to: str = typer.Option(..., "--to", "-t", help="Target language(s), comma-separated: es,ca"),
    source: Optional[str] = typer.Option(None, "--from", "-f", help="Source language (default: detected)."),
    engine: str = typer.Option("auto", "--engine", "-e", help="auto, argos or apertium."),
    beam: int = typer.Option(4, "--beam", min=1, max=16, help="Beam size for neural engines (1: fast draft)."),
    skip_unsupported: bool = typer.Option(False, "--skip-unsupported",
                                          help="Report articles no installed engine can translate, but do not fail."),
    locales: Path = LOCALES_OPT,
    data_dir: Optional[Path] = DATA_OPT,
    as_json: bool = typer.Option(False, "--json", help="Print a per-file result document."),
):
    """Translate articles offline into reviewable PO memory (machine output is marked fuzzy)."""
    from .errors import EXIT_FAILED, NoEngineForPair
    from .translate import translate_articles

    if engine not in ("auto", "argos", "apertium"):
        raise typer.BadParameter("--engine must be auto, argos or apertium")
    targets = _languages(to)
    src = _languages(source)[0] if source else None
    settings = _settings(data_dir, locales, engine=engine, beam=beam)
    with _progress(not as_json) as progress:
        results = translate_articles(articles, targets, settings, src, progress)
    failed = [r for r in results if r.error is not None
              and not (skip_unsupported and isinstance(r.error, NoEngineForPair))]
    if skip_unsupported:
        for r in results:
            if isinstance(r.error, NoEngineForPair):
                r.skipped, r.error = r.error.what, None
    if as_json:
        _print_json({"schema": "localize.translate/1", "results": [r.as_dict() for r in results]})
    else:
        _render_translations(results)
    if failed:
        raise typer.Exit(max(r.error.exit_code for r in failed) if len(failed) == len(results) else EXIT_FAILED)


class _progress:
    """A rich progress bar on stderr for long work (nothing when output is JSON or not a terminal)."""

    def __init__(self, enabled: bool):
        self.enabled = enabled and sys.stderr.isatty()
        self.bar = None
        self.tasks: dict[str, int] = {}

    def __enter__(self):
        if not self.enabled:
            return None
        from rich.progress import Progress

        self.bar = Progress(console=_console(stderr=True), transient=True)
        self.bar.start()
        return self.update

    def update(self, stage: str, done: int, total: int) -> None:
        if stage not in self.tasks:
            self.tasks[stage] = self.bar.add_task(stage, total=total)
        self.bar.update(self.tasks[stage], completed=done, total=total)

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.stop()
        return False


def _render_translations(results) -> None:
    from rich.table import Table

    table = Table(box=None, header_style="bold", pad_edge=False)
    for col in ("article", "to", "from", "new MT", "approved", "machine", "untranslated", "obsolete", "memory"):
        table.add_column(col)
    errors = []
    for r in results:
        if r.skipped:
            errors.append(f"{r.path}: skipped {r.target} ({r.skipped})")
            continue
        if r.error is not None:
            errors.append(r.error.line() if r.error.where else f"{r.path}: {r.error.line()}")
            continue
        c = r.counts
        table.add_row(r.article_id, r.target, r.source_lang, str(r.machine_translated), str(c.get("approved", 0)),
                      str(c.get("machine", 0)), str(c.get("untranslated", 0)), str(c.get("obsolete", 0)), r.po_file)
    if table.row_count:
        _console().print(table)
    for line in errors:
        typer.echo(f"localize: {line}", err=True)


# --------------------------------------------------------------------------- status

@app.command()
def status(
    articles: Optional[List[str]] = typer.Argument(None, help="Articles (default: everything in the memory)."),
    to: Optional[str] = typer.Option(None, "--to", "-t", help="Only these target languages."),
    locales: Path = LOCALES_OPT,
    as_json: bool = typer.Option(False, "--json", help="Print a machine-readable document."),
):
    """How much of each article's memory is approved, machine-translated, untranslated or obsolete."""
    from .status import memory_status

    rows, errors = memory_status(locales, articles or None, _languages(to) if to else None)
    if as_json:
        _print_json({"schema": "localize.status/1", "memory": [r.as_dict() for r in rows],
                     "errors": [{"path": p, "error": e.line()} for p, e in errors]})
    else:
        from rich.table import Table

        table = Table(box=None, header_style="bold", pad_edge=False)
        for col in ("article", "to", "segments", "approved", "machine", "untranslated", "obsolete"):
            table.add_column(col)
        for r in rows:
            c = r.counts
            table.add_row(r.article_id, r.target, *(str(c[k]) for k in
                          ("segments", "approved", "machine", "untranslated", "obsolete")))
        _console().print(table if rows else "no translation memory yet")
        for _, e in errors:
            typer.echo(f"localize: {e.line()}", err=True)
    if errors:
        raise typer.Exit(max(e.exit_code for _, e in errors))


# --------------------------------------------------------------------------- build

@app.command()
def build(
    article: str = typer.Argument(..., help="The source article."),
    to: str = typer.Option(..., "--to", "-t", help="Target language."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here (default: stdout)."),
    require_approved: bool = typer.Option(False, "--require-approved",
                                          help="Fail unless every segment is approved (publishing gate)."),
    locales: Path = LOCALES_OPT,
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON (needs -o)."),
):
    """Build the translated article from its memory: same blocks, roles and layout."""
    from .articles import read_article
    from .build import build_article, load_catalog_for, output_bytes
    from .pofile import write_bytes_atomic

    target = _languages(to)[0]
    try:
        source = read_article(article)
        built, summary = build_article(source, load_catalog_for(source, target, locales), require_approved)
    except LocalizeError as error:
        _fail(error)
    data = output_bytes(built)
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        write_bytes_atomic(output, data)
    line = (f"{article} -> {output or 'stdout'} ({target}): {summary.approved} approved, "
            f"{summary.machine} machine (unreviewed), {summary.untranslated} untranslated")
    if as_json and output is not None:
        _print_json({"schema": "localize.build/1", "article": article, "target": target,
                     "output": str(output), **summary.as_dict()})
    else:
        typer.echo(line, err=True)


# --------------------------------------------------------------------------- models

@models_app.command("list")
def models_list(
    data_dir: Optional[Path] = DATA_OPT,
    as_json: bool = typer.Option(False, "--json", help="Print a machine-readable document."),
):
    """Installed engines and language pairs (Argos packages and Apertium modes)."""
    from .engines import installed_pairs

    pairs = installed_pairs(_settings(data_dir, Path("locales")))
    if as_json:
        _print_json({"schema": "localize.models/1", "pairs": [
            {"engine": p.engine, "source": p.source, "target": p.target, "name": p.detail,
             "version": p.version, "size": p.size, "path": p.path} for p in pairs]})
        return
    from rich.table import Table

    table = Table(box=None, header_style="bold", pad_edge=False)
    for col in ("engine", "pair", "name", "version", "size", "path"):
        table.add_column(col)
    for p in pairs:
        table.add_row(p.engine, f"{p.source}-{p.target}", p.detail, p.version,
                      f"{p.size / 2**20:.1f} MiB" if p.size else "", p.path)
    _console().print(table if pairs else "no translation engine installed (see README: Models)")


def _first_words(text: str, n: int = 8) -> str:
    words = text.split()
    return " ".join(words[:n]) + (" …" if len(words) > n else "")


def main() -> None:  # console-script entry point
    try:
        app()
    except LocalizeError as error:  # raised outside a command body (should not happen)
        typer.echo(f"localize: {error.line()}", err=True)
        sys.exit(error.exit_code)
