"""The command line: parses arguments, calls the library, prints. Nothing else lives here."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer

from .errors import EXIT_UNDETERMINED, LocalizeError

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


def _guarded(command):
    """Turn a library failure inside a command into its one-line message and exit code."""
    import functools

    @functools.wraps(command)
    def run(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except LocalizeError as error:
            _fail(error)

    return run


def _print_json(doc: dict) -> None:
    typer.echo(json.dumps(doc, ensure_ascii=False, indent=2))


# --------------------------------------------------------------------------- detect

@app.command()
@_guarded
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
    from rich.markup import escape
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
            origin = f", probably from {t.origin_name}" if t.origin_candidates else ""
            score = "" if t.score is None else f" (score {t.score:.2f}{origin})"
            console.print(f"  reads as: [bold]{t.verdict}[/bold]{score}")
            for ev in t.evidence:
                console.print(escape(f"    - {ev.signal}: “{ev.passage}” — {ev.why}"))
        if show_blocks:
            table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
            for col in ("#", "role", "lang", "conf", "how", "text"):
                table.add_column(col, overflow="ellipsis", no_wrap=(col != "text"))
            for b in r.language.blocks:
                if not b.text.strip():
                    continue
                mark = "[yellow]" if b.foreign else ""
                table.add_row(str(b.index + 1), b.role, f"{mark}{b.guess.code}",
                              f"{b.guess.confidence:.2f}", b.guess.method, escape(_first_words(b.text)))
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
@_guarded
def translate(
    articles: List[str] = typer.Argument(..., help="Article files, folders or globs."),
    to: str = typer.Option(..., "--to", "-t", help="Target language(s), comma-separated: es,ca"),
    source: Optional[str] = typer.Option(None, "--from", "-f", help="Source language (default: detected)."),
    engine: str = typer.Option("auto", "--engine", "-e", help="auto, argos or apertium."),
    beam: int = typer.Option(4, "--beam", min=1, max=16, help="Beam size for neural engines (1: fast draft)."),
    skip_unsupported: bool = typer.Option(False, "--skip-unsupported",
                                          help="Report articles no installed engine can translate, but do not fail."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, max=64,
                             help="Worker processes for reading and detection; parallel Apertium calls."),
    batch_articles: int = typer.Option(64, "--batch-articles", min=1,
                                       help="Articles translated and written together (a restart resumes after the last group written)."),
    report: Optional[Path] = typer.Option(None, "--report", help="Also write the per-file result document (JSON) here."),
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
    settings = _settings(data_dir, locales, engine=engine, beam=beam, jobs=jobs, batch_articles=batch_articles)
    with _progress(not as_json) as progress:
        results = translate_articles(articles, targets, settings, src, progress)
    failed = [r for r in results if r.error is not None
              and not (skip_unsupported and isinstance(r.error, NoEngineForPair))]
    if skip_unsupported:
        for r in results:
            if isinstance(r.error, NoEngineForPair):
                r.skipped, r.error = r.error.what, None
    doc = {"schema": "localize.translate/1", "ok": not failed, "results": [r.as_dict() for r in results]}
    if report is not None:
        from .pofile import write_bytes_atomic

        write_bytes_atomic(report, (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    if as_json:
        _print_json(doc)
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
    unchanged = 0
    for r in results:
        if r.skipped == "unchanged since the last run":
            unchanged += 1
            continue
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
    if unchanged:
        typer.echo(f"{unchanged} article translation(s) unchanged since the last run: nothing to do")
    for line in errors:
        typer.echo(f"localize: {line}", err=True)


# --------------------------------------------------------------------------- status

@app.command()
@_guarded
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
@_guarded
def build(
    articles: List[str] = typer.Argument(..., help="Source article(s), folders or globs."),
    to: str = typer.Option(..., "--to", "-t", help="Target language(s), comma-separated."),
    output: Optional[Path] = typer.Option(None, "--output", "-o",
                                          help="Write here (one article, one language; default: stdout)."),
    out_dir: Optional[Path] = typer.Option(None, "--out-dir",
                                           help="Write each built article to OUT_DIR/<lang>/<file name>."),
    require_approved: bool = typer.Option(False, "--require-approved",
                                          help="Fail unless every segment is approved (publishing gate)."),
    skip_missing: bool = typer.Option(False, "--skip-missing", help="Skip articles that have no memory yet."),
    locales: Path = LOCALES_OPT,
    as_json: bool = typer.Option(False, "--json", help="Print a summary document (needs -o or --out-dir)."),
):
    """Build translated articles from the memory: same blocks, roles and layout (Markdown stays Markdown)."""
    from .build import build_many

    targets = _languages(to)
    if output is None and out_dir is None and len(targets) > 1:
        raise typer.BadParameter("several languages need --out-dir")
    results = build_many(articles, targets, locales, output=output, out_dir=out_dir,
                         require_approved=require_approved, skip_missing=skip_missing)
    if as_json and (output or out_dir):
        _print_json({"schema": "localize.build/1", "results": [r.as_dict() for r in results]})
    for r in results:
        if r.error is not None:
            typer.echo(f"localize: {r.error.line()}", err=True)
        elif r.skipped:
            typer.echo(f"localize: {r.path}: skipped {r.target} ({r.skipped})", err=True)
        elif not as_json:
            s_ = r.summary
            typer.echo(f"{r.path} -> {r.output or 'stdout'} ({r.target}): {s_.approved} approved, "
                       f"{s_.machine} machine (unreviewed), {s_.untranslated} untranslated", err=True)
    failed = [r for r in results if r.error is not None]
    if failed:
        raise typer.Exit(max(r.error.exit_code for r in failed))


# --------------------------------------------------------------------------- check

@app.command()
@_guarded
def check(
    articles: List[str] = typer.Argument(..., help="Articles whose memory to check."),
    to: str = typer.Option(..., "--to", "-t", help="Target language."),
    disable: str = typer.Option("", "--disable", help="Check ids to switch off, comma-separated."),
    warnings: bool = typer.Option(True, "--warnings/--errors-only", help="Show warnings too."),
    locales: Path = LOCALES_OPT,
    as_json: bool = typer.Option(False, "--json", help="Print a machine-readable document."),
):
    """Check translations: figures, names, glossary, untranslated text, loops, quotes... worst first.

    Exits 1 when an error-level problem remains (a pipeline gate)."""
    from .checks import CHECK_IDS
    from .errors import EXIT_FAILED
    from .quality import check_articles

    off = {c.strip() for c in disable.split(",") if c.strip()}
    unknown = off - set(CHECK_IDS)
    if unknown:
        raise typer.BadParameter(f"unknown check id(s): {', '.join(sorted(unknown))}; known: {', '.join(CHECK_IDS)}")
    target = _languages(to)[0]
    results, errors = check_articles(articles, target, locales, frozenset(CHECK_IDS) - off)
    if as_json:
        _print_json({"schema": "localize.check/1", "target": target,
                     "articles": [{"path": path, "problems": [p.as_dict() for p in problems]}
                                  for path, problems in results],
                     "errors": [{"path": p, "error": e.line()} for p, e in errors]})
    else:
        from rich.markup import escape

        console = _console()
        for path, problems in results:
            shown = [p for p in problems if warnings or p.level == "error"]
            n_err = sum(p.level == "error" for p in problems)
            console.print(f"[bold]{path}[/bold] ({target}): {n_err} error(s), {len(problems) - n_err} warning(s)")
            for p in shown:
                color = "red" if p.level == "error" else "yellow"
                console.print(f"  [{color}]{p.level}[/{color}] {escape(f'[{p.check}] {p.reference}: {p.why}')}")
                console.print(f"      source: {escape(p.source)}")
                if p.target:
                    console.print(f"      target: {escape(p.target)}")
        for _, e in errors:
            typer.echo(f"localize: {e.line()}", err=True)
    if errors:
        raise typer.Exit(max(e.exit_code for _, e in errors))
    if any(p.level == "error" for _, problems in results for p in problems):
        raise typer.Exit(EXIT_FAILED)


# --------------------------------------------------------------------------- review

@app.command()
@_guarded
def review(
    article: str = typer.Argument(..., help="The article whose memory to review."),
    to: str = typer.Option(..., "--to", "-t", help="Target language."),
    reviewer: Optional[str] = typer.Option(None, "--reviewer", help="Your name (default: $LOCALIZE_REVIEWER, git user.name)."),
    include_approved: bool = typer.Option(False, "--all", help="Also go through approved entries."),
    locales: Path = LOCALES_OPT,
):
    """Review machine translations in the terminal, fuzzy entries first; each decision is saved at once."""
    from .articles import read_article
    from .glossary import load_glossary, terms_for
    from .memory import po_path
    from .review import ReviewIO, default_reviewer, edit_in_editor, run_review

    source = read_article(article)
    target = _languages(to)[0]
    po = po_path(locales, target, source.id)
    io = ReviewIO(ask=lambda prompt: typer.prompt(prompt, default="", show_default=False),
                  show=typer.echo, edit=edit_in_editor)
    counts = run_review(po, reviewer or default_reviewer(), io, include_approved,
                        terms_for(load_glossary(locales), target))
    typer.echo(f"{counts['approved']} approved, {counts['edited']} edited and approved, "
               f"{counts['skipped']} skipped; saved in {po}")


# --------------------------------------------------------------------------- glossary

glossary_app = typer.Typer(no_args_is_help=True, help="The glossary (locales/glossary.csv).")
app.add_typer(glossary_app, name="glossary")


@glossary_app.command("add")
@_guarded
def glossary_add(
    term: str = typer.Argument(..., help="The source-language term."),
    translation: str = typer.Argument(..., help='Its required translation, or "do not translate".'),
    to: str = typer.Option("*", "--to", "-t", help="Target language it applies to (* for all)."),
    note: str = typer.Option("", "--note", help="A note for translators."),
    locales: Path = LOCALES_OPT,
):
    """Add (or replace) a glossary term."""
    from .glossary import Term, add_term

    lang = to if to == "*" else _languages(to)[0]
    add_term(locales, Term(term, lang, translation, note))
    typer.echo(f"glossary: {term} -> {translation} ({lang})")


@glossary_app.command("list")
@_guarded
def glossary_list(
    locales: Path = LOCALES_OPT,
    as_json: bool = typer.Option(False, "--json", help="Print a machine-readable document."),
):
    """List the glossary."""
    from .glossary import load_glossary

    terms = load_glossary(locales)
    if as_json:
        _print_json({"schema": "localize.glossary/1", "terms": [
            {"term": t.term, "language": t.language, "translation": t.translation, "note": t.note} for t in terms]})
        return
    from rich.table import Table

    table = Table(box=None, header_style="bold", pad_edge=False)
    for col in ("term", "language", "translation", "note"):
        table.add_column(col)
    for t in terms:
        table.add_row(t.term, t.language, t.translation, t.note)
    _console().print(table if terms else "the glossary is empty")


# --------------------------------------------------------------------------- models

@models_app.command("list")
@_guarded
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


@models_app.command("available")
@_guarded
def models_available(
    index: Optional[str] = typer.Option(None, "--index", envvar="LOCALIZE_INDEX_URL", help="Package index URL."),
    data_dir: Optional[Path] = DATA_OPT,
    as_json: bool = typer.Option(False, "--json", help="Print a machine-readable document."),
):
    """Pairs in the Argos package index (a cached copy when offline, with its age)."""
    from .models import fetch_index

    info = fetch_index(_settings(data_dir, Path("locales")), index)
    age = f"cached copy, {info.age_s / 3600:.1f} h old" if info.from_cache else "fresh"
    if as_json:
        _print_json({"schema": "localize.models.available/1", "index": info.url, "from_cache": info.from_cache,
                     "age_seconds": round(info.age_s), "packages": [e.as_dict() for e in info.entries]})
        return
    from rich.table import Table

    table = Table(box=None, header_style="bold", pad_edge=False, title=f"{info.url} ({age})")
    for col in ("pair", "version", "name"):
        table.add_column(col)
    for e in sorted(info.entries, key=lambda e: (e.source, e.target)):
        table.add_row(f"{e.source}-{e.target}", e.version, e.name)
    _console().print(table)


@models_app.command("install")
@_guarded
def models_install(
    spec: List[str] = typer.Argument(..., help="FROM TO (from the index), FILE.argosmodel, or URL."),
    pivot: bool = typer.Option(False, "--pivot", help="No direct package: install FROM-en and en-TO."),
    index: Optional[str] = typer.Option(None, "--index", envvar="LOCALIZE_INDEX_URL", help="Package index URL."),
    data_dir: Optional[Path] = DATA_OPT,
):
    """Install an Argos package: checked, load-tested, then moved into place atomically."""
    from .models import install

    settings = _settings(data_dir, Path("locales"))
    with _download_bar() as progress:
        installed = install(list(spec), settings, index_url=index, progress=progress, pivot=pivot)
    for folder, meta in installed:
        typer.echo(f"installed {meta['from_code']}-{meta['to_code']} {meta.get('package_version', '')} in {folder}")


@models_app.command("remove")
@_guarded
def models_remove(
    source: str = typer.Argument(..., help="Source language."),
    target: str = typer.Argument(..., help="Target language."),
    data_dir: Optional[Path] = DATA_OPT,
):
    """Remove an installed Argos package."""
    from .models import remove

    folder = remove(source, target, _settings(data_dir, Path("locales")))
    typer.echo(f"removed {source}-{target} ({folder})")


class _download_bar:
    """A rich download bar on stderr when it is a terminal."""

    def __enter__(self):
        if not sys.stderr.isatty():
            return None
        from rich.progress import DownloadColumn, Progress, TransferSpeedColumn

        self.bar = Progress(*Progress.get_default_columns(), DownloadColumn(), TransferSpeedColumn(),
                            console=_console(stderr=True), transient=True)
        self.bar.start()
        self.task = self.bar.add_task("downloading", total=None)
        return lambda done, total: self.bar.update(self.task, completed=done, total=total)

    def __exit__(self, *exc):
        if hasattr(self, "bar"):
            self.bar.stop()
        return False


def _first_words(text: str, n: int = 8) -> str:
    words = text.split()
    return " ".join(words[:n]) + (" …" if len(words) > n else "")


def main() -> None:  # console-script entry point
    try:
        app()
    except LocalizeError as error:  # raised outside a command body (should not happen)
        typer.echo(f"localize: {error.line()}", err=True)
        sys.exit(error.exit_code)


if __name__ == "__main__":  # python -m localize.cli
    main()
