"""Segmenting: a block's text -> sentences, keeping the exact text between them.

The base splitter is sentencex (rule-based, many languages; chosen by measurement, see
BENCHMARKS.md), run on each stretch between line breaks that end a sentence (a headline or a
caption over its paragraph; not the line breaks of hard-wrapped prose). On news it makes a few
kinds of mistake that we mend on its output:

* it splits after honorifics and initials ("Ms. Smith", "J. Smith", "EE. UU.") and before
  lower-case continuations ("10 a.m. del lunes", "hab. / km²"): such pieces are merged back, with
  per-language, case-sensitive abbreviation lists;
* it never splits inside quotation marks, so a quoted passage of several sentences, or a quotation
  that closes after a full stop and the next sentence ('... over." Then he left.'), comes back as
  one: these are split at a stop followed by a capital;
* an opening quote left at the end of a sentence goes to the sentence it opens.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .markup import _RAW_TAG as _TAG  # one tag pattern for markup and segmentation; not "<a@b.org>"


@dataclass(frozen=True)
class Sentence:
    """A sentence and the exact text (spaces, line breaks) that follows it in its block."""

    text: str
    gap: str = ""


# Abbreviations after which a full stop does not end a sentence, per language and case-sensitive
# ("No." before a number is an abbreviation in English, "no." in Spanish is the word "no"). They
# are honorifics, titles and reference words that precede a name or a number, taken from the
# languages' style guides: the AP Stylebook's titles (en), the RAE's "Lista de abreviaturas" (es),
# the IEC's "Abreviacions" (ca) and the Imprimerie nationale's "Lexique des règles typographiques"
# (fr). Without the final dot.
# English titles and company suffixes ("Mr. Bean", "Warner Bros.") and the legal "v." of case names
# ("Roe v. Wade") are written as in English in the press of every language (found in Spanish-GSD's
# and French-GSD's dev split).
_COMMON = {"Dr", "Dra", "Drs", "Prof", "St", "Sr", "Sra", "Srta", "Sres", "Srs", "Mt", "Av", "Avda",
           "Mr", "Mrs", "Bros", "v"}
_ABBREVIATIONS = {
    "en": _COMMON | {"Mr", "Mrs", "Ms", "Mx", "Jr", "Gen", "Gov", "Sen", "Sens", "Rep", "Reps", "Lt",
                     "Col", "Sgt", "Capt", "Cmdr", "Adm", "Maj", "Rev", "Hon", "Pres", "Supt", "Insp",
                     "Ft", "No", "Nos", "Vol", "Vols", "Art", "Fig", "pp", "vs", "approx", "cf", "Corp",
                     "Inc", "Ltd", "Co", "Bros", "Atty", "Calif", "Fla", "Mass", "Ariz",
                     "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec"},
    "es": _COMMON | {"D", "Dña", "Dª", "Ud", "Uds", "Vd", "Vds", "Lic", "Ing", "Arq", "Excmo", "Excma",
                     "Ilmo", "Ilma", "Gral", "Cnel", "Tte", "Sto", "Sta", "Mons", "Pdte", "Pdta", "núm",
                     "Núm", "pág", "págs", "art", "Art", "tel", "aprox", "vol", "cap", "fig",
                     "Cía", "pl", "c", "C"},
    "ca": _COMMON | {"En", "Na", "Mn", "Mons", "Excm", "Excma", "Il",
                     "Il·lm", "Il·lma", "núm", "Núm", "pàg", "pàgs", "art", "Art", "tel", "aprox",
                     "vol", "cap", "fig", "c", "pl", "pg", "ctra"},
    "fr": _COMMON | {"M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Me", "Mgr", "Pr", "Ste", "Cie",
                     "n°", "no", "p", "pp", "art", "vol", "chap", "fig", "env", "av", "bd", "boul", "cf",
                     "éd"},
    # Accademia della Crusca's abbreviations (it), Duden's "Abkürzungen" (de), the Portuguese
    # Acordo Ortográfico's annex of abbreviations (pt): titles and reference words only.
    "it": _COMMON | {"sig", "Sig", "sig.ra", "Sig.ra", "dott", "Dott", "dott.ssa", "ing", "Ing", "avv",
                     "Avv", "prof", "on", "On", "geom", "arch", "n", "pag", "art", "vol", "cap", "ca"},
    "de": _COMMON | {"Hr", "Hrn", "Fr", "Nr", "bzw", "ca", "vgl", "Abs", "Art", "Bd", "Str", "S", "Dipl",
                     "Ing", "Mio", "Mrd"},
    "pt": _COMMON | {"Eng", "Exmo", "Exma", "Sto", "Sta", "nº", "n", "pág", "art", "vol", "cap"},
}
_DEFAULT_ABBREVIATIONS = frozenset(set().union(*_ABBREVIATIONS.values()))
_CLOSING_QUOTES = "\"'»”’"
_LAST_TOKEN = re.compile(r"(\S+)\s*$")
_OPENING_QUOTES = "\"“«‘„"
# A lower-case word after a full stop continues the sentence only when the stop ends an
# abbreviation-shaped token: a dotted one ("a.m.", "p. ej.") or one of at most three letters. In
# edited prose a sentence starts with a capital; this keeps "interested. jill" apart (web text)
# while "10 a.m. del lunes" stays whole.
_ABBREVIATION_SHAPE = re.compile(r"(?:^|[\s(])(?:[^\W\d_]{1,3}\.(?:-?[^\W\d_]{1,3}\.)*)$")
# A sentence does not start with a slash, a comma, a closing bracket and the like: a piece that does
# continues the one before ("7,63 hab. / km²").
_CONTINUES = re.compile(r"[/,;:)\]}%]")
# Attribution after a quotation that ends in ! or ?: a short clause ("Lopez added.", "said the
# minister.") that belongs to the quote's sentence (Chicago Manual of Style 6.9, 6.52).
ATTRIBUTION_MAX_WORDS = 5


def split_sentences(text: str, lang: str = "en") -> list[Sentence]:
    """Split ``text`` into sentences; ``"".join(s.text + s.gap for s in result) == text``."""
    if not text.strip():
        return [Sentence(text, "")] if text else []
    spans: list[tuple[int, int]] = []
    for start, end in _lines(text):
        spans.extend(_line_spans(text, start, end, lang))
    return _to_sentences(text, spans)


def _line_spans(text: str, start: int, end: int, lang: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]``, a stretch with no boundary line break in it."""
    piece = text[start:end]
    spans = _base_spans(piece, lang)
    spans = _split_inside_quotes(piece, spans)
    spans = _merge_false_splits(piece, spans, lang)
    spans = _move_opening_quotes(piece, spans)
    return [(start + a, start + b) for a, b in spans]


# A line break inside a block ends a sentence (a headline, a caption or a "Categories:" line over the
# paragraph it heads; one sentence per line), except where the block is hard-wrapped prose, which a
# line break cuts anywhere. A wrapper breaks a line only when the next word would not fit, so a break
# is a wrap when the line plus the next word is longer than the block's longest line, and that
# longest line is as long as wrapped lines are: the plain-text reader keeps lines of
# ``WRAP_MIN_WIDTH`` or more together as one paragraph (see ``articles._split_group``; fill widths
# in use are 60-80 columns: RFC 5322's 78, git's 72, Emacs's 70). A line that starts with a
# lower-case letter continues the sentence (edited sentences start with a capital).
# In a block with markup (HTML, or inline HTML in Markdown) a line feed is only a space between
# words (HTML's white-space rules) and the line break is the ``<br>`` element.
WRAP_MIN_WIDTH = 45
_LINE_FEED = re.compile(r"[ \t]*(?:\r\n|\r|\n)\s*")
_BR = re.compile(r"\s*<br\s*/?>\s*", re.I)
_WORD = re.compile(r"\S+")
_LEADING_TAGS = re.compile(r"(?:\s*" + _TAG.pattern + r")*\s*")


def _lines(text: str) -> list[tuple[int, int]]:
    """Stretches of ``text`` between boundary line breaks, as (start, end) offsets."""
    markup = "<" in text and bool(_TAG.search(text))
    if markup:
        breaks, width = _BR, 0
    elif "\n" in text or "\r" in text:
        breaks = _LINE_FEED
        width = max(len(line.strip()) for line in _LINE_FEED.split(text))
    else:
        return [(0, len(text))]
    out: list[tuple[int, int]] = []
    cut = 0
    for m in breaks.finditer(text):
        before = text[cut:m.start()]
        before = before[max(before.rfind("\n"), before.rfind("\r")) + 1:].strip()
        after = _WORD.match(text, _LEADING_TAGS.match(text, m.end()).end())
        if not before or not after:
            continue  # leading or trailing space of the block
        next_word = after.group(0)
        wrapped = width >= WRAP_MIN_WIDTH and len(before) + 1 + len(next_word) > width
        if wrapped or next_word[:1].islower():
            continue
        out.append((cut, m.start()))
        cut = m.end()
    out.append((cut, len(text)))
    return out


# sentencex's Catalan rules take ~10x as long as its Spanish ones (1.2 against 0.13 ms a paragraph)
# and split Catalan-AnCora's dev split no better (99.1% of sentences either way, our Catalan
# abbreviations applied after): Catalan text goes through the Spanish rules.
_SENTENCEX_STAND_IN = {"ca": "es"}


@lru_cache(maxsize=64)
def _sentencex_lang(lang: str) -> str:
    lang = lang if lang and lang != "und" else "en"
    return _SENTENCEX_STAND_IN.get(lang, lang)


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


# sentencex never splits inside quotation marks (a quoted passage of several sentences comes back
# as one) and its abbreviation lists are case-blind ("no." stays unsplit in Spanish). So a full
# stop, ! or ? followed by a space and a capital (or an opening quote) is a boundary everywhere;
# our per-language, case-sensitive abbreviations then merge the false ones back.
# An omission marked "[...]" ends a sentence the same way when a capital follows (Chicago Manual of
# Style 13.51: the dots keep the sentence's own punctuation).
_INNER_BOUNDARY = re.compile(r"[.!?…][" + _CLOSING_QUOTES + r")\]]*(\s+)(?=[\"“«‘(¿¡]?[^\W\d_a-zß-ÿ])")


# "U.S." or "E.U." before a capital is as often mid-sentence ("the U.S. Senate") as at its end;
# here sentencex's own judgement (it was trained on such cases) stands. Also where the initials open
# the sentence ("U.S. Senator John Cornyn ..."): hence a look-behind, which sees the space before
# the piece searched, where "^" would not.
_DOTTED_INITIALS = re.compile(r"(?<!\S)(?:[^\W\d_]\.){2,}[\"'»”’)]*$")


def _split_inside_quotes(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in spans:
        cut = start
        for m in _INNER_BOUNDARY.finditer(text, start, end):
            if m.start(1) > cut and m.end(1) < end and not _DOTTED_INITIALS.search(text, cut, m.start(1)):
                out.append((cut, m.start(1)))
                cut = m.end(1)
        out.append((cut, end))
    return out


def _ends_with_abbreviation(sentence: str, following: str, lang: str = "en") -> bool:
    m = _LAST_TOKEN.search(sentence)
    if not m:
        return False
    token = m.group(1)
    if not token.endswith("."):
        return False
    word = token[:-1].lstrip("(\"'«“‘¿¡")
    known = _ABBREVIATIONS.get((lang or "en").split("-")[0], _DEFAULT_ABBREVIATIONS)
    if word in known:
        return True
    if len(word) == 1 and word.isupper():  # an initial: "J." or "R." (not "10 h.")
        return True
    # Spanish-style doubled abbreviations: "EE. UU.", "FF. AA."
    if re.fullmatch(r"([^\W\d_])\1", word) and re.match(r"([^\W\d_])\1\.", following):
        return True
    return False


_STARTS_LOWER = re.compile(r"[\"'«“‘(]?[a-zà-ÿ0-9]")
_ENDS_WITH_STOP = re.compile(r"[.!?…][" + _CLOSING_QUOTES + r")]*$")
_QUOTE_ENDS_ON_EXCLAMATION = re.compile(r"[!?][" + _CLOSING_QUOTES + r"]+$")


def _merge_false_splits(text: str, spans: list[tuple[int, int]], lang: str = "en") -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged:
            prev_start, prev_end = merged[-1]
            prev = text[prev_start:prev_end]
            nxt = text[start:end]
            starts_lower = bool(_STARTS_LOWER.match(nxt)) and (
                bool(_ABBREVIATION_SHAPE.search(prev)) or not _ENDS_WITH_STOP.search(prev))
            if (starts_lower or _CONTINUES.match(nxt) or _ends_with_abbreviation(prev, nxt, lang)
                    or _is_attribution(prev, nxt) or _abbreviation_in_brackets(prev)):
                merged[-1] = (prev_start, end)
                continue
        merged.append((start, end))
    return merged


def _abbreviation_in_brackets(prev: str) -> bool:
    """``(f. Ciudad de México, 2004)``: a sentence does not end inside a parenthesis it opened, right
    after an abbreviation-shaped token (the bracket holds a note, not sentences)."""
    return prev.rfind("(") > prev.rfind(")") and bool(_ABBREVIATION_SHAPE.search(prev))


def _is_attribution(prev: str, nxt: str) -> bool:
    """``"Stop!" she shouted.``: a quote closing on ! or ? and a short clause ending the sentence,
    with a lower-case word in it (the verb), so a new capitalised sentence is not swallowed."""
    if not _QUOTE_ENDS_ON_EXCLAMATION.search(prev):
        return False
    words = nxt.split()
    return (len(words) <= ATTRIBUTION_MAX_WORDS and nxt.endswith(".")
            and any(w[:1].islower() for w in words) and not nxt[:1] in _OPENING_QUOTES)


def _move_opening_quotes(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """An opening quote left at the end of a sentence (``he said. "``) goes to the next one."""
    out = list(spans)
    for i in range(len(out) - 1):
        start, end = out[i]
        piece = text[start:end]
        if len(piece) > 2 and piece[-1] in _OPENING_QUOTES and piece[-2].isspace():
            body = piece[:-1].rstrip()
            if piece[-1] == '"' and body.count('"') % 2 == 1:
                continue  # a straight quote that closes an open one
            out[i] = (start, start + len(body))
            out[i + 1] = (end - 1, out[i + 1][1])
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
