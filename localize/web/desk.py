"""What the review page shows and does, as plain functions over the library (no HTTP here).

The page owns no rule of its own: the queue order, the decision and its stamp are ``review``'s
(review_queue, record_decision), the problems are ``checks``' (check_catalog, check_unit), the preview
is ``build``'s (build_article). This module only gathers them per article and target language.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..articles import Article, article_id, find_articles, read_article
from ..checks import Problem, check_catalog
from ..errors import BadInput
from ..memory import Catalog, TranslationUnit, contexts_for, po_path
from ..pofile import read_catalog
from ..review import record_decision, review_queue

# Notes a reviewer needs beside the translation besides its provenance: memory matches, words the
# engine did not know.
SHOWN_NOTES = ("suggestion:", "unknown:")


@dataclass
class Entry:
    """One sentence of the article with its memory entry and the problems found on it."""

    number: int  # 1-based position in article order: the page's anchor
    reference: str  # "<article-id>:<block>.<sentence>", build's key
    location: str  # "<source file>:<line>", the PO reference a person can follow back
    block: int  # 1-based block number
    role: str
    source: str
    unit: TranslationUnit | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def notes(self) -> list[str]:
        """Provenance (who or what wrote the text, when), the machine's words once a person changed
        them, memory suggestions and the engine's unknown words: what a reviewer weighs."""
        u = self.unit
        if u is None:
            return []
        shown = []
        if u.origin:
            by = f" ({u.translated_by}{', ' + u.translated_on if u.translated_on else ''})" if u.translated_by else ""
            shown.append(f"origin: {u.origin}{by}")
        if u.machine_text and u.machine_text != u.target:
            shown.append(f"machine output: {u.machine_text}")
        return shown + [n for n in u.notes if n.startswith(SHOWN_NOTES)]


@dataclass
class Desk:
    """The articles being reviewed (by id: URLs carry ids, never paths) and where their memory lives."""

    articles: dict[str, str]  # article id -> path given on the command line
    locales: Path
    targets: tuple[str, ...] = ()  # empty: every language the memory has for an article
    reviewer: str = "reviewer"
    terms_for: Callable[[str], list] | None = None  # target -> glossary terms; None: no glossary

    def path_of(self, aid: str) -> str:
        if aid not in self.articles:
            raise KeyError(aid)
        return self.articles[aid]

    def languages(self, aid: str) -> list[str]:
        """Target languages of one article: the given ones, else the PO folders that hold it.

        Found by listing the memory, never by joining a name from a request into a path."""
        if self.targets:
            return list(self.targets)
        folders = Path(self.locales).iterdir() if Path(self.locales).is_dir() else []
        return sorted(f.name for f in folders if f.is_dir() and po_path(self.locales, f.name, aid).is_file())

    def po(self, aid: str, lang: str) -> Path:
        if aid not in self.articles or lang not in self.languages(aid):
            raise KeyError((aid, lang))
        return po_path(self.locales, lang, aid)

    def terms(self, lang: str):
        return self.terms_for(lang) if self.terms_for else ()


def open_desk(inputs: list[str], locales: Path, targets: list[str] | None = None,
              reviewer: str = "reviewer", glossary: bool = True) -> Desk:
    """The desk over the named articles; raises BadInput when none can be found."""
    paths, problems = find_articles(inputs)
    if problems:
        raise problems[0][1]
    if not paths:
        raise BadInput("no articles to review", " ".join(inputs), "name article files or folders")
    lookup = None
    if glossary:
        from functools import partial

        from ..glossary import load_glossary, terms_for

        # Read once: the glossary is not edited from the page.
        lookup = partial(terms_for, load_glossary(locales))
    return Desk({article_id(p): p for p in paths}, Path(locales), tuple(targets or ()), reviewer, lookup)


def _block_of(reference: str) -> int:
    return int(reference.rsplit(":", 1)[1].split(".")[0])


def load_article(desk: Desk, aid: str, lang: str) -> tuple[Article, Catalog | None, list[Entry], list[Problem]]:
    """The article, its memory, one Entry per sentence in article order, and every problem worst first."""
    from ..translate import article_segments

    article = read_article(desk.path_of(aid))
    catalog = read_catalog(desk.po(aid, lang))
    source_lang = catalog.source_lang if catalog and catalog.source_lang else "en"
    segments = article_segments(article, source_lang)
    units = {u.key: u for u in catalog.live()} if catalog else {}
    entries = [Entry(n, seg.reference, seg.location or seg.reference, _block_of(seg.reference), seg.role,
                     seg.source, units.get((ctx, seg.source)))
               for n, (seg, ctx) in enumerate(zip(segments, contexts_for(segments)), start=1)]
    problems: list[Problem] = []
    if catalog is not None:
        sentences = [(e.block - 1, e.source) for e in entries]
        problems = check_catalog(catalog, desk.terms(lang), source_sentences=sentences)
        # A problem names its entry by the unit's first reference (file:line, which two sentences of
        # one line share) and its source sentence.
        by_entry: dict[tuple[str, str], list[Problem]] = {}
        for p in problems:  # already worst first
            by_entry.setdefault((p.reference, p.source), []).append(p)
        for e in entries:
            if e.unit is not None and e.unit.references:
                e.problems = by_entry.get((e.unit.references[0], e.unit.source), [])
    return article, catalog, entries, problems


def article_state(desk: Desk, aid: str, lang: str) -> dict:
    """Counts for the index: approved / machine / untranslated, errors and warnings, next to review."""
    _, catalog, entries, problems = load_article(desk, aid, lang)
    counts = catalog.counts() if catalog else {"approved": 0, "machine": 0, "untranslated": len(entries)}
    queue = review_queue(catalog) if catalog else []
    return {"approved": counts["approved"], "machine": counts["machine"],
            "untranslated": counts["untranslated"],
            "errors": sum(p.level == "error" for p in problems),
            "warnings": sum(p.level == "warning" for p in problems),
            "to_review": len(queue), "has_memory": catalog is not None}


def check_text(desk: Desk, aid: str, lang: str, key: tuple[str | None, str], target: str) -> list[Problem]:
    """The problems the entry would have with ``target`` as its translation (nothing is written).

    The whole memory is checked with the edited text in place, as ``check`` would check it once saved
    (name checks look at the whole article), and the entry's own problems are kept."""
    catalog = read_catalog(desk.po(aid, lang))
    unit = catalog.find(key) if catalog else None
    if unit is None:
        return []
    edited = dataclasses.replace(unit, target=target)
    trial = dataclasses.replace(catalog, units=[edited if u is unit else u for u in catalog.units])
    mine = (edited.references[0] if edited.references else "", edited.source)
    return [p for p in check_catalog(trial, desk.terms(lang)) if (p.reference, p.source) == mine]


def approve(desk: Desk, aid: str, lang: str, key: tuple[str | None, str], target: str,
            seen: tuple[str, bool]) -> TranslationUnit:
    """Approve one entry with ``target``: review's record_decision (locked, atomic, canonical, reviewer
    stamped), which raises StaleEntry and writes nothing if the entry is no longer as ``seen``."""
    return record_decision(desk.po(aid, lang), key, target, desk.reviewer, seen=seen)


def preview(desk: Desk, aid: str, lang: str) -> tuple[str, dict]:
    """The built article as text (approved and machine translations in place) and build's summary."""
    from ..build import build_article

    article = read_article(desk.path_of(aid))
    catalog = read_catalog(desk.po(aid, lang))
    if catalog is None:
        return article.render(), {}
    built, summary = build_article(article, catalog)
    return built.render(), summary.as_dict()
