"""Language codes: one parser for every code a user or a file gives us (contract 4).

A target such as Valencian Catalan or Brazilian Portuguese has three spellings in the tools we
meet: BCP-47 (``ca-valencia``, ``pt-BR``; XLIFF and TMX use it), gettext (``ca@valencia``,
``pt_BR``; PO folders and the ``Language:`` header use it) and the bare ISO 639 code engines are
keyed by (``ca``, ``pt``). ``parse_language`` accepts the first two and refuses anything else with
``BadInput``, so no code can smuggle a path separator or a dot into a folder name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import BadInput

# BCP-47 (RFC 5646, section 2.1) subtag shapes, restricted to what a news desk meets: a 2-3
# letter language, an optional 4-letter script, an optional region (2 letters or 3 digits) and
# optional variants (5-8 alphanumerics, or a digit and 3 alphanumerics).
_LANGUAGE = r"[A-Za-z]{2,3}"
_SCRIPT = r"[A-Za-z]{4}"
_REGION = r"[A-Za-z]{2}|[0-9]{3}"
_VARIANT = r"[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}"
_BCP47 = re.compile(rf"(?P<lang>{_LANGUAGE})(?:[-_](?P<script>{_SCRIPT}))?(?:[-_](?P<region>{_REGION}))?"
                    rf"(?P<variants>(?:[-_](?:{_VARIANT}))*)")
# gettext locale names (gettext manual, "Locale Names"): ll[_CC][.charset][@modifier].
_GETTEXT = re.compile(rf"(?P<lang>{_LANGUAGE})(?:_(?P<region>{_REGION}))?(?:\.[A-Za-z0-9-]+)?"
                      rf"@(?P<modifier>[A-Za-z0-9]{{1,8}})")
# gettext spells scripts as modifiers (sr@latin, uz@cyrillic); these are the ones glibc uses.
_SCRIPT_MODIFIERS = {"latn": "latin", "cyrl": "cyrillic", "arab": "arabic", "deva": "devanagari"}
_MODIFIER_SCRIPTS = {v: k.title() for k, v in _SCRIPT_MODIFIERS.items()}


@dataclass(frozen=True)
class Language:
    """One language, maybe narrowed to a script, a region or a variant."""

    base: str           # ISO 639 code engines use: "ca", "pt"
    region: str = ""    # "BR", "US"
    script: str = ""    # "Latn"
    variant: str = ""   # "valencia"

    @property
    def gettext(self) -> str:
        """gettext's name: "ca@valencia", "pt_BR", "sr@latin" (PO folders, ``Language:``)."""
        name = self.base + (f"_{self.region}" if self.region else "")
        modifier = self.variant or _SCRIPT_MODIFIERS.get(self.script.lower(), self.script.lower())
        return f"{name}@{modifier}" if modifier else name

    @property
    def bcp47(self) -> str:
        """The BCP-47 tag: "ca-valencia", "pt-BR" (XLIFF ``xml:lang``, TMX ``srclang``)."""
        return "-".join(p for p in (self.base, self.script, self.region, self.variant) if p)

    @property
    def is_variant(self) -> bool:
        return bool(self.region or self.script or self.variant)

    def __str__(self) -> str:
        return self.gettext


def parse_language(text: str) -> Language:
    """A Language from BCP-47 (``pt-BR``, ``ca-valencia``) or gettext (``pt_BR``, ``ca@valencia``)."""
    raw = (text or "").strip()
    m = _GETTEXT.fullmatch(raw)
    if m:
        modifier = m["modifier"].lower()
        script = _MODIFIER_SCRIPTS.get(modifier, "")
        return Language(m["lang"].lower(), (m["region"] or "").upper(), script,
                        "" if script else modifier)
    m = _BCP47.fullmatch(raw)
    if m:
        variants = [v.lower() for v in re.split(r"[-_]", m["variants"]) if v]
        if len(variants) <= 1:
            return Language(m["lang"].lower(), (m["region"] or "").upper(),
                            (m["script"] or "").title(), variants[0] if variants else "")
    raise BadInput(f"'{raw}' is not a language code", None,
                   "use an ISO 639 code (es, ca), a region (pt-BR, pt_BR) or a variant "
                   "(ca-valencia, ca@valencia)")


def language_code(text: str) -> str:
    """The gettext name of a code given in either form: what PO folders and engines' pairs use."""
    return parse_language(text).gettext


def same_language(a: str, b: str) -> bool:
    """Whether two codes name the same base language (pt_BR and pt do; ca and es do not)."""
    try:
        return parse_language(a).base == parse_language(b).base
    except BadInput:
        return a == b


# Variant subtags from the IANA Language Subtag Registry, with the language each is registered
# for ("Prefix"); only these name a variant of their own when an engine's mode carries a suffix
# (Apertium's "cat_iec2017" is a spelling standard, not a registered variant).
REGISTERED_VARIANTS = {"valencia": "ca", "nedis": "sl", "rozaj": "sl", "scotland": "en"}
