"""Exchange with translators' tools: the memory out as XLIFF 1.2, XLIFF 2.0 or TMX 1.4b, and a
CAT tool's XLIFF back in.

One model between the PO memory and the formats: an ``ExchangedFile`` per article and target
language, holding ``ExchangedUnit``s. Each format module (``xliff``, ``tmx``) turns a list of
ExchangedFiles into bytes and bytes back into ExchangedFiles; it knows nothing of PO files.
``export`` and ``apply`` (in ``transfer``) know the memory and nothing of XML.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

# What a unit's target is, in words every format maps to its own states (see xliff.py, tmx.py).
MACHINE = "machine"        # engine output nobody has reviewed
SUGGESTION = "suggestion"  # a memory or TM match, or an earlier version's translation, unreviewed
EDITED = "edited"          # a person's text, not yet approved
APPROVED = "approved"
UNTRANSLATED = "untranslated"


@dataclass
class ExchangedUnit:
    source: str
    target: str = ""
    context: str | None = None
    status: str = UNTRANSLATED
    notes: list[str] = field(default_factory=list)      # provenance (PO "#." lines)
    comments: list[str] = field(default_factory=list)   # the translator's own (PO "#" lines)
    references: list[str] = field(default_factory=list)
    unit_id: str = ""

    def __post_init__(self) -> None:
        if not self.unit_id:
            self.unit_id = unit_id(self.context, self.source)

    @property
    def approved(self) -> bool:
        return self.status == APPROVED and bool(self.target)


@dataclass
class ExchangedFile:
    article_id: str
    source_lang: str   # BCP-47, as XLIFF and TMX write languages
    target_lang: str
    units: list[ExchangedUnit] = field(default_factory=list)


def unit_id(context: str | None, source: str) -> str:
    """An id that names one memory entry in any file made from it: a digest of msgctxt and msgid,
    the pair gettext itself uses as an entry's identity. It starts with a letter (XML NMTOKEN and
    XLIFF 2.0's id rules) and does not change when entries are added or removed elsewhere."""
    digest = hashlib.sha1(f"{context or ''}\x04{source}".encode("utf-8")).hexdigest()
    return f"u{digest[:16]}"


FORMATS = ("xliff", "xliff2", "tmx")


def safe_parser_options() -> dict:
    """lxml settings for files from outside: no entity expansion, no DTD or network fetches
    (a CAT tool's file is input we did not write; "billion laughs" and XXE stay out)."""
    return {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": False}
