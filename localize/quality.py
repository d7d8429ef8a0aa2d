"""Checking articles' memories: reads each article and its PO file, runs the checks."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .articles import find_articles, read_article
from .build import WrittenIn, load_catalog_for
from .checks import Problem, check_catalog, installed_pairs
from .errors import LocalizeError
from .glossary import load_glossary, terms_for
from .memory import po_path
from .translate import article_segments


@dataclass
class CheckRun:
    """What ``check_articles`` found: problems (worst first) per article checked, articles that
    could not be checked, and articles skipped with the reason (already in the target language)."""

    results: list[tuple[str, list[Problem]]] = field(default_factory=list)
    errors: list[tuple[str, LocalizeError]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)


def check_articles(inputs: list[str], target: str, locales: Path, enabled: frozenset[str]) -> CheckRun:
    """Check each article's ``target`` memory. An article with no memory because it is already in
    ``target`` (translate skipped it) is skipped, not an error: a folder of mixed wire copy passes
    the gate when everything that needed translating is clean."""
    paths, problems = find_articles(inputs)
    run = CheckRun(errors=list(problems))
    terms = terms_for(load_glossary(locales), target)
    pairs = installed_pairs() if enabled & {"names", "quotes"} else []  # once per run, not per article
    for path in paths:
        try:
            article = read_article(path)
        except LocalizeError as error:
            run.errors.append((path, error))
            continue
        if not po_path(locales, target, article.id).exists() and WrittenIn(article, locales)(target):
            run.skipped.append((path, f"already in {target}"))
            continue
        try:
            catalog = load_catalog_for(article, target, locales)
        except LocalizeError as error:
            run.errors.append((path, error))
            continue
        sentences = [(int(s.reference.rsplit(":", 1)[1].split(".")[0]) - 1, s.source)
                     for s in article_segments(article, catalog.source_lang or "en")]
        run.results.append((path, check_catalog(catalog, terms, enabled, sentences, pairs)))
    return run


def accept_problems(article_path: str, target: str, locales: Path, accepts: list[str], reviewer: str) -> list[str]:
    """Record a reviewer's acceptance of problems (``REF:CHECK_ID`` each) in the article's memory,
    as translator comments the publishing gate honours. Returns what was recorded."""
    from .checks import CHECK_IDS, accept_problem, check_unit
    from .errors import BadInput
    from .pofile import locked, now, read_catalog, write_catalog

    wanted = []
    for item in accepts:
        ref, sep, check_id = item.rpartition(":")
        if not sep or check_id not in CHECK_IDS or not ref:
            raise BadInput(f"--accept {item!r} is not REFERENCE:CHECK_ID", None,
                           f"give e.g. story.en.txt:3:numbers; check ids: {', '.join(CHECK_IDS)}")
        wanted.append((ref, check_id))
    article = read_article(article_path)
    path = po_path(locales, target, article.id)
    done = []
    with locked(path):
        catalog = read_catalog(path)
        if catalog is None:
            raise BadInput(f"no {target} memory for this article ({path} does not exist)", article_path,
                           f"run `localize translate {article_path} --to {target}` first")
        stamp = now()[:10]
        for ref, check_id in wanted:
            # A reference is a source line, and a line can hold several sentences: the acceptance
            # goes to those of its entries that have this problem (all of them if none has it now).
            units = [u for u in catalog.live() if ref in u.references]
            if not units:
                raise BadInput(f"no entry {ref} in the {target} memory", str(path),
                               "use a reference that localize check prints")
            having = [u for u in units if any(p.check == check_id
                                              for p in check_unit(u, catalog.source_lang, target))]
            for unit in having or units:
                accept_problem(unit, check_id, reviewer, stamp)
            done.append(f"{ref}: accepted {check_id} by {reviewer} on {stamp}")
        write_catalog(path, catalog)
    return done
