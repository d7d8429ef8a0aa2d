"""Translation memory: the model (units, states, merging, matching). It knows nothing of PO syntax.

One Catalog per article and target language. Merging an article's current segments into its
catalog follows ``msgmerge --previous`` and the habits of CAT tools:

* a unit whose source is unchanged keeps its translation, approved or not (no machine work);
* a reviewed (approved) translation is never replaced by machine output;
* an approved translation of the identical sentence anywhere in the memory of the same language
  pair is reused as approved (a 100% match), with provenance saying where it came from;
* a changed sentence (similarity >= the fuzzy threshold to a sentence that left the article) keeps
  the old translation as a fuzzy suggestion, with the old source as ``previous_source``;
* failing those, a close approved match from the memory (>= 90% similar) is offered as a fuzzy
  suggestion instead of machine output; a weaker one (>= threshold) is noted beside the machine output;
* sentences that left the article become obsolete units.
"""
from __future__ import annotations

import copy
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

SUGGEST_INSTEAD = 90.0  # a memory match this close beats machine output

# Who or what wrote a unit's current translation (contract 1, /work/contracts.md):
# machine = engine output, memory = reused from the memory, tm = from an imported TMX,
# person = a person wrote or approved it, source = the block was already in the target language.
ORIGINS = ("machine", "memory", "tm", "person", "source")


@dataclass
class TranslationUnit:
    source: str
    target: str = ""
    context: str | None = None
    approved: bool = False
    references: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # provenance and review data (#. lines)
    comments: list[str] = field(default_factory=list)  # the translator's own (# lines)
    previous_source: str | None = None
    obsolete: bool = False
    # Provenance follows the text: ``origin`` says who/what wrote ``target`` ("" while there is
    # none), ``translated_by`` names the engine (with version and settings), the person or the
    # memory file, ``translated_on`` when. ``machine_text`` is what the engine produced, kept when a
    # person edits so that reviewers still see it.
    origin: str = ""
    translated_by: str | None = None
    translated_on: str | None = None
    machine_text: str | None = None

    @property
    def holds_machine_text(self) -> bool:
        """True while the target is still the machine's words (checks of machine output apply)."""
        return bool(self.target) and self.machine_text is not None and self.target.split() == self.machine_text.split()

    def set_machine_output(self, text: str, engine: str, when: str) -> None:
        self.target, self.approved, self.machine_text = text, False, text
        self.origin, self.translated_by, self.translated_on = "machine", engine, when

    def set_reused(self, text: str, approved: bool, where: str, when: str, origin: str = "memory") -> None:
        self.target, self.approved = text, approved
        self.origin, self.translated_by, self.translated_on = origin, where, when
        self.machine_text = None

    def approve(self, target: str, reviewer: str, when: str) -> None:
        """A person approves ``target`` (their own words or the ones shown to them)."""
        self.target, self.approved, self.previous_source = target, True, None
        self.origin, self.translated_by, self.translated_on = "person", reviewer, when
        self.comments = [c for c in self.comments if not c.startswith("approved by ")]
        self.comments.append(f"approved by {reviewer} on {when}")

    def settle_provenance(self, editor: str | None, when: str | None) -> None:
        """Make the provenance match the text after edits made elsewhere (a review, Poedit, msgattrib).

        A machine or reused translation that a person approved or changed is the person's: the
        approval comment names them, else ``editor`` (the file's Last-Translator) at ``when``."""
        if not self.target:
            self.origin, self.translated_by, self.translated_on = "", None, None
            return
        approved_by = next((c for c in reversed(self.comments) if c.startswith("approved by ")), None)
        # Compared without regard to spacing: some tools re-wrap the comment that keeps machine_text.
        edited = self.origin == "machine" and (self.machine_text is None or
                                               self.target.split() != self.machine_text.split())
        confirmed = self.approved and self.origin != "person" and (
            self.origin == "machine" or approved_by is not None)
        if not self.origin or edited or confirmed:
            self.origin = "person"
            who, _, on = (approved_by or "")[len("approved by "):].partition(" on ")
            self.translated_by = who or editor or self.translated_by
            self.translated_on = on or when or self.translated_on

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.context, self.source)

    @property
    def state(self) -> str:
        if self.approved and self.target:
            return "approved"
        return "machine" if self.target else "untranslated"

    def note(self, prefix: str) -> str | None:
        return next((n[len(prefix):].strip() for n in self.notes if n.startswith(prefix)), None)

    def set_note(self, prefix: str, value: str | None) -> None:
        """Set (or with None remove) one ``prefix value`` note, keeping the notes' order stable."""
        line = f"{prefix} {value}" if value else None
        at = next((i for i, n in enumerate(self.notes) if n.startswith(prefix)), None)
        rest = [n for n in self.notes if not n.startswith(prefix)]
        if line is not None:
            rest.insert(at if at is not None else len(rest), line)
        self.notes = rest


@dataclass
class Catalog:
    article_id: str
    source_lang: str
    target_lang: str
    units: list[TranslationUnit] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)

    def live(self) -> list[TranslationUnit]:
        return [u for u in self.units if not u.obsolete]

    def find(self, key: tuple[str | None, str]) -> TranslationUnit | None:
        return next((u for u in self.units if not u.obsolete and u.key == key), None)

    def counts(self) -> dict[str, int]:
        live = self.live()
        return {
            "segments": len(live),
            "approved": sum(u.state == "approved" for u in live),
            "machine": sum(u.state == "machine" for u in live),
            "untranslated": sum(u.state == "untranslated" for u in live),
            "obsolete": sum(u.obsolete for u in self.units),
        }


@dataclass(frozen=True)
class SegmentRef:
    """One sentence of an article as the memory sees it."""

    source: str
    role: str
    reference: str  # "<article-id>:<block>.<sentence>" (1-based): the build's key for this sentence
    location: str = ""  # "<source file>:<line>": the PO reference (#:) a person can follow back


class MemoryIndex:
    """Approved translations of one language pair across all PO files, for reuse and suggestions.

    Exact matches come from a hash table. Close matches are scored with rapidfuzz only against the
    sources that share one of the query's rarer words (an inverted index): two sentences that share
    no word cannot be 75% similar, and this keeps fuzzy lookups fast with 100,000 entries."""

    RARE_WORDS = 4

    def __init__(self) -> None:
        self._exact: dict[str, tuple[str, str]] = {}  # source -> (target, where)
        self._sources: list[str] = []
        self._postings: dict[str, list[int]] = {}

    def add(self, source: str, target: str, where: str) -> None:
        if source not in self._exact:
            n = len(self._sources)
            self._sources.append(source)
            for word in set(_words(source)):
                self._postings.setdefault(word, []).append(n)
        self._exact[source] = (target, where)

    def __len__(self) -> int:
        return len(self._exact)

    def exact(self, source: str) -> tuple[str, str] | None:
        return self._exact.get(source)

    def closest(self, source: str, threshold: float) -> tuple[str, str, str, float] | None:
        """(matched source, target, where, score 0-100) of the most similar approved sentence."""
        if not self._sources:
            return None
        from rapidfuzz import fuzz, process

        words = sorted((w for w in set(_words(source)) if w in self._postings),
                       key=lambda w: len(self._postings[w]))[: self.RARE_WORDS]
        ids = sorted({i for w in words for i in self._postings[w]})
        if not ids:
            return None
        found = process.extractOne(source, [self._sources[i] for i in ids], scorer=fuzz.ratio,
                                   score_cutoff=threshold)
        if not found:
            return None
        match, score, _ = found
        target, where = self._exact[match]
        return match, target, where, float(score)


def _words(text: str) -> list[str]:
    import re

    return re.findall(r"\w{3,}", text.lower())


def contexts_for(segments: list[SegmentRef]) -> list[str | None]:
    """msgctxt only where an identical sentence appears in different roles in one article."""
    roles: dict[str, set[str]] = {}
    for s in segments:
        roles.setdefault(s.source, set()).add(s.role)
    return [s.role if len(roles[s.source]) > 1 else None for s in segments]


def merge_segments(catalog: Catalog, segments: list[SegmentRef], index: MemoryIndex | None,
                   threshold: float = 75.0, when: str = "") -> list[TranslationUnit]:
    """Bring ``catalog`` in line with the article's segments; returns the units that need MT.
    ``when`` dates the translations reused from the memory."""
    from rapidfuzz import fuzz

    old_live = {u.key: u for u in catalog.units if not u.obsolete}
    old_obsolete = {u.key: u for u in catalog.units if u.obsolete}
    units: list[TranslationUnit] = []
    by_key: dict[tuple[str | None, str], TranslationUnit] = {}
    for seg, ctx in zip(segments, contexts_for(segments)):
        key = (ctx, seg.source)
        if key in by_key:
            by_key[key].references.append(seg.location or seg.reference)
            continue
        unit = old_live.pop(key, None) or old_obsolete.pop(key, None)
        if unit is None:
            unit = TranslationUnit(seg.source, context=ctx)
        unit.obsolete = False
        unit.references = [seg.location or seg.reference]
        unit.set_note("role:", seg.role)
        by_key[key] = unit
        units.append(unit)

    leaving = list(old_live.values())
    units_kept: list[TranslationUnit] = []
    need_mt: list[TranslationUnit] = []
    for unit in units:
        if unit.target:
            continue
        hit = index.exact(unit.source) if index else None
        if hit:
            unit.set_reused(hit[0], True, f"approved in {hit[1]}", when)
            continue
        changed = max(((fuzz.ratio(unit.source, old.source), old) for old in leaving if old.target),
                      key=lambda t: t[0], default=(0.0, None))
        if changed[1] is not None and changed[0] >= threshold:
            old = changed[1]
            leaving.remove(old)
            if old.approved:
                # The approved original stays in the memory (obsolete), so that when the
                # sentence is changed back its approval comes back with it.
                keep = copy.deepcopy(old)
                keep.obsolete = True
                units_kept.append(keep)
            unit.set_reused(old.target, False, f"previous version of this sentence ({changed[0]:.0f}% similar)",
                            old.translated_on or when)
            unit.previous_source = old.source
            unit.comments = list(old.comments)
            continue
        close = index.closest(unit.source, threshold) if index else None
        if close and close[3] >= SUGGEST_INSTEAD:
            unit.set_reused(close[1], False, f"memory suggestion ({close[3]:.0f}% match) from {close[2]}", when)
            unit.previous_source = close[0]
            continue
        if close:
            unit.set_note("suggestion:", f"{close[3]:.0f}% match from {close[2]}: {close[1]}")
        need_mt.append(unit)

    for old in leaving:
        if old.target or old.approved:
            old.obsolete = True
            units.append(old)
    units.extend(units_kept)
    units.extend(u for u in old_obsolete.values() if u.target)
    # Each entry exactly once: gettext refuses two entries with one key, obsolete or not.
    seen: set = set()
    catalog.units = [u for u in units if not (u.key in seen or seen.add(u.key))]
    return need_mt


def machine_units_to_redo(catalog: Catalog, signature: str, force: bool = False) -> list[TranslationUnit]:
    """Live machine output that the current settings would not produce: made with another engine,
    engine version, source language, glossary or beam (its signature differs), or every piece of
    machine output with ``force``. Approved or person-edited entries are never in it."""
    return [u for u in catalog.live() if u.origin == "machine" and not u.approved and u.holds_machine_text
            and (force or u.translated_by != signature)]


def units_digest(units: list[TranslationUnit]) -> str:
    """What a rerun must find unchanged: every entry's identity, text, state and whether it is
    obsolete (an outside tool that obsoletes, edits or approves entries changes it)."""
    rows = [[u.context, u.source, u.target, bool(u.approved), bool(u.obsolete)] for u in units]
    return hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode("utf-8")).hexdigest()


def po_path(locales: Path, target: str, article_id: str) -> Path:
    """Where an article's memory for one target language lives (ids with folders nest)."""
    from .errors import BadInput

    if not article_id:
        raise BadInput("an article read from stdin has no name for its memory", "-", "name it with --id NAME")
    return Path(locales) / target / "LC_MESSAGES" / f"{article_id}.po"


def source_label(source: str) -> str:
    """How a memory names the file it was made from (its X-Article-Source header)."""
    import os

    return source if source == "-" else os.path.relpath(os.path.abspath(source))


def reference_file(source: str, article_id: str) -> str:
    """The file part of a PO reference: the article's path, in gettext's quoting when it holds
    spaces (U+2068 ... U+2069, as xgettext writes it), the id for stdin."""
    name = f"stdin:{article_id}" if source == "-" else source_label(source)
    return f"\u2068{name}\u2069" if any(c.isspace() for c in name) else name


def made_for_another_source(headers: dict, source: str, article_id: str) -> str | None:
    """The other source named by a memory's header, or None when it is this article's memory.
    Headers written before paths were recorded hold only the file name, which must match."""
    import os

    recorded = headers.get("X-Article-Source")
    if not recorded:
        return None
    mine = source_label(source) if source != "-" else f"stdin:{article_id}"
    if recorded == mine or ("/" not in recorded and os.sep not in recorded and recorded == os.path.basename(source)):
        return None
    return recorded
