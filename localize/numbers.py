"""Figures in running text, with their scale words and the locale's separators, as values.

"$11 billion", "11.000 millones de dólares", "11 mil milions", "£11bn" and "11,000,000,000" all
stand for 1.1e10; "11 bilions" (Catalan) and "11 billones" (Spanish) stand for 1.1e13 (the long
scale: a billón is a million millions). Comparing values instead of digit strings lets a correct
conversion pass and catches the thousandfold error that comparing digits cannot see.

The scale words come from the languages' grammars (short scale in English; long scale with
"mil millones" / "milliard" in the Romance languages); the separators from CLDR's conventions
(1,000.5 in English, 1.000,5 in Spanish, 1 000,5 in French).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Scale words (lower case) -> factor. Both the short scale (English "billion" = 1e9) and the long
# scale (Spanish "billón", Catalan "bilió", French "billion" = 1e12) are listed per language.
SCALES: dict[str, dict[str, float]] = {
    "en": {"thousand": 1e3, "k": 1e3, "thousand million": 1e9, "thousand millions": 1e9, "million": 1e6, "millions": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6,
           "billion": 1e9, "billions": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "trillions": 1e12,
           "tn": 1e12},
    "es": {"mil": 1e3, "millón": 1e6, "millon": 1e6, "millones": 1e6, "mil millones": 1e9,
           "miles de millones": 1e9, "millardo": 1e9, "millardos": 1e9, "billón": 1e12, "billon": 1e12,
           "billones": 1e12, "mil billones": 1e15, "billion": 1e12},
    "ca": {"mil": 1e3, "milió": 1e6, "milio": 1e6, "milions": 1e6, "mil milions": 1e9,
           "milers de milions": 1e9, "miliard": 1e9, "miliards": 1e9, "bilió": 1e12, "bilio": 1e12,
           "bilions": 1e12},
    "fr": {"mille": 1e3, "million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9,
           "billion": 1e12, "billions": 1e12, "md": 1e9, "mds": 1e9},
    "pt": {"mil": 1e3, "milhão": 1e6, "milhões": 1e6, "mil milhões": 1e9, "bilhão": 1e9, "bilhões": 1e9,
           "bilião": 1e12, "biliões": 1e12, "trilhão": 1e12, "trilhões": 1e12},
    "it": {"mila": 1e3, "milione": 1e6, "milioni": 1e6, "miliardo": 1e9, "miliardi": 1e9,
           "bilione": 1e12},
    "de": {"tausend": 1e3, "million": 1e6, "millionen": 1e6, "mio": 1e6, "milliarde": 1e9,
           "milliarden": 1e9, "mrd": 1e9, "billion": 1e12, "billionen": 1e12},
}
# Words that attach to the digits without a space in newsroom shorthand ("£11m", "$2bn", "5k").
_GLUED = ("bn", "tn", "mn", "m", "k", "b")
# Values are compared exactly (up to float rounding): news figures are copied, not rounded, and a
# year 2007 -> 2009 is a 0.1% change.
TOLERANCE = 1e-9

_DIGITS = r"\d+(?:[.,\u00a0\u202f ]\d{3})*(?:[.,]\d+)?"


# Cardinal and ordinal words a translator may write for a small figure ("12 employees" ->
# "doce trabajadores", "3rd round" -> "tercera ronda"), and a scale word standing alone for one of
# it ("$1 billion" -> "mil millones"). From the languages' grammars; only the target side uses them.
NUMBER_WORDS: dict[str, dict[str, float]] = {
    "es": {**{w: float(i) for i, w in enumerate(
        "cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince "
        "dieciséis diecisiete dieciocho diecinueve veinte".split())},
        "un": 1.0, "una": 1.0, "primer": 1.0, "primero": 1.0, "primera": 1.0, "segundo": 2.0, "segunda": 2.0,
        "tercer": 3.0, "tercero": 3.0, "tercera": 3.0, "cuarto": 4.0, "cuarta": 4.0, "quinto": 5.0,
        "quinta": 5.0, "sexto": 6.0, "sexta": 6.0, "séptimo": 7.0, "séptima": 7.0, "octavo": 8.0,
        "octava": 8.0, "noveno": 9.0, "novena": 9.0, "décimo": 10.0, "décima": 10.0, "treinta": 30.0,
        "cuarenta": 40.0, "cincuenta": 50.0, "sesenta": 60.0, "setenta": 70.0, "ochenta": 80.0,
        "noventa": 90.0, "cien": 100.0, "ciento": 100.0, "mil": 1e3, "media": 0.5,
        "mil millones": 1e9, "un millón": 1e6, "un billón": 1e12, "medio": 0.5,
        # Collective numerals (RAE, Nueva gramática §21.6): "una cuarentena de civiles" = some 40.
        **{w + s: v for w, v in (("decena", 10.0), ("docena", 12.0), ("quincena", 15.0),
                                 ("veintena", 20.0), ("treintena", 30.0), ("cuarentena", 40.0),
                                 ("cincuentena", 50.0), ("centena", 100.0), ("centenar", 100.0),
                                 ("millar", 1e3)) for s in ("", "s" if w[-1] == "a" else "es")}},
    "ca": {**{w: float(i) for i, w in enumerate(
        "zero un dos tres quatre cinc sis set vuit nou deu onze dotze tretze catorze quinze setze "
        "disset divuit dinou vint".split())},
        "una": 1.0, "dues": 2.0, "primer": 1.0, "primera": 1.0, "segon": 2.0, "segona": 2.0, "tercer": 3.0,
        "tercera": 3.0, "quart": 4.0, "quarta": 4.0, "trenta": 30.0, "quaranta": 40.0, "cinquanta": 50.0,
        "seixanta": 60.0, "setanta": 70.0, "vuitanta": 80.0, "noranta": 90.0, "cent": 100.0, "mil": 1e3, "mil milions": 1e9,
        "un milió": 1e6},
    "fr": {**{w: float(i) for i, w in enumerate(
        "zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize "
        "dix-sept dix-huit dix-neuf vingt".split())},
        "une": 1.0, "premier": 1.0, "première": 1.0, "deuxième": 2.0, "second": 2.0, "seconde": 2.0,
        "troisième": 3.0, "trente": 30.0, "quarante": 40.0, "cinquante": 50.0, "soixante": 60.0,
        "cent": 100.0, "mille": 1e3, "un milliard": 1e9, "un million": 1e6},
}


# Cardinals written in words, generated from the languages' grammars of number names (English:
# "twenty-one", "three hundred and five"; Spanish, RAE Ortografía 2010 §4.6: 16-29 in one word
# "dieciséis", "veintiuno"; "treinta y dos"; "doscientos"/"doscientas"; "ciento tres").
_EN_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
             "fifteen sixteen seventeen eighteen nineteen").split()
_EN_TENS = {20: "twenty", 30: "thirty", 40: "forty", 50: "fifty", 60: "sixty", 70: "seventy",
            80: "eighty", 90: "ninety"}
_ES_UNITS = ("cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince "
             "dieciséis diecisiete dieciocho diecinueve veinte veintiuno veintidós veintitrés "
             "veinticuatro veinticinco veintiséis veintisiete veintiocho veintinueve").split()
_ES_TENS = {30: "treinta", 40: "cuarenta", 50: "cincuenta", 60: "sesenta", 70: "setenta", 80: "ochenta",
            90: "noventa"}
_ES_HUNDREDS = {100: "ciento", 200: "doscientos", 300: "trescientos", 400: "cuatrocientos",
                500: "quinientos", 600: "seiscientos", 700: "setecientos", 800: "ochocientos",
                900: "novecientos"}
HIGHEST_SPELLED = 999  # above it the scale words ("mil", "thousand") take over


def _en_below_hundred(n: int) -> list[str]:
    if n < 20:
        return [_EN_UNITS[n]]
    tens, unit = divmod(n, 10)
    if not unit:
        return [_EN_TENS[n]]
    return [f"{_EN_TENS[tens * 10]}-{_EN_UNITS[unit]}", f"{_EN_TENS[tens * 10]} {_EN_UNITS[unit]}"]


def _es_below_hundred(n: int) -> list[str]:
    if n < 30:
        return [_ES_UNITS[n]]
    tens, unit = divmod(n, 10)
    return [_ES_TENS[n]] if not unit else [f"{_ES_TENS[tens * 10]} y {_ES_UNITS[unit]}"]


@lru_cache(maxsize=None)
def cardinals(lang: str) -> dict[str, float]:
    """Cardinal number names 0-999 of ``lang`` ("en", "es") -> value; {} for other languages."""
    out: dict[str, float] = {}
    for n in range(HIGHEST_SPELLED + 1):
        hundreds, rest = divmod(n, 100)
        if lang == "en":
            low = _en_below_hundred(rest) if rest or not hundreds else [""]
            heads = [f"{_EN_UNITS[hundreds]} hundred"] if hundreds else [""]
            names = [" ".join(x for x in (h, j, r) if x) for h in heads for r in low
                     for j in ((["", "and"] if h and r else [""]))]
        elif lang == "es":
            low = _es_below_hundred(rest) if rest or not hundreds else [""]
            head = ("cien" if n == 100 else _ES_HUNDREDS[hundreds * 100]) if hundreds else ""
            heads = [head, head[:-2] + "as"] if head.endswith("os") else [head]  # doscientas personas
            names = [" ".join(x for x in (h, r) if x) for h in heads for r in low]
        else:
            return {}
        out.update({name: float(n) for name in names})
    if lang == "es":
        # Spanish grammar: before a noun every cardinal ending in "uno" drops its ending ("un",
        # "treinta y un", "ciento un", "veintiún"), and takes "una" before a feminine noun
        # ("treinta y una mujeres", "doscientas una").
        for name, value in list(out.items()):
            if name.endswith("veintiuno"):
                out.update({name[:-1] + "a": value, name[:-3] + "ún": value})
            elif name == "uno" or name.endswith(" uno"):
                out.update({name[:-1] + "a": value, name[:-1]: value})
    return out


# A decade ("the 1990s") is written with two digits in the Romance languages ("los 90").
_DECADE = re.compile(r"\b(1[89]|20)(\d0)['’]?s\b")


@dataclass(frozen=True)
class Figure:
    text: str            # as written: "$11 billion"
    values: frozenset    # every value the writing can stand for ("1.200" is 1200 or 1.2)
    scaled: bool = False  # written with a scale word ("nine million")
    in_decades: frozenset = frozenset()  # years it stands for when counted in tens ("tres decenios")
    of_years: bool = False  # a number of years ("30 years"): it may be written in decades
    in_code: bool = False  # digits inside a word ("3DS", "A380"): copied, never spelled out


def _digit_values(token: str) -> set[float]:
    """Values of a digit string under the locales' separator conventions: every separator a
    thousands separator ("1.200" = 1200), or the last one a decimal mark ("1.200" = 1.2)."""
    t = re.sub(r"[\u00a0\u202f ]", " ", token)
    values = set()
    groups = re.split(r"[ .,]", t)
    if all(len(g) == 3 for g in groups[1:]):
        values.add(float("".join(groups)))
    last = max(t.rfind("."), t.rfind(","))
    # A decimal part of three zeros is no decimal: news does not pad decimals ("6.000 mil
    # millones" is six thousand thousand million, not 6.0) (orthography of figures in news).
    if last > 0 and t[last + 1:] != "000":
        head, mark = t[:last], t[last]
        if mark not in head and all(len(g) == 3 for g in re.split(r"[ .,]", head)[1:]):
            values.add(float(re.sub(r"[ .,]", "", head) + "." + t[last + 1:]))
    return values or {float(re.sub(r"[ .,]", "", t))}


@lru_cache(maxsize=None)
def _scale_pattern(lang: str) -> re.Pattern:
    words = sorted(SCALES.get(lang, {}), key=len, reverse=True)
    spaced = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words if w not in _GLUED)
    glued = "|".join(w for w in _GLUED if w in SCALES.get(lang, {}))
    parts = [f"(?P<num>{_DIGITS})"]
    alt = []
    if glued:
        alt.append(rf"(?P<glued>{glued})(?![^\W\d_])")
    if spaced:
        alt.append(rf"\s+(?:de\s+|d')?(?P<word>{spaced})(?![^\W\d_])")
    return re.compile(parts[0] + (f"(?:{'|'.join(alt)})?" if alt else ""), re.I | re.U)


def figures(text: str, lang: str) -> list[Figure]:
    """The figures of a text, each with the values it may stand for."""
    scales = SCALES.get(lang, {})
    out = []
    for m in _scale_pattern(lang).finditer(text):
        word = m.groupdict().get("word") or m.groupdict().get("glued") or ""
        factor = scales.get(re.sub(r"\s+", " ", word.lower()), 1.0) if word else 1.0
        values = {v * factor for v in _digit_values(m.group("num").strip())}
        # Mexican Spanish news writes thousands with the word between the groups ("5 mil 352" =
        # 5352) (the language's usage, seen in the dev split's references).
        grouped = re.match(r"\s+(\d{3})(?!\d)", text[m.end():]) if word.lower() == "mil" else None
        if grouped:
            values |= {v + float(grouped.group(1)) for v in values}
        decade = _DECADE.match(text, m.start())
        if decade:
            values.add(float(decade.group(2)))
        if _AND_A_HALF.match(text, m.end()):
            values = {v + 0.5 for v in values}  # "2 años y medio" is 2.5, never 2
        out.append((m, word, factor, values))
    # In a range the scale word is written once, after the second figure ("9 to 15 thousand
    # million", "entre 9 y 15 millones"): the first figure may carry it too (grammar of ranges).
    for k in range(len(out) - 1):
        m, word, _, values = out[k]
        nxt = out[k + 1]
        if not word and nxt[2] > 1 and re.fullmatch(r"\s*(?:-|–|to|and|or|a|y|o|et|ou|e|i|bis)\s*",
                                                     text[m.end():nxt[0].start()], re.I):
            values |= {v * nxt[2] for v in values}
    # A mixed fraction ("5 1/2", tokenised "5 1 / 2") is one quantity, whole plus the fraction.
    fractions = [f for f in _FRACTION.finditer(text) if int(f.group(2)) < int(f.group(3))]
    inside = [x for x in out if any(f.start() <= x[0].start() < f.end() for f in fractions)]
    result = [Figure(m.group(0).strip(), frozenset(values), of_years=bool(_YEARS_AFTER.match(text, m.end())),
                     in_code=bool(_IN_CODE.match(text, m.end()) or _IN_CODE_BEFORE.search(text, 0, m.start())))
              for m, _, _, values in out if not any(x[0] is m for x in inside)]
    result += [Figure(f.group(0), frozenset({int(f.group(1)) + int(f.group(2)) / int(f.group(3))}))
               for f in fractions]
    return result


# Digits with letters glued on either side are part of a code or a product name ("Nintendo 3DS",
# "Airbus A380"): such a code is copied, so it is never rendered as a number word. The numerals'
# own endings are no code: ordinals "3rd", "3er", "3º", decades "the 90s" (orthography of numerals).
_IN_CODE = re.compile(r"(?!(?:st|nd|rd|th|s|er|º|ª)(?![^\W\d_]))[^\W\d_]", re.I)
_IN_CODE_BEFORE = re.compile(r"[^\W\d_]\Z")
_FRACTION = re.compile(r"(?<![\d/.,])(\d+)\s+(\d)\s*/\s*(\d{1,2})(?![\d/])")


# The indefinite article has the number's form ("un 3%", "una subida del 5%"): "un"/"una" before a
# figure written in digits, at most one word between, is the article, not the number one (grammar
# of the Spanish and Catalan determiner).
_ARTICLE_ONE = {"un", "una"}
_BEFORE_DIGITS = re.compile(r"\s+(?:[^\W\d_]+\s+)?\d")
# Units counted in tens ("tres decenios" for "30 years", "three decades"): the word means ten years.
_DECADE_WORDS = re.compile(r"\s+(?:decenios?|décadas?|decades?)\b", re.I)
# "y medio/media", "and a half" after a quantity and its noun add a half ("5 horas y media" = 5.5
# hours, "two and a half years") (grammar of the languages' fractions).
_AND_A_HALF = re.compile(r"(?:\s+[^\W\d_]+)?\s+(?:y\s+medi[oa]|i\s+mig|and\s+a\s+half)\b"
                         r"(?!\s+(?:mill|mil\b|thousand|million|billion))", re.I)  # not "y medio millón"


# A number of years, which a translator may count in decades.
_YEARS_AFTER = re.compile(r"[\s-]+(?:years?|años|anys|ans)\b", re.I)
YEARS_PER_DECADE = 10


@lru_cache(maxsize=None)
def _scale_after(lang: str) -> re.Pattern:
    words = sorted((w for w in SCALES.get(lang, {}) if w not in _GLUED), key=len, reverse=True)
    alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) or "(?!)"
    return re.compile(rf"\s+(?:de\s+)?({alternation})(?![^\W\d_])", re.I)


@lru_cache(maxsize=None)  # over a thousand names per language, asked twice per checked entry
def _spelled_words(lang: str) -> dict[str, float]:
    return {**cardinals(lang), **NUMBER_WORDS.get(lang, {})}


def number_words(text: str, lang: str, cardinals_only: bool = False) -> list[Figure]:
    """Figures written in words in ``text`` ("doce", "mil millones", "nine million"); with
    ``cardinals_only``, cardinal numbers only (not "primera", "media"), and never an article."""
    words = _spelled_words(lang)
    if not words:
        return []
    scales = SCALES.get(lang, {})
    out = []
    for m in _number_words_pattern(lang).finditer(text):
        name = re.sub(r"\s+", " ", m.group(0).lower())
        value = words[name]
        if name not in cardinals(lang) and cardinals_only:
            continue
        if name in _ARTICLE_ONE and (cardinals_only or _BEFORE_DIGITS.match(text, m.end())):
            continue
        # A number word before a scale word is multiplied by it ("tres millones" = 3e6,
        # "three thousand million" = 3e9).
        scale = _scale_after(lang).match(text, m.end())
        factor = scales.get(re.sub(r"\s+", " ", scale.group(1).lower()), 1.0) if scale else 1.0
        end = scale.end() if scale else m.end()
        # A source amount (cardinals_only) is worth its scaled value alone: "nine million" must
        # not be matched by a bare 9 in the target (a thousandfold error is the point).
        values = {value * factor} if cardinals_only and factor > 1 else {value, value * factor}
        if _AND_A_HALF.match(text, end):
            values = {value * factor + 0.5}
        decades = {value * factor * YEARS_PER_DECADE} if _DECADE_WORDS.match(text, end) else set()
        out.append(Figure(text[m.start():end], frozenset(values), scaled=factor > 1,
                          in_decades=frozenset(decades)))
    return out


@lru_cache(maxsize=None)
def _number_words_pattern(lang: str) -> re.Pattern:
    alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+")
                           for w in sorted(_spelled_words(lang), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.I)


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= TOLERANCE * max(abs(a), abs(b))


def _take_same(fig: Figure, pool: list[Figure]) -> bool:
    """Remove from ``pool`` the first figure that can stand for one of ``fig``'s values."""
    hit = next((f for f in pool if any(_same(a, b) for a in fig.values for b in (
        f.values | f.in_decades if fig.of_years else f.values))), None)
    if hit is not None:
        pool.remove(hit)
    return hit is not None


# A time of day: "15:30", "3:30 p.m.", "2 p.m." (English writes a 12-hour clock with a colon).
_SOURCE_TIME = re.compile(r"(?<![\d.,:])(\d{1,2})(?:\s?:\s?(\d{2}))?(?:\s*([ap])\.?\s?m\b\.?)?(?![\d:])", re.I)
HOURS_PER_HALF_DAY = 12


def _times_removed(source: str, target: str) -> tuple[str, str]:
    """Source and target without the times of day the target renders: the Romance languages write
    the 24-hour clock with a colon or a full stop ("15:30" -> "15.30", "2 p.m." -> "14 horas";
    orthography: the RAE accepts both marks between hours and minutes). The hour and minutes would otherwise be read as
    two figures in the source and one decimal figure in the target."""
    for m in list(_SOURCE_TIME.finditer(source)):
        hour, minutes, half = int(m.group(1)), m.group(2), (m.group(3) or "").lower()
        if not half and not minutes:
            continue
        hours = {hour, hour + HOURS_PER_HALF_DAY} if half == "p" and hour < HOURS_PER_HALF_DAY else {hour}
        tail = rf"\s?[:.h]\s?{minutes}" if minutes else ""
        said = re.search(rf"(?<![\d.,])(?:{'|'.join(map(str, sorted(hours)))}){tail}(?![\d]|[.,:]\d)", target)
        if said:
            source = source[:m.start()] + " " + source[m.end():]
            target = target[:said.start()] + " " + target[said.end():]
    return source, target


def compare_figures(source: str, target: str, source_lang: str, target_lang: str) -> list[str]:
    """What went wrong with the source's figures in the target: one line per figure, naming it."""
    source, target = _times_removed(source, target)
    wanted = figures(source, source_lang)
    found = figures(target, target_lang)
    spelled = number_words(target, target_lang)
    # Amounts the source writes in words ("nine million", "three thousand million") are figures
    # too, so that a thousandfold error in them is caught. A cardinal without a scale word is not:
    # small ones serve as determiners and are reworded ("the two countries" -> "ambos países",
    # "some forty" -> "una cuarentena", "a zero" -> "un empate"); tried on dev, they flagged more
    # clean pairs than they caught errors.
    wanted += [f for f in number_words(source, source_lang, cardinals_only=True) if f.scaled]
    problems = []
    # Each source figure takes the first target figure of the same value (digits before words).
    unmatched = [fig for fig in wanted if not _take_same(fig, found)]
    still = [fig for fig in unmatched if fig.in_code or not _take_same(fig, spelled)]
    for fig in still:
        # A leftover target figure that is the source's value times a power of a thousand is a
        # scale word gone wrong ("billion" -> "bilions"): say so, naming both.
        scaled = next((f for f in found for a in fig.values for b in f.values
                       if any(_same(a * k, b) or _same(a, b * k) for k in (1e3, 1e6))), None)
        if scaled is not None:
            found.remove(scaled)
            ratio = max(scaled.values) / max(fig.values)
            how = f"{ratio:,.0f} times larger" if ratio > 1 else f"{1 / ratio:,.0f} times smaller"
            problems.append(f"“{fig.text}” became “{scaled.text}” ({how})")
        else:
            problems.append(f"“{fig.text}” is missing or changed")
    return problems
