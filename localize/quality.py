"""Checking articles' memories: reads each article and its PO file, runs the checks."""
from __future__ import annotations

from pathlib import Path

from .articles import find_articles, read_article
from .build import load_catalog_for
from .checks import Problem, check_catalog
from .errors import LocalizeError
from .glossary import load_glossary, terms_for
from .translate import article_segments


def check_articles(inputs: list[str], target: str, locales: Path, enabled: frozenset[str]
                   ) -> tuple[list[tuple[str, list[Problem]]], list[tuple[str, LocalizeError]]]:
    """(path, problems worst first) per article, and the articles that could not be checked."""
    paths, problems = find_articles(inputs)
    errors: list[tuple[str, LocalizeError]] = list(problems)
    terms = terms_for(load_glossary(locales), target)
    results = []
    for path in paths:
        try:
            article = read_article(path)
            catalog = load_catalog_for(article, target, locales)
        except LocalizeError as error:
            errors.append((path, error))
            continue
        sentences = [(int(s.reference.rsplit(":", 1)[1].split(".")[0]) - 1, s.source)
                     for s in article_segments(article, catalog.source_lang or "en")]
        results.append((path, check_catalog(catalog, terms, enabled, sentences)))
    return results, errors
