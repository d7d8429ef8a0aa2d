"""Translating articles into PO memory: plan every article, machine-translate only what is new
(all articles together, identical sentences once, one engine call per route), then merge the
results into each article's PO file under its lock.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from .articles import Article, find_articles, read_article
from .detect import detect
from .engines import Route, find_route, translate_route
from .errors import BadInput, LanguageUndetermined, LocalizeError, NoEngineForPair
from .exchange.tm import apply_tms
from .markup import from_fragment, to_fragment
from .memory import (Catalog, MemoryIndex, SegmentRef, machine_units_to_redo, made_for_another_source, merge_segments,
                     po_path, source_label, units_digest)
from .pofile import (BLOCK_RUN_SIGNATURE, RUN_SIGNATURE, file_is_as_written, SOURCE_DETECTION, load_memory_index,
                     locked, now, read_catalog, write_catalog)
from .segment import split_sentences
from .settings import Settings

Progress = Callable[[str, int, int], None]


@dataclass
class TranslateResult:
    path: str
    article_id: str
    target: str
    po_file: str = ""
    source_lang: str = ""
    machine_translated: int = 0
    reused: int = 0
    counts: dict = field(default_factory=dict)
    route: str = ""
    reads_as: dict | None = None  # translationese verdict of the source (when detected)
    kept: list[str] = field(default_factory=list)  # blocks kept as they are, and why
    foreign: list[str] = field(default_factory=list)  # blocks translated from their own language, and how
    block_notes: list[str] = field(default_factory=list)  # the lines of kept and foreign, in block order
    notes: list[str] = field(default_factory=list)  # what reading the article noted (legacy encoding, kept parts)
    skipped: str = ""
    error: Optional[LocalizeError] = None

    def as_dict(self) -> dict:
        doc = {"path": self.path, "id": self.article_id, "target": self.target, "po_file": self.po_file,
               "source_language": self.source_lang, "machine_translated": self.machine_translated,
               "reused": self.reused, "counts": self.counts, "engine": self.route, "ok": self.error is None,
               "skipped": self.skipped or None, "source_reads_as": self.reads_as,
               "kept_blocks": self.kept, "foreign_blocks": self.foreign, "notes": self.notes}
        if self.error is not None:
            doc["error"] = self.error.line()
        return doc


@dataclass
class _Job:
    article: Article
    source_lang: str
    detected: str
    target: str
    po: Path
    segments: list[SegmentRef]
    result: TranslateResult
    todo: list[str] = field(default_factory=list)
    route: Optional[Route] = None  # the route from the article's language
    signature: str = ""  # run_signature of route and settings: what machine entries are stamped with
    force: bool = False
    languages: dict[str, str] = field(default_factory=dict)  # sentence -> its block's language
    routes: dict[str, Route] = field(default_factory=dict)  # block language -> its route
    signatures: dict[str, str] = field(default_factory=dict)  # block language -> its run signature

    def language_of(self, sentence: str) -> str:
        return self.languages.get(sentence, self.source_lang)

    def route_for(self, sentence: str) -> Optional[Route]:
        """The route this sentence is translated by; None when it is kept as it is."""
        return self.routes.get(self.language_of(sentence))

    def signature_for(self, sentence: str) -> str:
        return self.signatures.get(self.language_of(sentence), "")


def article_segments(article: Article, lang: str) -> list[SegmentRef]:
    """Every sentence of the article's translatable blocks, in order, with its reference."""
    from .memory import reference_file

    out = []
    where = reference_file(article.source, article.id)
    line = 1 + article.head.count("\n")  # the line each block's text starts on, for the PO references
    for i, block in enumerate(article.blocks):
        line += block.lead.count("\n")
        at = line
        if block.translatable:
            for j, sentence in enumerate(split_sentences(block.text, lang)):
                if sentence.text.strip():
                    blank_lines = sentence.text[: len(sentence.text) - len(sentence.text.lstrip())].count("\n")
                    out.append(SegmentRef(sentence.text, block.role, f"{article.id}:{i + 1}.{j + 1}",
                                          f"{where}:{at + blank_lines}"))
                at += (sentence.text + sentence.gap).count("\n")
        line += block.text.count("\n") + block.trail.count("\n")
    return out


def sentence_languages(article: Article, lang: str, block_languages: list[str]) -> dict[str, str]:
    """Each sentence's language: that of the block it comes from (the first block, if repeated)."""
    out: dict[str, str] = {}
    for i, block in enumerate(article.blocks):
        if block.translatable:
            for sentence in split_sentences(block.text, lang):
                out.setdefault(sentence.text, block_languages[i])
    return out


def block_languages(article: Article, lang: str, language) -> list[str]:
    """The language each block is translated from: its own where detection found it clearly foreign,
    else the article's (also for every block when the language was given with --from)."""
    if language is None:
        return [lang] * len(article.blocks)
    return [b.guess.code if b.foreign else lang for b in language.blocks]


def source_language(article: Article, given: str | None):
    """(language to translate from, how it was found, the detection or None) — ``--from`` wins."""
    if given:
        return given, f"{given} (given with --from)", None
    language = detect(article)
    guess = language.article
    if guess.code == "und":
        raise LanguageUndetermined("cannot tell what language the article is in", article.source,
                                   "give it with --from")
    return guess.code, f"{guess.code} (detected, confidence {guess.confidence:.2f})", language


def _read_and_detect(path: str, source: str | None, name: str | None = None):
    """One article read, its source language found, and whether it reads as a translation."""
    from .translationese import assess

    try:
        if path == "-" and not name:  # refused before stdin is read: its memory would have no name
            raise BadInput("an article read from stdin has no name for its memory", "-", "name it with --id NAME")
        article = read_article(path, id=name if path == "-" else None)
        lang, how, language = source_language(article, source)
        reads_as = None
        blocks = block_languages(article, lang, language)
        if language is not None:
            report = assess(article, language)
            reads_as = {"verdict": report.verdict,
                        "score": None if report.score is None else round(report.score, 3),
                        "origin_candidates": report.origin_candidates}
        return article, (lang, blocks), how, reads_as, None
    except LocalizeError as error:
        return None, ("", []), "", None, error


def translate_articles(inputs: list[str], targets: list[str], settings: Settings,
                       source: str | None = None, progress: Progress | None = None,
                       force: bool = False, stdin_name: str | None = None) -> list[TranslateResult]:
    """Translate articles (files, folders, globs) into each target language's PO memory.

    Articles go in groups of ``settings.batch_articles``: each group is read, planned, machine-
    translated (identical sentences once, across the group and every group before it) and written
    before the next starts, so an interrupted run keeps what it finished and a restart resumes.
    Machine entries made with other settings (source language, engine or its version, glossary,
    beam) are translated again; ``force`` redoes all machine entries. Approved ones never change.
    """
    for tm in settings.tm_files:  # checked before any work: a rerun with nothing new never opens them
        if not Path(tm).is_file():
            raise BadInput("no such file" if not Path(tm).exists() else "is not a file", tm, "check the --tm path")
    paths, problems = find_articles(inputs)
    results: list[TranslateResult] = [TranslateResult(p, "", ",".join(targets), error=e) for p, e in problems]
    indexes: dict[tuple[str, str], MemoryIndex] = {}
    signatures: dict = {}  # (source, target) -> (route, run signature), found once per run
    translations: dict = {}
    single = len(paths) == 1 and len(targets) == 1
    pool = None
    if settings.jobs > 1 and len(paths) > 1:
        from .workers import worker_pool

        pool = worker_pool(settings.jobs)  # workers die with this process (kill -9 included)
    try:
        done = 0
        for start in range(0, len(paths), max(1, settings.batch_articles)):
            batch = paths[start:start + settings.batch_articles]
            group = [p for p in batch if force or not _unchanged(p, targets, settings, results, source, signatures)]
            done += len(batch) - len(group)  # unchanged since the last run: done without reading
            if pool is not None:
                read = list(pool.map(_read_and_detect, group, [source] * len(group), [stdin_name] * len(group),
                                     chunksize=4))
            else:
                read = [_read_and_detect(p, source, stdin_name) for p in group]
            jobs: list[_Job] = []
            for path, (article, lang, how, reads_as, error) in zip(group, read):
                done += 1
                if progress:
                    progress("reading", done, len(paths))
                if error is not None:
                    results.append(TranslateResult(path, "", ",".join(targets), error=error))
                    continue
                first = len(results)
                jobs += _plan(article, path, lang, how, targets, settings, indexes, signatures, results, single, force)
                for r in results[first:]:
                    r.reads_as, r.notes = reads_as, list(article.notes)
            failures = _machine_translate(jobs, settings, translations, progress)
            for job in jobs:
                failed = [failures[r] for r in job.routes.values() if r in failures]
                if failed:
                    job.result.error = failed[0]
                    continue
                try:
                    _commit(job, translations, indexes[(job.source_lang, job.target)], settings)
                except LocalizeError as error:
                    job.result.error = error
    finally:
        if pool is not None:
            pool.shutdown()
    return _completed(results, _input_order(inputs, [p for p, _ in problems] + paths), targets)


def _input_order(inputs: list[str], paths: list[str]) -> list[str]:
    """``paths`` ordered by the argument that named them (a file, a folder holding it, a glob),
    then as found: missing files and bad folders keep their place among the arguments."""
    from fnmatch import fnmatch

    def argument(path: str) -> int:
        for i, item in enumerate(inputs):
            if path == item or fnmatch(path, item):
                return i
            try:
                if path != "-" and item != "-" and Path(path).is_relative_to(Path(item)):
                    return i
            except ValueError:
                continue
        return len(inputs)

    found = {p: n for n, p in enumerate(paths)}
    return sorted(paths, key=lambda p: (argument(p), found[p]))


def _completed(results: list[TranslateResult], order: list[str], targets: list[str]) -> list[TranslateResult]:
    """Results in ``order`` (then target languages as given), each with its memory's full counts,
    also for articles skipped as unchanged."""
    for r in results:
        if not r.counts and r.error is None and r.po_file:
            try:
                catalog = read_catalog(Path(r.po_file))
            except LocalizeError:
                catalog = None
            if catalog is not None:
                r.counts = catalog.counts()
    rank = {p: i for i, p in enumerate(order)}
    lang_rank = {t: i for i, t in enumerate(targets)}
    return sorted(results, key=lambda r: (rank.get(r.path, len(rank)), lang_rank.get(r.target, -1)))


def run_signature(route: Route, settings: Settings, locales_terms: tuple) -> str:
    """Everything that shapes machine output, sacrebleu style: engine, pair, model and version,
    pivot (Route.provenance), the beam where the engine has one, and the glossary terms in use.
    Machine entries are stamped with it (``translated by:``); a rerun redoes those it differs on."""
    import hashlib

    parts = [route.provenance()]
    if route.engine == "argos":
        parts.append(f"beam={settings.beam}")
    if locales_terms:
        digest = hashlib.sha256(repr(sorted(map(repr, locales_terms))).encode("utf-8")).hexdigest()
        parts.append(f"glossary={digest[:GLOSSARY_DIGEST_CHARS]}")
    return " ".join(parts)


GLOSSARY_DIGEST_CHARS = 12  # 48 bits: enough to tell two glossaries apart, short enough to read


def _signature_for(source_lang: str, target: str, settings: Settings,
                   known: dict) -> tuple[Optional[Route], str]:
    """(route, run signature) for a pair, or (None, "") when no engine covers it. ``known`` holds
    the run's answers (and its glossary under None), so a batch finds each route and reads the
    glossary once, not once per article."""
    from .glossary import load_glossary, terms_for

    if (source_lang, target) not in known:
        try:
            route = find_route(source_lang, target, settings, settings.engine)
        except NoEngineForPair:
            known[(source_lang, target)] = (None, "")
        else:
            if None not in known:
                known[None] = load_glossary(settings.locales)
            terms = tuple(terms_for(known[None], route.hops[-1].target))
            known[(source_lang, target)] = (route, run_signature(route, settings, terms))
    return known[(source_lang, target)]


def _unchanged(path: str, targets: list[str], settings: Settings, results: list[TranslateResult],
               source: str | None, signatures: dict) -> bool:
    """The fast path of a rerun, taken only when it is proven that the work would change nothing:
    the article's bytes are those the memory was made from, the source language is the same
    (given again with --from, or detected from those same bytes), each memory's entries and
    states are as localize last wrote them (no tool obsoleted, emptied or changed one since), no
    entry is untranslated, and the run signature (engine, version, glossary, beam) is the same.
    Otherwise the work is done (it leaves a current file byte for byte alone)."""
    import hashlib

    from .articles import article_id
    from .pofile import MEMORY_DIGEST, RUN_SIGNATURE, SOURCE_DETECTION

    if path == "-":
        return False
    from .articles import read_article_bytes

    try:
        digest = hashlib.sha256(read_article_bytes(path)).hexdigest()
    except LocalizeError:
        return False  # read_article will report it
    ident = article_id(path)
    found = []
    for target in targets:
        po = po_path(settings.locales, target, ident)
        if not _as_written(po):
            return False  # missing, or another tool changed or re-wrapped it: the work sees to it
        try:
            catalog = read_catalog(po)  # as localize wrote it: no msgfmt run needed
        except LocalizeError:
            return False  # the work reports it
        if catalog is None:
            return False
        head = catalog.headers
        given = "given with --from" in head.get(SOURCE_DETECTION, "")
        if (head.get("X-Article-SHA256") != digest or head.get(MEMORY_DIGEST) != units_digest(catalog.units)
                or (source and source != catalog.source_lang) or (not source and given)
                or any(not u.target for u in catalog.live())):
            return False
        if catalog.source_lang == target:  # only blocks in other languages were translated
            if head.get(RUN_SIGNATURE):
                return False
        else:
            route, signature = _signature_for(catalog.source_lang, target, settings, signatures)
            if route is None or head.get(RUN_SIGNATURE) != signature:
                return False
        if not _block_routes_unchanged(catalog, target, settings, signatures):
            return False
        found.append((target, po, catalog))
    for target, po, catalog in found:
        results.append(TranslateResult(path, ident, target, po_file=str(po), source_lang=catalog.source_lang,
                                       counts=catalog.counts(), skipped="unchanged since the last run"))
    return True


def _block_routes_unchanged(catalog: Catalog, target: str, settings: Settings, signatures: dict) -> bool:
    """Whether the routes of the article's blocks in other languages are those its machine entries
    were made by: each language's recorded signature (``X-Localize-Run-fr``) is still the one its
    route gives, and every machine entry was made by the article's route or one of those (a memory
    written before they were recorded does the work once, which records them)."""
    head = catalog.headers
    made_by = {head.get(RUN_SIGNATURE)}
    for key, recorded in head.items():
        if key.startswith(BLOCK_RUN_SIGNATURE):
            code = key[len(BLOCK_RUN_SIGNATURE):]
            if code == target:  # never written so (such blocks are kept): the work sees to the file
                return False
            route, signature = _signature_for(code, target, settings, signatures)
            if route is None or recorded != signature:
                return False
            made_by.add(recorded)
    return all(u.translated_by in made_by for u in machine_units_to_redo(catalog, "", force=True))


def _plan(article: Article, path: str, lang: str, how: str, targets: list[str], settings: Settings,
          indexes: dict, signatures: dict, results: list[TranslateResult], single: bool, force: bool = False) -> list[_Job]:
    """Merge the article into each target's memory and list what needs machine translation.

    Each sentence goes by the route from its own block's language; sentences already in the target
    language, and those in a language no installed engine translates, are kept as they are."""
    lang, blocks = lang
    segments = article_segments(article, lang)
    languages = sentence_languages(article, lang, blocks)
    jobs = []
    for target in targets:
        result = TranslateResult(path, article.id, target, source_lang=lang)
        results.append(result)
        if target == lang and all(code == lang for code in blocks):
            # In a batch (several articles or targets) this is routine: the article needs no
            # translation into its own language. Asked for alone, it is a mistake to report.
            if single:
                result.error = BadInput(f"the article is already in {target}", path,
                                        "choose another --to, or give --from if detection was wrong")
            else:
                result.skipped = f"already in {target}"
            continue
        po = po_path(settings.locales, target, article.id)
        result.po_file = str(po)
        job = _Job(article, lang, how, target, po, segments, result, force=force, languages=languages)
        try:
            catalog = read_catalog(po)
            _refuse_foreign(catalog, article, po)
            # Machine output made from another source language (a --from given or corrected) must be
            # made again from this one: with no engine for it, that is a failure, not a silent relabel.
            relabelled = catalog is not None and catalog.source_lang != lang and \
                bool(machine_units_to_redo(catalog, "", force=True))
            catalog = catalog or Catalog(article.id, lang, target)
            key = (lang, target)
            if key not in indexes:
                indexes[key] = load_memory_index(settings.locales, lang, target)
            need = merge_segments(catalog, segments, indexes[key], settings.fuzzy_threshold)
            need = apply_tms(need, settings.tm_files, lang, target, settings.fuzzy_threshold)
            # An article in the target language with blocks in others (a quote): those blocks are
            # translated, its own are kept as written, and it needs no route of its own.
            if lang != target:
                job.route, job.signature = _signature_for(lang, target, settings, signatures)
            if job.route is not None:
                job.routes[lang], job.signatures[lang] = job.route, job.signature
            elif lang != target and (relabelled or any(job.language_of(u.source) == lang for u in need)):
                find_route(lang, target, settings, settings.engine)  # raises NoEngineForPair, naming what is installed
            # Every block language's route, not only those of new sentences: a rerun redoes the
            # machine entries of every block by its own route's signature, and reports each block.
            codes = {code for block, code in zip(article.blocks, blocks) if block.translatable}
            for code in sorted(codes - {target, lang}):
                route, signature = _signature_for(code, target, settings, signatures)
                if route is not None:
                    job.routes[code], job.signatures[code] = route, signature
            job.todo = [u.source for u in need + _machine_output_to_redo(catalog, job)]
            result.foreign, result.kept, result.block_notes = _block_notes(article, blocks, target, job.routes, lang)
        except LocalizeError as error:
            result.error = error
            continue
        jobs.append(job)
    return jobs


def _machine_output_to_redo(catalog: Catalog, job: _Job) -> list:
    """Machine entries the current settings would not produce, each judged by the signature of the
    route its own block's language takes (blocks in other languages go by other routes)."""
    every = machine_units_to_redo(catalog, "", force=True)
    return [u for u in every if job.signature_for(u.source)
            and (job.force or u.translated_by != job.signature_for(u.source))]


def _as_written(po: Path) -> bool:
    try:
        return file_is_as_written(po.read_bytes())
    except OSError:
        return False


def _refuse_foreign(catalog: Catalog | None, article: Article, po: Path) -> None:
    """Never merge an article into a memory made for another file (its approvals would go obsolete)."""
    from .errors import ForeignMemory

    other = made_for_another_source(catalog.headers, article.source, article.id) if catalog else None
    if other:
        raise ForeignMemory(f"this memory was made for {other}, not for {source_label(article.source)}", str(po),
                            "rename one of the articles (the memory is named after the file), or move the memory away")


def _block_notes(article: Article, blocks: list[str], target: str, routes: dict,
                 lang: str) -> tuple[list[str], list[str], list[str]]:
    """(foreign, kept, both in block order): one line per translatable block not in the article's
    language. Foreign: translated from its own language, with its route (the report's table names
    the article's language only). Kept: not machine-translated, already in the target or no engine
    for it."""
    foreign, kept, ordered = [], [], []
    for i, (block, code) in enumerate(zip(article.blocks, blocks)):
        if not block.translatable or code == lang:
            continue
        if code == target:
            line, into = f"block {i + 1}: already in {code}, kept as it is", kept
        elif code not in routes:
            line, into = (f"block {i + 1}: in {code}, which no installed engine translates into {target}; "
                          "kept as it is"), kept
        else:
            line, into = f"block {i + 1}: in {code}, translated from {code} by {routes[code].provenance()}", foreign
        into.append(line)
        ordered.append(line)
    return foreign, kept, ordered


def _machine_translate(jobs: list[_Job], settings: Settings, out: dict, progress: Progress | None):
    """One engine call per route (in pieces of 256 sentences) over the new unique sentences of
    the jobs; results go into ``out``, keyed by (route, sentence), so no sentence is translated
    twice in a run. Apertium pieces run ``settings.jobs`` at a time. Returns the routes that failed."""
    from .glossary import load_glossary, terms_for

    by_route: dict[Route, dict[str, None]] = {}
    markdown: dict[str, str] = {}  # sentence -> how engines see it (formats.FRAGMENT_KIND)
    for job in jobs:
        for s in job.todo:
            route = job.route_for(s)
            if route is None:
                continue
            if (route, s) not in out:
                by_route.setdefault(route, {})[s] = None
            markdown[s] = _fragment_kind(markdown.get(s), job.article.format)
    failures: dict[Route, LocalizeError] = {}
    if not any(by_route.values()):
        return failures
    glossary = load_glossary(settings.locales)
    total = sum(len(b) for b in by_route.values())
    done = 0
    for route, bucket in by_route.items():
        sources = list(bucket)
        terms = tuple(terms_for(glossary, route.hops[-1].target))
        pieces = [sources[i:i + 256] for i in range(0, len(sources), 256)]

        def run(piece):
            return piece, translate_route(route, [to_fragment(s, markdown[s]) for s in piece], settings, terms)

        try:
            if route.engine == "apertium" and settings.jobs > 1 and len(pieces) > 1:
                from concurrent.futures import ThreadPoolExecutor

                with ThreadPoolExecutor(settings.jobs) as threads:
                    finished = threads.map(run, pieces)
                    for piece, outputs in finished:
                        done = _store(out, route, piece, outputs, markdown, done, total, progress)
            else:
                for piece in pieces:
                    done = _store(out, route, *run(piece), markdown, done, total, progress)
        except LocalizeError as error:
            failures[route] = error
    return failures


def _fragment_kind(seen: str | None, fmt: str) -> str:
    """The one fragment kind for a sentence met in several articles: markup wins over plain text."""
    from .formats import FRAGMENT_KIND

    kind = FRAGMENT_KIND.get(fmt, "text")
    return seen if seen and seen != "text" else kind


def _store(out, route, piece, outputs, markdown, done, total, progress) -> int:
    for s, o in zip(piece, outputs):
        out[(route, s)] = (from_fragment(o.text, markdown[s]), o.unknown_words)
    done += len(piece)
    if progress:
        progress("translating", done, total)
    return done


def _commit(job: _Job, translations, index: MemoryIndex, settings: Settings) -> None:
    """Merge again under the lock (someone may have reviewed meanwhile), fill in MT, write."""
    result = job.result
    with locked(job.po):
        existing = read_catalog(job.po)
        _refuse_foreign(existing, job.article, job.po)
        catalog = existing or Catalog(job.article.id, job.source_lang, job.target)
        snapshot = (copy.deepcopy(catalog.units), dict(catalog.headers)) if existing else None
        catalog.source_lang, catalog.target_lang = job.source_lang, job.target
        catalog.headers[SOURCE_DETECTION] = job.detected
        if job.signature:
            catalog.headers[RUN_SIGNATURE] = job.signature
        else:  # no route for the article's own language (it is the target's, or none is installed)
            catalog.headers.pop(RUN_SIGNATURE, None)
        for key in [k for k in catalog.headers if k.startswith(BLOCK_RUN_SIGNATURE)]:
            del catalog.headers[key]  # blocks in other languages: the routes of this run only
        for code, signature in sorted(job.signatures.items()):
            if code != job.source_lang:
                catalog.headers[BLOCK_RUN_SIGNATURE + code] = signature
        catalog.headers["X-Article-Source"] = (source_label(job.article.source) if job.article.source != "-"
                                               else f"stdin:{job.article.id}")
        catalog.headers["X-Article-SHA256"] = job.article.digest
        before = {u.key: u.target for u in catalog.units if not u.obsolete}
        stamp = now()
        need = merge_segments(catalog, job.segments, index, settings.fuzzy_threshold, stamp)
        need = apply_tms(need, settings.tm_files, job.source_lang, job.target, settings.fuzzy_threshold)
        need += _machine_output_to_redo(catalog, job)
        for unit in need:
            if job.language_of(unit.source) == job.target:
                # already in the target language (contract 1: origin "source", not machine output)
                unit.set_reused(unit.source, False, "already in the target language", stamp, origin="source")
                continue
            route = job.route_for(unit.source)
            hit = translations.get((route, unit.source)) if route else None
            if hit is None:
                continue
            unit.set_machine_output(hit[0], job.signature_for(unit.source), stamp)
            unit.set_note("unknown:", ", ".join(hit[1]) if hit[1] else None)
            result.machine_translated += 1
        result.reused = sum(1 for u in catalog.live() if u.key not in before and u.target
                            and u.origin == "memory")
        if job.routes:
            result.route = "; ".join(r.provenance() for r in
                                     ([job.route] if job.route else []) +
                                     [r for c, r in sorted(job.routes.items()) if c != job.source_lang])
        unchanged = snapshot is not None and snapshot[0] == catalog.units and all(
            snapshot[1].get(k) == v for k, v in catalog.headers.items()) and \
            snapshot[1].keys() <= catalog.headers.keys() and \
            snapshot[1].get("X-Source-Language") == catalog.source_lang and _as_written(job.po)
        if not unchanged:  # a rerun on an unchanged article leaves the file alone, byte for byte
            write_catalog(job.po, catalog)
        result.counts = catalog.counts()
