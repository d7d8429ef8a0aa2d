"""Building: an article plus its reviewed memory -> the translated article, same blocks and layout.

Every translatable block is split into sentences exactly as ``localize translate`` split it;
each sentence is replaced by its translation from the memory, and the text between sentences,
the block markup and the blank lines are kept. A sentence without a translation stays in the
source language and is counted, as are translations not yet approved.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .articles import ARTICLE_SUFFIXES, Article
from .formats import fit
from .errors import BadInput, LocalizeError, Unreviewed
from .memory import Catalog, contexts_for, po_path
from .pofile import read_catalog
from .segment import split_sentences
from .translate import article_segments


@dataclass
class BuildSummary:
    approved: int = 0
    machine: int = 0
    untranslated: int = 0
    unreviewed: list[str] = field(default_factory=list)  # references of sentences not approved

    def as_dict(self) -> dict:
        return {"approved": self.approved, "machine": self.machine, "untranslated": self.untranslated,
                "unreviewed": self.unreviewed}


def load_catalog_for(article: Article, target: str, locales: Path) -> Catalog:
    path = po_path(locales, target, article.id)
    catalog = read_catalog(path)
    if catalog is None:
        raise BadInput(f"no {target} memory for this article ({path} does not exist)", article.source,
                       f"run `localize translate {article.source} --to {target}` first")
    return catalog


def _refuse_blocking_problems(article: Article, catalog: Catalog, terms=(), pairs=None) -> None:
    """The publishing gate: an approved entry with an error-level problem nobody accepted stops it."""
    from .checks import blocking_problems

    blocking = blocking_problems(catalog, terms, pairs)
    if blocking:
        shown = "; ".join(f"{p.reference} [{p.check}] {p.why}" for p in blocking[:5]) + \
            (" …" if len(blocking) > 5 else "")
        first = blocking[0]
        raise Unreviewed(f"{len(blocking)} error-level problem(s) on approved entries: {shown}", article.source,
                         f"fix them, or accept one: localize check {article.source} --to {catalog.target_lang} "
                         f"--accept {first.reference}:{first.check} --reviewer NAME")


def build_article(article: Article, catalog: Catalog, require_approved: bool = False,
                  terms=(), pairs=None) -> tuple[Article, BuildSummary]:
    """The translated article and what went into it. Raises Unreviewed when asked to and needed:
    an entry not approved, or an approved entry with an error-level problem no reviewer accepted.
    ``pairs``: the installed engine pairs (``checks.installed_pairs``), looked up once per run."""
    lang = catalog.source_lang or "en"
    segments = article_segments(article, lang)
    contexts = contexts_for(segments)
    lookup = {u.key: u for u in catalog.live()}
    summary = BuildSummary()
    translated: dict[str, str] = {}
    for seg, ctx in zip(segments, contexts):
        unit = lookup.get((ctx, seg.source))
        state = unit.state if unit else "untranslated"
        if state == "approved":
            summary.approved += 1
        elif state == "machine":
            summary.machine += 1
        else:
            summary.untranslated += 1
        if state != "approved":
            summary.unreviewed.append(seg.location or seg.reference)  # what the PO's #: says
        translated[seg.reference] = fit(article.format, unit.target, seg.role) if unit and unit.target \
            else seg.source
    if require_approved and summary.unreviewed:
        shown = ", ".join(summary.unreviewed[:8]) + (" …" if len(summary.unreviewed) > 8 else "")
        error = Unreviewed(f"{len(summary.unreviewed)} segment(s) not approved: {shown}", article.source,
                           "review them (localize review, or remove the fuzzy flag in the PO file)",
                           items=summary.unreviewed)
        error.summary = summary  # the counts still go into a JSON report
        raise error
    if require_approved:
        _refuse_blocking_problems(article, catalog, terms, pairs)

    texts = []
    for i, block in enumerate(article.blocks):
        if not block.translatable:
            texts.append(block.text)
            continue
        parts = []
        for j, sentence in enumerate(split_sentences(block.text, lang)):
            ref = f"{article.id}:{i + 1}.{j + 1}"
            parts.append(translated.get(ref, sentence.text) + sentence.gap)
        texts.append("".join(parts))
    return article.with_texts(texts), summary


def output_bytes(article: Article) -> bytes:
    """Bytes of a built article: the source's encoding and BOM when it can hold the text, else UTF-8."""
    try:
        return article.to_bytes()
    except UnicodeEncodeError:
        bom = b"\xef\xbb\xbf" if article.bom else b""
        return bom + article.render().encode("utf-8")


@dataclass
class BuildResult:
    path: str
    target: str
    output: str = ""
    summary: BuildSummary = field(default_factory=BuildSummary)
    skipped: str = ""
    error: LocalizeError | None = None
    notes: list[str] = field(default_factory=list)  # what reading the article noted (a DOCX paragraph kept)

    def as_dict(self) -> dict:
        doc = {"path": self.path, "target": self.target, "output": self.output or None,
               "ok": self.error is None, "skipped": self.skipped or None, **self.summary.as_dict(),
               "notes": self.notes}
        if self.error is not None:
            doc["error"] = self.error.line()
        return doc


def build_many(inputs: list[str], targets: list[str], locales: Path, *, output: Path | None = None,
               out_dir: Path | None = None, require_approved: bool = False,
               skip_missing: bool = False, stdin_name: str | None = None) -> list[BuildResult]:
    """Build every named article into every target language; failures are collected per article.

    With neither ``output`` nor ``out_dir`` the single built article goes to stdout. An article
    read from stdin ("-") is found in the memory by ``stdin_name``, the name it was translated with."""
    import sys

    from .articles import find_articles, read_article
    from .pofile import write_bytes_atomic

    paths, problems = find_articles(inputs)
    results = [BuildResult(p, ",".join(targets), error=e) for p, e in problems]
    if output is not None and (len(paths) > 1 or len(targets) > 1):
        return results + [BuildResult(",".join(paths), ",".join(targets), error=BadInput(
            "-o names one file, but several articles or languages were given", None, "use --out-dir"))]
    glossary = None  # the glossary's terms, loaded when the first approved build needs them
    pairs = None  # the installed engine pairs, looked up when the first approved build needs them
    for path in paths:
        try:
            article = read_article(path, id=stdin_name if path == "-" else None)
        except LocalizeError as error:
            results.append(BuildResult(path, ",".join(targets), error=error))
            continue
        written_in = WrittenIn(article, locales)
        for target in targets:
            result = BuildResult(path, target, notes=list(article.notes))
            results.append(result)
            if not po_path(locales, target, article.id).exists() and skip_missing:
                result.skipped = why_no_memory(written_in, target)
                continue
            try:
                terms = ()
                if require_approved:
                    from .glossary import load_glossary, terms_for

                    if glossary is None:  # read once per run, not once per article and language
                        glossary = load_glossary(locales)
                    terms = terms_for(glossary, target)
                    if pairs is None:
                        from .checks import installed_pairs

                        pairs = installed_pairs()
                built, result.summary = build_article(article, load_catalog_for(article, target, locales),
                                                      require_approved, terms, pairs)
            except LocalizeError as error:
                result.error = error
                if isinstance(error, Unreviewed):  # the counts still go into the JSON report
                    result.summary = getattr(error, "summary", None) or result.summary
                continue
            data = output_bytes(built)
            if out_dir is not None:
                dest = Path(out_dir) / target / built_name(Path(path).name, target)
                write_bytes_atomic(dest, data)
                result.output = str(dest)
            elif output is not None:
                write_bytes_atomic(output, data)
                result.output = str(output)
            else:
                sys.stdout.buffer.write(data)
                sys.stdout.flush()
    return results


class WrittenIn:
    """Whether an article is wholly written in a target language, as translate judged it when it
    skipped that target: a memory of it for another language, made from this very text, records
    its language; otherwise detection says so (no block in another language). Asked for every
    target of an article, it globs and detects once."""

    def __init__(self, article: Article, locales: Path):
        self.article, self.locales = article, Path(locales)

    @cached_property
    def _recorded(self) -> set[str]:
        langs = set()
        for po in sorted(self.locales.glob(f"*/LC_MESSAGES/{self.article.id}.po")):
            try:
                catalog = read_catalog(po)
            except LocalizeError:
                continue  # a broken memory of another language says nothing here; status shows it
            # Only a memory made from this very text counts: an article rewritten since (now in
            # another language) must not be waved through the gate on an old memory's word.
            if catalog is not None and catalog.headers.get("X-Article-SHA256") == self.article.digest:
                langs.add(catalog.source_lang)
        return langs

    @cached_property
    def _detected(self) -> str | None:
        from .detect import detect

        found = detect(self.article)
        return None if found.foreign_blocks else found.article.code

    def __call__(self, target: str) -> bool:
        return target in self._recorded or self._detected == target


def why_no_memory(written_in: WrittenIn, target: str) -> str:
    """Why an article has no ``target`` memory: "already in ca" (translate skipped it), else
    "no memory yet"."""
    return f"already in {target}" if written_in(target) else "no memory yet"


def built_name(name: str, target: str) -> str:
    """``story.en.txt`` -> ``story.es.txt``; a name without a language tag is kept."""
    import re

    suffixes = "|".join(re.escape(s[1:]) for s in ARTICLE_SUFFIXES)
    return re.sub(rf"\.[a-z]{{2}}(\.(?:{suffixes}))$", rf".{target}\1", name, flags=re.I)
