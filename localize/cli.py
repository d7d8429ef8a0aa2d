"""The command line: parses arguments, calls the library, prints. Nothing else lives here."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer

from .errors import LocalizeError, as_localize_error, exit_code_for

# Plain click help (rich_markup_mode=None): rich's help panels cut option names and help text to
# "--skip-unsup…" on a narrow terminal; click's wraps them. Each command's short_help fits
# click's 45-character floor for the command list, so `localize --help` is whole at any width.
app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="Offline translation desk for news articles: detect, translate, review, build.")
models_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None, help="Translation engines and models.")
app.add_typer(models_app, name="models")


# Width for output that is not a terminal (a pipe, a file): wide enough that rich never cuts,
# wraps or ellipsizes a line, so what a script reads does not depend on $COLUMNS.
UNLIMITED_WIDTH = 1_000_000

def _show_version(value: bool) -> None:
    if value:
        from . import __version__

        typer.echo(f"localize {__version__}")
        raise typer.Exit()


@app.callback()
def _main_options(
    version: bool = typer.Option(False, "--version", callback=_show_version, is_eager=True,
                                 help="Print the installed version and exit."),
) -> None:
    """Offline translation desk for news articles: detect, translate, review, build."""


def _console(stderr: bool = False):
    """A rich console that never parses markup (paths and texts are data: ``x[/bold]y.en.txt``) and,
    when not writing to a terminal, never cuts or wraps."""
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    try:
        terminal = stream.isatty()
    except (AttributeError, ValueError):
        terminal = False
    # Decided from the stream itself, not rich's guess (FORCE_COLOR makes rich assume a terminal).
    return Console(stderr=stderr, highlight=False, soft_wrap=False, markup=False, emoji=False,
                   width=None if terminal else UNLIMITED_WIDTH)


def _say_error(error: LocalizeError) -> None:
    typer.echo(f"localize: {error.line()}", err=True)


def _fail(exc: BaseException) -> None:
    """The one place where any failure becomes one line on stderr and an exit code."""
    error = as_localize_error(exc)
    _say_error(error)
    raise typer.Exit(error.exit_code)


def _finish(done: int, errors: list, failed: bool = False) -> None:
    """End a command with the exit code the README's table gives for its collected results."""
    code = exit_code_for(done, errors, failed)
    if code:
        raise typer.Exit(code)


def _guarded(command):
    """Run a command so that no failure escapes as a traceback: library errors, OS errors (disk
    full, read-only or misplaced folders), MemoryError and Ctrl-C all end as one line."""
    import functools

    import click
    import typer.exceptions

    passthrough = tuple({typer.Exit, typer.Abort, click.ClickException,
                         getattr(typer.exceptions, "TyperException", click.ClickException)})

    @functools.wraps(command)
    def run(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except passthrough:
            raise  # typer's own: usage errors (exit 2) and our chosen exit codes
        except (Exception, KeyboardInterrupt) as exc:  # noqa: BLE001 - this is the one place
            _fail(exc)

    return run


def _print_json(doc: dict) -> None:
    typer.echo(json.dumps(doc, ensure_ascii=False, indent=2))


# --------------------------------------------------------------------------- detect

@app.command(short_help='Language of each article and block.')
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
        _say_error(error)
    undetermined = sum(r.language.article.code == "und" for r in results)
    _finish(len(results) - undetermined, [e for _, e in errors])


def _render_detection(results, show_blocks: bool) -> None:
    from rich.table import Table
    from rich.text import Text

    console = _console()
    for r in results:
        lang = r.language.article
        console.print(Text.assemble((r.article.source, "bold"), f": {lang.code} ({lang.name}), "
                                    f"confidence {lang.confidence:.2f}"))
        for note in r.article.notes:
            console.print(f"  note: {note}")
        foreign = r.language.foreign_blocks
        if foreign:
            console.print(Text.assemble((f"  {len(foreign)} block(s) in another language:", "yellow"), " "
                                        + ", ".join(f"#{b.index + 1} {b.guess.code}" for b in foreign)))
        if r.translationese is not None:
            t = r.translationese
            origin = f", probably from {t.origin_name}" if t.origin_candidates else ""
            model = "" if t.model_probability is None else f", model {t.model_probability:.2f}"
            score = "" if t.score is None else f" (score {t.score:.2f}{model}{origin})"
            console.print(Text.assemble("  reads as: ", (t.verdict, "bold"), score))
            for ev in t.evidence:
                console.print(f"    - {ev.signal}: “{ev.passage}” — {ev.why}")
        if show_blocks:
            table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
            for col in ("#", "role", "lang", "conf", "how", "text"):
                table.add_column(col, overflow="ellipsis", no_wrap=(col != "text"))
            for b in r.language.blocks:
                if not b.text.strip():
                    continue
                table.add_row(str(b.index + 1), b.role, Text(b.guess.code, "yellow" if b.foreign else ""),
                              f"{b.guess.confidence:.2f}", b.guess.method, _first_words(b.text))
            console.print(table)
        console.print()


def _settings(data_dir: Optional[Path], locales: Path, **kw):
    from .settings import Settings, default_data_dir

    return Settings(data_dir=data_dir or default_data_dir(), locales=locales, **kw)


def _languages(value: str) -> list[str]:
    from .errors import BadInput
    from .languages import language_code

    if not value.strip(",; \t"):
        raise typer.BadParameter("no language code given (e.g. --to es or --to es,ca)")
    try:  # gettext names (ca@valencia, pt_BR) are what PO folders and engines' pairs use
        codes = [language_code(v) for v in value.split(",") if v.strip()]
    except BadInput as error:
        raise typer.BadParameter(error.line()) from None
    return list(dict.fromkeys(codes))  # "es,ES" is one language: translated and counted once


LOCALES_OPT = typer.Option(Path("locales"), "--locales", help="Folder of the PO translation memory.")
DATA_OPT = typer.Option(None, "--data-dir", envvar="LOCALIZE_DATA_DIR",
                        help="Folder of installed models (default: the platform's user data folder).")


# --------------------------------------------------------------------------- translate

@app.command(short_help='Translate articles into the PO memory.')
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
    tm: Optional[List[Path]] = typer.Option(None, "--tm", help="A TMX translation memory to take matches from (repeatable)."),
    locales: Path = LOCALES_OPT,
    data_dir: Optional[Path] = DATA_OPT,
    as_json: bool = typer.Option(False, "--json", help="Print a per-file result document."),
    force: bool = typer.Option(False, "--force", help="Translate all machine entries again (approved ones never change)."),
    stdin_name: Optional[str] = typer.Option(None, "--id", help="Name of an article read from stdin (-): names its memory."),
):
    """Translate articles offline into reviewable PO memory (machine output is marked fuzzy)."""
    from .errors import NoEngineForPair
    from .translate import translate_articles

    if engine not in ("auto", "argos", "apertium"):
        raise typer.BadParameter("--engine must be auto, argos or apertium")
    targets = _languages(to)
    src = _languages(source)[0] if source else None
    settings = _settings(data_dir, locales, engine=engine, beam=beam, jobs=jobs, batch_articles=batch_articles,
                         tm_files=tuple(str(p) for p in tm or ()))
    with _progress(not as_json) as progress:
        results = translate_articles(articles, targets, settings, src, progress, force=force, stdin_name=stdin_name)
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
    _finish(len(results) - len(failed), [r.error for r in failed])


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


def _print_table(columns: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    """Rows as a table with every cell whole; on a terminal too narrow for that, each row as its
    first cell on a line of its own, then "column value" pairs, never cut inside one."""
    from rich.measure import Measurement
    from rich.table import Table
    from rich.text import Text

    console = _console()
    table = Table(box=None, header_style="bold", pad_edge=False)
    for col in columns:
        table.add_column(col, no_wrap=True)
    for row in rows:
        table.add_row(*row)
    natural = Measurement.get(console, console.options.update(max_width=UNLIMITED_WIDTH), table).maximum
    if natural <= console.width:
        console.print(table)
        return
    for first, *rest in rows:
        console.print(Text(first, "bold"), soft_wrap=True)
        line = ""
        for pair in (f"{col} {value}" for col, value in zip(columns[1:], rest)):
            if line and 2 + len(line) + 2 + len(pair) > console.width:
                console.print("  " + line, soft_wrap=True)
                line = ""
            line = f"{line}  {pair}" if line else pair
        console.print("  " + line, soft_wrap=True)


def _first_notes(result, noted: set[str]) -> list[str]:
    """An article's own notes as lines, on the first of its results only (each target language
    has a result carrying them); ``noted``: the paths already said."""
    if not result.notes or result.path in noted:
        return []
    noted.add(result.path)
    return [f"{result.path}: note: {note}" for note in result.notes]


def _render_translations(results) -> None:
    rows = []
    errors = []
    notes: list[str] = []  # blocks from another language: their route, or why they are kept as they are
    unchanged = 0
    noted: set[str] = set()
    for r in results:
        notes.extend(_first_notes(r, noted))
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
        rows.append((r.article_id, r.target, r.source_lang, str(r.machine_translated), str(c.get("approved", 0)),
                     str(c.get("machine", 0)), str(c.get("untranslated", 0)), str(c.get("obsolete", 0)), r.po_file))
        notes.extend(f"{r.path} ({r.target}): {line}" for line in r.block_notes)
    if rows:
        _print_table(("article", "to", "from", "new MT", "approved", "machine", "untranslated", "obsolete", "memory"),
                     rows)
    if unchanged:
        typer.echo(f"{unchanged} article translation(s) unchanged since the last run: nothing to do")
    for line in notes:
        typer.echo(f"localize: {line}", err=True)
    for line in errors:
        typer.echo(f"localize: {line}", err=True)


# --------------------------------------------------------------------------- status

@app.command(short_help='Per memory: approved, machine, untranslated.')
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
        counted = ("segments", "approved", "machine", "untranslated", "obsolete")
        if rows:
            _print_table(("article", "to", *counted),
                         [(r.article_id, r.target, *(str(r.counts[k]) for k in counted)) for r in rows])
        else:
            _console().print("no translation memory yet")
        for _, e in errors:
            _say_error(e)
    _finish(len(rows), [e for _, e in errors])


# --------------------------------------------------------------------------- build

@app.command(short_help='Build translated articles from the memory.')
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
    stdin_name: Optional[str] = typer.Option(None, "--id", help="Name of an article read from stdin (-), as given to translate."),
):
    """Build translated articles from the memory: same blocks, roles and layout (Markdown stays Markdown)."""
    from .build import build_many

    targets = _languages(to)
    if output is None and out_dir is None and len(targets) > 1:
        raise typer.BadParameter("several languages need --out-dir")
    if output is not None and any(a != "-" and Path(a).exists() and Path(a).resolve() == output.resolve()
                                  for a in articles):
        raise typer.BadParameter(f"{output} is one of the input articles: the output would overwrite it",
                                 param_hint="'--output'")
    results = build_many(articles, targets, locales, output=output, out_dir=out_dir,
                         require_approved=require_approved, skip_missing=skip_missing, stdin_name=stdin_name)
    if as_json and (output or out_dir):
        _print_json({"schema": "localize.build/1", "results": [r.as_dict() for r in results]})
    noted: set[str] = set()
    for r in results:
        for line in _first_notes(r, noted):
            typer.echo(f"localize: {line}", err=True)
        if r.error is not None:
            _say_error(r.error)
        elif r.skipped:
            typer.echo(f"localize: {r.path}: skipped {r.target} ({r.skipped})", err=True)
        elif not as_json:
            s_ = r.summary
            typer.echo(f"{r.path} -> {r.output or 'stdout'} ({r.target}): {s_.approved} approved, "
                       f"{s_.machine} machine (unreviewed), {s_.untranslated} untranslated", err=True)
    failed = [r for r in results if r.error is not None]
    _finish(len(results) - len(failed), [r.error for r in failed])


# --------------------------------------------------------------------------- check

@app.command(short_help='Check translations; exit 1 on errors.')
@_guarded
def check(
    articles: List[str] = typer.Argument(..., help="Articles whose memory to check."),
    to: str = typer.Option(..., "--to", "-t", help="Target language."),
    disable: str = typer.Option("", "--disable", help="Check ids to switch off, comma-separated."),
    warnings: bool = typer.Option(True, "--warnings/--errors-only", help="Show warnings too."),
    locales: Path = LOCALES_OPT,
    as_json: bool = typer.Option(False, "--json", help="Print a machine-readable document."),
    accept: List[str] = typer.Option([], "--accept",
                                     help="Accept a problem on an entry (REFERENCE:CHECK_ID), as --reviewer."),
    reviewer: str = typer.Option("", "--reviewer", help="Who accepts (with --accept)."),
):
    """Check translations: figures, names, glossary, untranslated text, loops, quotes... worst first.

    Exits 1 when an error-level problem remains that no reviewer accepted (a pipeline gate)."""
    from .checks import CHECK_IDS
    from .quality import accept_problems, check_articles

    if accept:
        from .review import default_reviewer

        for line in accept_problems(articles[0], _languages(to)[0], locales, accept, reviewer or default_reviewer()):
            typer.echo(line)

    off = {c.strip() for c in disable.split(",") if c.strip()}
    unknown = off - set(CHECK_IDS)
    if unknown:
        raise typer.BadParameter(f"unknown check id(s): {', '.join(sorted(unknown))}; known: {', '.join(CHECK_IDS)}")
    target = _languages(to)[0]
    run = check_articles(articles, target, locales, frozenset(CHECK_IDS) - off)
    results, errors = run.results, run.errors
    if as_json:
        _print_json({"schema": "localize.check/1", "target": target,
                     "articles": [{"path": path, "problems": [p.as_dict() for p in problems]}
                                  for path, problems in results],
                     "skipped": [{"path": p, "why": why} for p, why in run.skipped],
                     "errors": [{"path": p, "error": e.line()} for p, e in errors]})
    else:
        from rich.text import Text

        console = _console()
        for path, problems in results:
            shown = [p for p in problems if warnings or p.level == "error"]
            n_err = sum(p.level == "error" for p in problems)
            console.print(Text.assemble((path, "bold"), f" ({target}): {n_err} error(s), "
                                        f"{len(problems) - n_err} warning(s)"))
            for p in shown:
                color = "red" if p.level == "error" else "yellow"
                accepted = f" (accepted {p.accepted})" if p.accepted else ""
                console.print(Text.assemble("  ", (p.level, color), f" [{p.check}] {p.reference}: {p.why}{accepted}"))
                console.print(f"      source: {p.source}")
                if p.target:
                    console.print(f"      target: {p.target}")
        for path, why in run.skipped:
            console.print(Text.assemble((path, "bold"), f" ({target}): skipped, {why}"))
        for _, e in errors:
            _say_error(e)
    _finish(len(results) + len(run.skipped), [e for _, e in errors],
            failed=any(p.level == "error" and not p.accepted for _, problems in results for p in problems))


# --------------------------------------------------------------------------- review

@app.command(short_help='Review machine output in the terminal.')
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
    # input(), not typer.prompt: the end of the input (EOFError) quits the review with its summary,
    # while Ctrl-C still interrupts (exit 130); typer.prompt makes both one Abort.
    io = ReviewIO(ask=lambda prompt: input(f"{prompt}: "), show=typer.echo, edit=edit_in_editor)
    counts = run_review(po, reviewer or default_reviewer(), io, include_approved,
                        terms_for(load_glossary(locales), target))
    typer.echo(f"{counts['approved']} approved, {counts['edited']} edited and approved, "
               f"{counts['skipped']} skipped; saved in {po}")


# --------------------------------------------------------------------------- serve

@app.command(short_help='Review in the browser.')
@_guarded
def serve(
    articles: List[str] = typer.Argument(..., help="The articles to review (files, folders or globs)."),
    to: Optional[str] = typer.Option(None, "--to", "-t", help="Target language(s), comma-separated (default: those in the memory)."),
    port: int = typer.Option(8750, "--port", help="Port to listen on (0: any free port)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (default: this machine only)."),
    reviewer: Optional[str] = typer.Option(None, "--reviewer", help="Your name (default: $LOCALIZE_REVIEWER, git user.name)."),
    locales: Path = LOCALES_OPT,
):
    """Review in the browser: source and translation side by side, checks in view; each Approve is saved at once."""
    from .review import default_reviewer
    from .web.app import is_loopback, serve as serve_page
    from .web.desk import open_desk

    desk = open_desk(articles, locales, _languages(to) if to else None, reviewer or default_reviewer())
    if not is_loopback(host):
        typer.echo(f"localize: listening on {host}: anyone who can reach it can approve translations", err=True)
    try:
        serve_page(desk, host, port, lambda url: typer.echo(
            f"localize: reviewing {len(desk.articles)} article(s) as {desk.reviewer} at {url} (Ctrl-C stops)"))
    except OSError as error:
        raise typer.BadParameter(f"cannot listen on {host}:{port}: {error.strerror}") from None


# --------------------------------------------------------------------------- glossary

glossary_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None, help="The glossary (locales/glossary.csv).")
app.add_typer(glossary_app, name="glossary", short_help="The glossary (locales/glossary.csv).")


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

@models_app.command("list", short_help='Installed engines and language pairs.')
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


@models_app.command("available", short_help='Pairs in the Argos package index.')
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


@models_app.command("install", short_help='Install an Argos package.')
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


@models_app.command("remove", short_help='Remove an installed Argos package.')
@_guarded
def models_remove(
    source: str = typer.Argument(..., help="Source language, or a package folder name (models list)."),
    target: Optional[str] = typer.Argument(None, help="Target language."),
    data_dir: Optional[Path] = DATA_OPT,
):
    """Remove an installed Argos package (FROM TO, or the folder name models list shows)."""
    from .models import remove

    folder = remove(source, target, _settings(data_dir, Path("locales")))
    typer.echo(f"removed {folder.name} ({folder})")



# --------------------------------------------------------------------------- export / import (XLIFF, TMX)

@app.command("export", short_help='Hand the memory to a CAT tool (XLIFF, TMX).')
@_guarded
def export_cmd(
    articles: List[str] = typer.Argument(..., help="Article files, folders or globs (or PO files) whose memory to export."),
    to: str = typer.Option(..., "--to", "-t", help="Target language of the memory (es, ca-valencia, pt_BR)."),
    fmt: str = typer.Option("xliff", "--format", help="xliff (XLIFF 1.2), xliff2 (XLIFF 2.0) or tmx (TMX 1.4b)."),
    output: Path = typer.Option(..., "--output", "-o", help="File to write."),
    locales: Path = LOCALES_OPT,
    as_json: bool = typer.Option(False, "--json", help="Print a machine-readable summary."),
):
    """Hand the memory to a CAT tool: XLIFF 1.2/2.0 (every entry, with its state) or TMX (approved pairs)."""
    from .exchange.transfer import export_memory

    result = export_memory(articles, _languages(to)[0], fmt.lower(), output, locales)
    if as_json:
        _print_json({"schema": "localize.export/1", **result.as_dict()})
    else:
        typer.echo(f"{result.path}: {result.units} unit(s) from {result.articles} article(s), "
                   f"{result.approved} approved ({result.format})")


@app.command("import", short_help="Take a CAT tool's work back.")
@_guarded
def import_cmd(
    file: Path = typer.Argument(..., help="An XLIFF file back from a CAT tool."),
    reviewer: Optional[str] = typer.Option(None, "--reviewer", help="Who approved in the CAT tool (default: the file's name)."),
    locales: Path = LOCALES_OPT,
    as_json: bool = typer.Option(False, "--json", help="Print every change as a document."),
):
    """Take a CAT tool's work back: approvals and edits into the PO memory (approvals are never lost)."""
    from .exchange.transfer import import_exchange

    result = import_exchange(file, locales, reviewer or f"CAT tool ({file.name})")
    if as_json:
        _print_json({"schema": "localize.import/1", **result.as_dict()})
        return
    console = _console()
    for c in result.changes:
        console.print(f"{c.action:>17}  {c.article_id} [{c.target}]  {_first_words(c.source)}")
    summary = ", ".join(f"{result.count(a)} {a}" for a in
                        ("approved", "edited", "replaced-approved", "unapproved", "filled", "kept-approval",
                         "not-in-memory") if result.count(a))
    console.print(f"{file}: {summary or 'nothing to change'}; {result.unchanged} unchanged")


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


def _command_path(args: list[str]) -> str:
    """``localize translate`` for ``translate story.txt --to``: the leading words naming commands."""
    command, path = typer.main.get_command(app), ["localize"]
    for arg in args:
        sub = getattr(command, "commands", {}).get(arg)
        if sub is None:
            break
        command = sub
        path.append(arg)
    return " ".join(path)


def main() -> None:  # console-script entry point
    try:  # typer >= 0.22 carries its own copy of click
        from typer._click import exceptions as click_errors
    except ImportError:
        from click import exceptions as click_errors

    try:
        # Not standalone: click's own error display (a boxed, terminal-wrapped panel) is replaced
        # by the one-line message every other failure gets.
        code = app(standalone_mode=False)
    except click_errors.UsageError as exc:  # a bad command line: exit 2
        if type(exc).__name__ == "NoArgsIsHelpError" and exc.ctx is not None:  # `localize models`: its help
            print(exc.ctx.get_help(), file=sys.stderr)
            sys.exit(exc.exit_code)
        # Some errors (an option missing its value) come without a context: the words of the
        # command line that name commands say which one it was.
        where = exc.ctx.command_path if exc.ctx is not None else _command_path(sys.argv[1:])
        what = " ".join(exc.format_message().split())
        root = exc.ctx.parent is None if exc.ctx is not None else where == "localize"
        at = "" if root else f"{where}: "  # "localize: localize: ..." would say nothing more
        print(f"localize: {at}{what} (see '{where} --help')", file=sys.stderr)
        sys.exit(exc.exit_code)
    except click_errors.ClickException as exc:
        print(f"localize: {' '.join(exc.format_message().split())}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except typer.Abort:
        error = as_localize_error(KeyboardInterrupt())
        _say_error(error)
        sys.exit(error.exit_code)
    except (Exception, KeyboardInterrupt) as exc:  # noqa: BLE001 - outside a command body
        error = as_localize_error(exc)
        _say_error(error)
        sys.exit(error.exit_code)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":  # python -m localize.cli
    main()
