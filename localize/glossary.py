"""The glossary: terms with a required translation (or none: "do not translate") per target language.

File: ``locales/glossary.csv``, UTF-8 CSV with a header row and the columns

    term, language, translation, note

``term`` is the source-language term (matched case-sensitively on word boundaries), ``language``
the target language it applies to (``*`` for every language), ``translation`` the required target
term or the words ``do not translate``, ``note`` free text for translators.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import BadInput

COLUMNS = ["term", "language", "translation", "note"]
KEEP = "do not translate"


@dataclass(frozen=True)
class Term:
    term: str
    language: str
    translation: str
    note: str = ""

    @property
    def keep(self) -> bool:
        return self.translation.strip().lower() == KEEP

    @property
    def target(self) -> str:
        """What the translation must contain."""
        return self.term if self.keep else self.translation


def glossary_path(locales: Path) -> Path:
    return Path(locales) / "glossary.csv"


def load_glossary(locales: Path) -> list[Term]:
    """All terms; a malformed file raises BadInput naming the row."""
    path = glossary_path(locales)
    if not path.exists():
        return []
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInput(f"cannot be read ({exc})", str(path), "save it as UTF-8 CSV") from None
    rows = list(csv.reader(io.StringIO(text)))
    if not rows or [c.strip().lower() for c in rows[0][:4]] != COLUMNS:
        raise BadInput(f"row 1: the header must be {','.join(COLUMNS)}", str(path),
                       "fix the first line of the glossary")
    terms = []
    for n, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        if len(row) < 3 or len(row) > 4:
            raise BadInput(f"row {n}: expected 3 or 4 columns ({','.join(COLUMNS)}), found {len(row)}",
                           str(path), "quote fields that contain commas")
        term, lang, translation = (c.strip() for c in row[:3])
        if not term or not translation:
            raise BadInput(f"row {n}: term and translation must not be empty", str(path),
                           f"write '{KEEP}' for terms that stay as they are")
        if lang != "*" and not re.fullmatch(r"[a-z]{2,3}", lang):
            raise BadInput(f"row {n}: '{lang}' is not a language code", str(path), "use es, ca, fr... or *")
        terms.append(Term(term, lang, translation, row[3].strip() if len(row) > 3 else ""))
    return terms


class TermList(list):
    """A list of Terms that builds its matching index once, on first use (see find_terms)."""

    _index: "TermIndex | None" = None

    def index(self) -> "TermIndex":
        if self._index is None:
            self._index = TermIndex.build(self)
        return self._index


def terms_for(terms: list[Term], target: str) -> TermList:
    return TermList(t for t in terms if t.language in (target, "*"))


_WORD = re.compile(r"\w+")
_WORD_CHAR = re.compile(r"\w")


@dataclass(frozen=True)
class TermIndex:
    """Terms by their first word, so that matching a sentence looks only at the terms that can
    start at one of its words, instead of running one search per glossary row.

    A term that starts with a word character can only match where a word starts (it must not
    follow a word character), and there the text's word equals the term's first word (the term's
    next character, or the required boundary after it, ends both). Terms that start otherwise
    (``$``, quotes) are few and are searched one by one. ``rank`` is a term's place when the
    terms are ordered longest first, which decides between overlapping matches."""

    by_first_word: dict
    others: tuple

    @classmethod
    def build(cls, terms) -> "TermIndex":
        by_first_word: dict[str, list[tuple[int, Term]]] = {}
        others = []
        for rank, t in enumerate(sorted(terms, key=lambda t: -len(t.term))):
            first = _WORD.match(t.term)
            if first:
                by_first_word.setdefault(first.group(), []).append((rank, t))
            elif t.term:
                others.append((rank, t))
        return cls(by_first_word, tuple(others))


def find_terms(text: str, terms) -> list[tuple[int, int, Term]]:
    """Non-overlapping occurrences of glossary terms in text, longest terms first.

    ``terms``: a TermList (its index is built once and kept) or any sequence of Terms."""
    index = terms.index() if isinstance(terms, TermList) else TermIndex.build(terms)
    found: list[tuple[int, int, int, Term]] = []  # (rank, start, end, term)
    for word in _WORD.finditer(text):
        for rank, t in index.by_first_word.get(word.group(), ()):
            start = word.start()
            end = start + len(t.term)
            if text.startswith(t.term, start) and not _WORD_CHAR.match(text, end):
                found.append((rank, start, end, t))
    for rank, t in index.others:
        for m in re.finditer(rf"(?<!\w){re.escape(t.term)}(?!\w)", text):
            found.append((rank, m.start(), m.end(), t))
    spans: list[tuple[int, int, Term]] = []
    for _, start, end, t in sorted(found, key=lambda f: (f[0], f[1])):
        if all(end <= s or start >= e for s, e, _ in spans):
            spans.append((start, end, t))
    return sorted(spans, key=lambda x: x[0])


def add_term(locales: Path, term: Term) -> None:
    """Add or replace a term (same term and language) and rewrite the file atomically."""
    from .pofile import locked, write_bytes_atomic

    path = glossary_path(locales)
    with locked(path):
        existing = [t for t in load_glossary(locales) if (t.term, t.language) != (term.term, term.language)]
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(COLUMNS)
        for t in existing + [term]:
            writer.writerow([t.term, t.language, t.translation, t.note])
        write_bytes_atomic(path, buf.getvalue().encode("utf-8"))
