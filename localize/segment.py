"""Segmenting: a block's text -> sentences, keeping the exact text between them.

The base splitter is sentencex (rule-based, many languages; chosen by measurement, see
BENCHMARKS.md). On news it makes two kinds of mistake that we mend on its output:

* it splits after honorifics and initials ("Ms. Smith", "J. Smith", "EE. UU.") and before
  lower-case continuations ("10 a.m. del lunes"): such pieces are merged back;
* it keeps a quotation that closes after a full stop together with the next sentence
  ('... over." Then he left.'): these are split after the closing quote.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Sentence:
    """A sentence and the exact text (spaces, line breaks) that follows it in its block."""

    text: str
    gap: str = ""


# Honorifics and titles that are followed by a name in the news languages we serve. Lower-cased,
# without the dot. A sentence cannot end on one of these.
_TITLES = {
    "mr", "mrs", "ms", "mx", "dr", "drs", "prof", "sr", "sra", "srta", "sres", "srs", "dña", "dª", "d",
    "st", "mt", "ft", "gen", "gov", "sen", "rep", "lt", "col", "sgt", "capt", "cmdr", "adm", "rev",
    "hon", "pres", "supt", "insp", "mme", "mlle", "mgr", "me", "hr", "fr", "frau", "sig", "sig.ra",
    "dott", "ing", "avv", "arq", "lic", "av", "avda", "pl", "no", "nº", "núm", "art", "vol", "pp",
    "p", "cf", "vs", "approx", "ca", "gral", "cnel", "tte", "excmo", "excma", "ilmo", "sto", "sta",
}
_CLOSING_QUOTES = "\"'»”’"
_QUOTE_SPLIT = re.compile(r"[.!?…]+[" + _CLOSING_QUOTES + r"]+(\s+)(?=[«\"“‘¿¡(]?[^\W\d_a-z])")
_LAST_TOKEN = re.compile(r"(\S+)\s*$")


def split_sentences(text: str, lang: str = "en") -> list[Sentence]:
    """Split ``text`` into sentences; ``"".join(s.text + s.gap for s in result) == text``."""
    if not text.strip():
        return [Sentence(text, "")] if text else []
    spans = _base_spans(text, lang)
    spans = _merge_false_splits(text, spans)
    spans = _split_after_quotes(text, spans)
    return _to_sentences(text, spans)


@lru_cache(maxsize=64)
def _sentencex_lang(lang: str) -> str:
    return lang if lang and lang != "und" else "en"


def _base_spans(text: str, lang: str) -> list[tuple[int, int]]:
    import sentencex

    spans: list[tuple[int, int]] = []
    pos = 0
    for piece in sentencex.segment(_sentencex_lang(lang), text):
        core = piece.strip()
        if not core:
            continue
        start = text.find(core, pos)
        if start < 0:  # the splitter changed the text; fall back to one sentence
            return [(0, len(text.rstrip()))]
        spans.append((start, start + len(core)))
        pos = start + len(core)
    return spans or [(0, len(text.rstrip()))]


def _ends_with_abbreviation(sentence: str, following: str) -> bool:
    m = _LAST_TOKEN.search(sentence)
    if not m:
        return False
    token = m.group(1)
    if not token.endswith("."):
        return False
    word = token[:-1].lstrip("(\"'«“‘¿¡").lower()
    if word in _TITLES:
        return True
    if len(word) == 1 and token[-2:-1].isupper():  # an initial: "J." or "R." (not "10 h.")
        return True
    # Spanish-style doubled abbreviations: "EE. UU.", "FF. AA."
    if re.fullmatch(r"([^\W\d_])\1", word) and re.match(r"([^\W\d_])\1\.", following):
        return True
    return False


def _merge_false_splits(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged:
            prev_start, prev_end = merged[-1]
            prev = text[prev_start:prev_end]
            nxt = text[start:end]
            starts_lower = bool(re.match(r"[\"'«“‘(]?[a-zà-ÿ0-9]", nxt))
            if starts_lower or _ends_with_abbreviation(prev, nxt):
                merged[-1] = (prev_start, end)
                continue
        merged.append((start, end))
    return merged


def _split_after_quotes(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in spans:
        cut = start
        for m in _QUOTE_SPLIT.finditer(text, start, end):
            piece_end = m.start(1)
            if piece_end <= cut or m.end(1) >= end:
                continue
            out.append((cut, piece_end))
            cut = m.end(1)
        out.append((cut, end))
    return out


def _to_sentences(text: str, spans: list[tuple[int, int]]) -> list[Sentence]:
    sentences: list[Sentence] = []
    lead = text[: spans[0][0]]
    for i, (start, end) in enumerate(spans):
        next_start = spans[i + 1][0] if i + 1 < len(spans) else len(text)
        body = text[start:end]
        if i == 0 and lead:
            body = lead + body  # blocks are stripped, so this only happens with odd input
        sentences.append(Sentence(body, text[end:next_start]))
    return sentences
