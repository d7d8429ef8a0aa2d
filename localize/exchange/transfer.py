"""Between the PO memory and the exchange formats: export an article's memory, import a CAT tool's
file back, under the memory's own lock and atomic write (``localize.pofile``).

Import rules (the memory's promise that a reviewed translation is never overwritten by a machine):

* an entry the file approves becomes approved with the file's text;
* an approved entry stays approved with its text unless the file approves other text, or a person
  changed the text in the CAT tool (an unapproved target that no machine or match made: XLIFF 1.2
  state="translated" without an MT/match qualifier, XLIFF 2.0 "translated" without localize's
  subState); then the new text waits for review and the old approved text is kept in a note;
* machine output or a match in the file never replaces a translation;
* units the memory does not hold (the article changed since the export) are reported, not added.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import BadInput
from ..languages import parse_language
from ..memory import Catalog, TranslationUnit, po_path
from ..pofile import provenance_notes
from . import (APPROVED, EDITED, MACHINE, SUGGESTION, UNTRANSLATED, ExchangedFile, ExchangedUnit,
               safe_parser_options, unit_id)

PREVIOUSLY_APPROVED_NOTE = "previously approved:"


def _version() -> str:
    from .. import __version__

    return __version__


# --------------------------------------------------------------------------- export

@dataclass
class ExportResult:
    path: str
    format: str
    articles: int = 0
    units: int = 0
    approved: int = 0

    def as_dict(self) -> dict:
        return {"path": self.path, "format": self.format, "articles": self.articles,
                "units": self.units, "approved": self.approved}


def status_of(unit: TranslationUnit) -> str:
    """The exchange status of a memory entry, from its state and the provenance it carries."""
    if not unit.target:
        return UNTRANSLATED
    if unit.approved:
        return APPROVED
    origin = (unit.origin or unit.note("origin:") or "").lower()
    if unit.holds_machine_text or origin.startswith("machine"):
        return MACHINE
    if origin.startswith("person") or origin.startswith("edited"):
        return EDITED
    return SUGGESTION


def exchanged_file(catalog: Catalog, source_lang: str, target_lang: str) -> ExchangedFile:
    f = ExchangedFile(catalog.article_id, parse_language(source_lang).bcp47, parse_language(target_lang).bcp47)
    for u in catalog.live():
        f.units.append(ExchangedUnit(u.source, u.target, u.context, status_of(u),
                                     notes=provenance_notes(u) + list(u.notes),
                                     comments=list(u.comments), references=list(u.references)))
    return f


def _articles_to_export(items: list[str]) -> list[tuple[str, bool]]:
    """(path, named on the command line) for each article or PO file: folders and globs expand to
    the articles in them, as for every other command; a file is taken as named (its memory is
    exported even when the article itself has been moved away)."""
    from ..articles import find_articles

    out = []
    for item in items:
        if Path(item).is_dir() or any(c in item for c in "*?["):
            paths, problems = find_articles([item])
            if problems:
                raise problems[0][1]
            out += [(p, False) for p in paths]
        else:
            out.append((item, True))
    return out


def export_memory(articles: list[str], target: str, fmt: str, out: Path, locales: Path) -> ExportResult:
    """Write the ``target`` memory of ``articles`` (article files, or their PO files) as one
    XLIFF 1.2 (``xliff``), XLIFF 2.0 (``xliff2``) or TMX 1.4b (``tmx``) file."""
    from ..articles import article_id
    from ..pofile import read_catalog, write_bytes_atomic
    from .tmx import write_tmx
    from .xliff import write_xliff12, write_xliff20

    writers = {"xliff": write_xliff12, "xliff2": write_xliff20, "tmx": write_tmx}
    if fmt not in writers:
        raise BadInput(f"unknown exchange format '{fmt}'", None, "use xliff, xliff2 or tmx")
    lang = parse_language(target)
    files = []
    for path, named in _articles_to_export(articles):
        po = Path(path) if path.endswith(".po") else po_path(locales, lang.gettext, article_id(path))
        catalog = read_catalog(po)
        if catalog is None and not named:
            continue  # found in a folder or by a glob: an article not translated into this language
        if catalog is None:
            raise BadInput(f"has no {lang.gettext} memory ({po} does not exist)", path,
                           f"run `localize translate {path} --to {lang.gettext}` first")
        if not catalog.source_lang:
            raise BadInput("the memory does not say what language the article is in (no X-Source-Language)",
                           str(po), "run localize translate on the article again")
        files.append(exchanged_file(catalog, catalog.source_lang, catalog.target_lang or lang.gettext))
    if not files:
        raise BadInput(f"no article there has a {lang.gettext} memory", ", ".join(articles),
                       f"run `localize translate ... --to {lang.gettext}` first")
    try:
        data = writers[fmt](files, _version())
    except ValueError as exc:  # lxml refuses characters XML 1.0 cannot hold (control characters)
        raise BadInput(f"the memory holds text XML cannot carry ({exc})", ", ".join(articles),
                       "fix the entry in the PO file, then export again") from None
    write_bytes_atomic(out, data)
    units = [u for f in files for u in f.units]
    exported = [u for u in units if u.approved] if fmt == "tmx" else units
    return ExportResult(str(out), fmt, len(files), len(exported), sum(u.approved for u in units))


# --------------------------------------------------------------------------- import

@dataclass
class ImportChange:
    article_id: str
    target: str
    source: str
    action: str   # approved | edited | replaced-approved | unapproved | kept-approval | not-in-memory | filled
    text: str = ""

    def as_dict(self) -> dict:
        return {"article": self.article_id, "target": self.target, "source": self.source,
                "action": self.action, "text": self.text}


@dataclass
class ImportResult:
    path: str
    format: str
    changes: list[ImportChange] = field(default_factory=list)
    unchanged: int = 0
    written: list[str] = field(default_factory=list)

    def count(self, action: str) -> int:
        return sum(c.action == action for c in self.changes)

    def as_dict(self) -> dict:
        return {"path": self.path, "format": self.format, "unchanged": self.unchanged,
                "written": self.written, "changes": [c.as_dict() for c in self.changes]}


def read_exchange_file(path: Path) -> tuple[str, list[ExchangedFile]]:
    """(format, files) of an XLIFF 1.x or 2.0 document."""
    from lxml import etree

    from .xliff import NS20, read_xliff12, read_xliff20

    where = str(path)
    try:
        root = etree.parse(str(path), etree.XMLParser(**safe_parser_options())).getroot()
    except etree.XMLSyntaxError as exc:
        raise BadInput(f"is not a well-formed XML file ({exc})", where, "check the file, or export it again") from None
    except OSError as exc:
        raise BadInput(f"cannot be read ({exc.strerror or exc})", where, "check the path") from None
    name = etree.QName(root)
    if name.localname == "tmx":
        raise BadInput("is a TMX memory, not a reviewed XLIFF", where,
                       f"use it as a translation memory: localize translate ARTICLE --to LANG --tm {where}")
    if name.localname != "xliff":
        raise BadInput(f"is not an XLIFF document (its root is <{name.localname}>)", where,
                       "give an .xlf/.xliff file exported by localize or a CAT tool")
    if name.namespace == NS20 or (root.get("version") or "").startswith("2."):
        return "xliff2", read_xliff20(root, where)
    return "xliff", read_xliff12(root, where)


def import_exchange(path: Path, locales: Path, reviewer: str) -> ImportResult:
    """Bring a CAT tool's XLIFF back into the PO memory; see the module docstring for the rules."""
    from ..pofile import locked, now, read_catalog, write_catalog

    fmt, files = read_exchange_file(Path(path))
    result = ImportResult(str(path), fmt)
    label = Path(path).name
    for f in files:
        ident = _article_id(f.article_id, str(path))
        try:
            target = parse_language(f.target_lang).gettext
            parse_language(f.source_lang)
        except BadInput as error:
            raise BadInput(f"article '{ident}': {error.what}", str(path), error.todo) from None
        po = po_path(locales, target, ident)
        with locked(po):
            catalog = read_catalog(po)
            if catalog is None:
                raise BadInput(f"names article '{ident}', which has no {target} memory in {locales}", str(path),
                               "give --locales the memory the file was exported from")
            if parse_language(catalog.source_lang or f.source_lang).base != parse_language(f.source_lang).base:
                raise BadInput(f"says article '{ident}' is in {f.source_lang}, but its memory says "
                               f"{catalog.source_lang}", str(path), "import the file into the memory it came from")
            changed = 0
            stamp = now()
            by_id = {unit_id(u.context, u.source): u for u in catalog.live()}  # once per file, not per unit
            for unit in f.units:
                entry = _find(catalog, by_id, unit)
                if entry is None:
                    if unit.target:
                        result.changes.append(ImportChange(ident, target, unit.source, "not-in-memory", unit.target))
                    continue
                change = _apply(entry, unit, reviewer, stamp, label)
                if change is None:
                    result.unchanged += 1
                    continue
                result.changes.append(ImportChange(ident, target, unit.source, change, entry.target))
                if change != "kept-approval":
                    changed += 1
            if changed:
                catalog.headers["Last-Translator"] = reviewer
                write_catalog(po, catalog)
                result.written.append(str(po))
    return result


def _article_id(text: str, where: str) -> str:
    """An article id from a file we did not write must be one localize makes (articles.article_id):
    parts of word characters, dots and dashes, each starting with a word character, joined by "/"
    (``wire/harbour-strike``), so its memory path stays inside the locales folder."""
    if not re.fullmatch(r"\w[\w.-]*(?:/\w[\w.-]*)*", text or "") or ".." in text:
        raise BadInput(f"names an article '{text}' that is not an article id", where,
                       "export the file again with localize export")
    return text


def _find(catalog: Catalog, by_id: dict[str, TranslationUnit], unit: ExchangedUnit) -> TranslationUnit | None:
    """The memory entry a file's unit names: by its id (``by_id``: the catalog's live entries by
    ``unit_id``), else by msgctxt and msgid, else by a source only one entry has."""
    if unit.unit_id in by_id and by_id[unit.unit_id].source == unit.source:
        return by_id[unit.unit_id]
    found = catalog.find((unit.context, unit.source))
    if found is not None:
        return found
    same = [u for u in catalog.live() if u.source == unit.source]
    return same[0] if len(same) == 1 else None


def _apply(entry: TranslationUnit, unit: ExchangedUnit, reviewer: str, stamp: str, label: str) -> str | None:
    """Apply one unit of the file to its memory entry; the action taken, or None for no change."""
    for line in unit.comments:  # the translator's comments from the CAT tool travel back
        if line not in entry.comments and not line.startswith("approved by "):
            entry.comments.append(line)
    if not unit.target:
        return None
    if entry.approved and entry.target:
        if unit.approved:
            if unit.target == entry.target:
                return None
            entry.set_note(PREVIOUSLY_APPROVED_NOTE, entry.target)
            _approve(entry, unit.target, reviewer, stamp, label)
            return "replaced-approved"
        if unit.status == EDITED and unit.target != entry.target:
            entry.set_note(PREVIOUSLY_APPROVED_NOTE, entry.target)
            _set_text(entry, unit.target, label)
            entry.approved = False
            entry.comments = [c for c in entry.comments if not c.startswith("approved by ")]
            return "unapproved"
        return "kept-approval" if unit.target != entry.target or unit.status != APPROVED else None
    if unit.approved:
        _approve(entry, unit.target, reviewer, stamp, label)
        return "approved"
    if unit.status == EDITED and unit.target != entry.target:
        _set_text(entry, unit.target, label)
        return "edited"
    if not entry.target and unit.status in (MACHINE, SUGGESTION):
        # A CAT tool's own machine output or match: offered for review as a translation memory's.
        entry.set_reused(unit.target, False, f"{unit.status} from {label}", stamp, origin="tm")
        return "filled"
    return None


def _set_text(entry: TranslationUnit, text: str, label: str) -> None:
    if status_of(entry) == MACHINE and entry.target != text and entry.origin == "machine":
        entry.machine_text = entry.machine_text or entry.target  # contract 1: the engine's words stay visible
    entry.target, entry.previous_source = text, None
    entry.origin, entry.translated_by = "person", f"a person, in a CAT tool ({label})"


def _approve(entry: TranslationUnit, text: str, reviewer: str, stamp: str, label: str) -> None:
    if text != entry.target:
        _set_text(entry, text, label)
    else:
        entry.origin = "person"
    entry.approved, entry.previous_source = True, None
    entry.comments = [c for c in entry.comments if not c.startswith("approved by ")]
    entry.comments.append(f"approved by {reviewer} on {stamp}")
