"""Quality checks on an article's memory: what a reviewer should look at first.

Each check has an id and a level; errors are things a published translation must not have (a
changed figure, a dropped name, an untranslated sentence), warnings are worth a look. Checks are
tuned for precision: a reviewer stops reading warnings that are wrong half the time, so quoting
conventions (« » “ ” „ “), "EE. UU." for "U.S." and decimal commas are accepted as equivalent.

| id             | level   | what |
|----------------|---------|------|
| numbers        | error   | a number, amount, percentage or date of the source missing or changed |
| names          | error   | a person's name (two capitalised words or more) missing from the translation |
| glossary       | error   | a glossary term not translated as the glossary says |
| untranslated   | error   | translation equal to the source, or in the source language |
| repetition     | error   | a word or phrase repeated three times in a row (a machine loop) |
| truncated      | error   | translation far shorter than the source allows for the pair |
| quotes         | warning | quotes or brackets balanced in the source but not in the translation |
| punctuation    | warning | final punctuation (. ? ! :) differs |
| whitespace     | warning | leading or trailing whitespace differs |
| length         | warning | length ratio far outside the norm for the pair |
| unknown-words  | warning | words the engine did not know (Apertium's * marks) |
| pronoun-gender | warning | one named person called both "he" and "she" in the source article |
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .memory import Catalog, TranslationUnit
from .names import NATIONALITY_SUFFIXES, NOT_NAME_WORDS, particles_pattern

LEVELS = {"numbers": "error", "names": "error", "glossary": "error", "untranslated": "error",
          "repetition": "error", "truncated": "error", "quotes": "warning", "punctuation": "warning",
          "whitespace": "warning", "length": "warning", "unknown-words": "warning",
          "pronoun-gender": "warning"}
CHECK_IDS = tuple(LEVELS)


@dataclass
class Problem:
    check: str
    level: str
    reference: str
    source: str
    target: str
    why: str

    def as_dict(self) -> dict:
        return {"check": self.check, "level": self.level, "reference": self.reference,
                "source": self.source, "target": self.target, "why": self.why}


# --------------------------------------------------------------------------- numbers

_NUMBER = re.compile(r"\d+(?:[.,\u00a0\u202f ]\d{3})*(?:[.,]\d+)?|\d+")


def _number_values(token: str) -> set[str]:
    """The values a written number can stand for: "1.200" is 1200 or 1.2; "2,5" is 2.5 or 25."""
    t = token.replace("\u00a0", " ").replace("\u202f", " ")
    values = {re.sub(r"[ .,]", "", t)}
    if re.fullmatch(r"\d+[.,]\d+", t):
        values.add(t.replace(",", "."))
        values.add(str(float(t.replace(",", "."))).rstrip("0").rstrip("."))
    for dec in (".", ","):
        thousands = "," if dec == "." else "."
        parts = t.replace(" ", thousands).split(dec)
        if len(parts) == 2 and re.fullmatch(r"\d{1,3}(?:[.,]\d{3})*", parts[0]):
            whole = parts[0].replace(thousands, "")
            values.add(f"{whole}.{parts[1]}".rstrip("0").rstrip(".") if parts[1] else whole)
    return values


def _numbers(text: str) -> list[str]:
    return [m.group(0).strip() for m in _NUMBER.finditer(text)]


def check_numbers(unit: TranslationUnit) -> str | None:
    target_values = [_number_values(n) for n in _numbers(unit.target)]
    missing = []
    for n in _numbers(unit.source):
        vals = _number_values(n)
        hit = next((i for i, tv in enumerate(target_values) if vals & tv), None)
        if hit is None:
            missing.append(n)
        else:
            target_values.pop(hit)
    if missing:
        return f"{', '.join(missing)} of the source {'is' if len(missing) == 1 else 'are'} missing or changed"
    return None


# --------------------------------------------------------------------------- names

_NAME = re.compile(rf"\b([A-Z][a-zà-ÿ'’-]+(?:\s+(?:{particles_pattern()})?\s*[A-Z][a-zà-ÿ'’-]+)+)")
# Titles and the articles of the desk's other languages are not part of a name either.
_NOT_NAME_WORD = NOT_NAME_WORDS | {"Prime", "Minister", "President", "Secretary", "El", "La", "Los", "Las",
                                   "Le", "Les", "Der", "Die", "Das"}


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(c))


# Heads of institution and event names, which are translated ("Akasaka Palace" -> "Palacio de
# Akasaka"): a capitalised run ending in one of these is not a person's name.
_INSTITUTION_HEADS = {
    "Palace", "Prize", "Award", "Cup", "Championship", "League", "Games", "Tour", "Open", "Festival",
    "Constitution", "Treaty", "Agreement", "Act", "Law", "Bill", "Accord", "Declaration", "Plan",
    "House", "Court", "Party", "Ministry", "Department", "Council", "Commission", "Parliament",
    "Assembly", "Senate", "Congress", "Government", "Office", "Agency", "Authority", "Bank", "Fund",
    "Union", "Association", "Federation", "Organisation", "Organization", "Institute", "University",
    "College", "School", "Hospital", "Museum", "Library", "Church", "Cathedral", "Street", "Square",
    "Avenue", "Road", "Bridge", "Park", "Airport", "Station", "Port", "Base", "Army", "Navy", "Force",
    "Guard", "Police", "Service", "Services", "Committee", "Board", "Group", "Company", "Corporation",
    "Island", "Islands", "River", "Sea", "Ocean", "Mountains", "Valley", "Coast", "Gulf", "Bay",
    "War", "Day", "Week", "Year", "Summit", "Conference", "Forum", "Exchange", "Market", "Center",
    "Centre", "Hall", "Tower", "Stadium", "Theatre", "Theater", "Zone", "Region", "Province", "State",
    "States", "Kingdom", "Republic", "City", "County", "District", "Woman", "Man",
}


def _person_names(text: str) -> list[str]:
    """Capitalised runs that look like people: not quoted titles, not institutions, not nationalities."""
    unquoted = re.sub(r"[\"“«„][^\"”»“]*[\"”»“]", " ", text)
    names = []
    for m in _NAME.finditer(unquoted):
        words = [w for w in m.group(1).split() if w not in _NOT_NAME_WORD]
        if len(words) < 2 or len(words) > 4 or words[-1] in _INSTITUTION_HEADS:
            continue
        if any(w.endswith(NATIONALITY_SUFFIXES) for w in words):
            continue
        names.append(" ".join(words[-2:]))
    return names


def check_names(unit: TranslationUnit) -> str | None:
    target = _fold(unit.target)
    missing = [n for n in _person_names(unit.source) if _fold(n.split()[-1]) not in target]
    if missing:
        return f"{', '.join(missing)} missing from the translation"
    return None


# --------------------------------------------------------------------------- other checks

def check_glossary(unit: TranslationUnit, terms) -> str | None:
    from .glossary import find_terms

    wrong = [t for _, _, t in find_terms(unit.source, terms) if t.target.lower() not in unit.target.lower()]
    if wrong:
        return "; ".join(f"“{t.term}” must be “{t.target}”" + (" (do not translate)" if t.keep else "")
                         for t in wrong)
    return None


def _letters(text: str) -> str:
    return re.sub(r"\W+", "", text.lower())


def check_untranslated(unit: TranslationUnit, source_lang: str) -> str | None:
    words = len(re.findall(r"[^\W\d_]{2,}", unit.source))
    if words >= 3 and _letters(unit.source) == _letters(unit.target):
        return "the translation is the source text"
    if words >= 6 and source_lang:
        from .detect import guess_language

        guess = guess_language(unit.target)
        if guess.code == source_lang and guess.confidence >= 0.9:
            return f"the translation reads as {guess.name} (the source language)"
    return None


_REPEAT = re.compile(r"\b(\w+(?:\s+\w+){0,2})(?:[\s,]+\1\b){2,}", re.I | re.U)


def check_repetition(unit: TranslationUnit) -> str | None:
    m = _REPEAT.search(unit.target)
    if m and not _REPEAT.search(unit.source):
        return f"“{m.group(1)}” repeats: “{m.group(0)[:60]}”"
    return None


# Typical target/source length ratios (characters); unknown pairs use 1.0.
_RATIO = {("en", "es"): 1.15, ("en", "ca"): 1.12, ("en", "fr"): 1.18, ("en", "pt"): 1.12,
          ("en", "it"): 1.15, ("en", "de"): 1.2, ("es", "en"): 0.87, ("ca", "en"): 0.9,
          ("es", "ca"): 0.98, ("ca", "es"): 1.02}


def check_length(unit: TranslationUnit, pair: tuple[str, str]) -> tuple[str, str] | None:
    if len(unit.source) < 25:
        return None
    expected = _RATIO.get(pair, 1.0)
    ratio = len(unit.target) / max(1, len(unit.source)) / expected
    if ratio < 0.6:
        return "truncated", f"the translation is {ratio:.0%} of the expected length: something may be cut off"
    if ratio > 1.9:
        return "length", f"the translation is {ratio:.1f}x the expected length"
    return None


def _balanced(text: str) -> bool:
    """Quotes and brackets pair up. Curly double quotes are counted together, since German
    opens with „ and closes with “, and English opens with “ and closes with ”."""
    return (text.count('"') % 2 == 0 and text.count("«") == text.count("»")
            and (text.count("“") + text.count("”") + text.count("„")) % 2 == 0
            and text.count("(") == text.count(")") and text.count("[") == text.count("]"))


def check_quotes(unit: TranslationUnit) -> str | None:
    if _balanced(unit.source) and not _balanced(unit.target):
        return "quotes or brackets are balanced in the source but not in the translation"
    return None


_FINAL = re.compile(r"([.!?:…]+)[\"'»”’)\]]*\s*$")


def check_punctuation(unit: TranslationUnit) -> str | None:
    s, t = _FINAL.search(unit.source), _FINAL.search(unit.target)
    s_end = s.group(1)[-1] if s else ""
    t_end = t.group(1)[-1] if t else ""
    if s_end.replace("…", ".") != t_end.replace("…", "."):
        return f"the source ends with “{s_end or 'no punctuation'}”, the translation with “{t_end or 'none'}”"
    return None


def check_whitespace(unit: TranslationUnit) -> str | None:
    lead = lambda x: x[: len(x) - len(x.lstrip())]
    trail = lambda x: x[len(x.rstrip()):]
    if lead(unit.source) != lead(unit.target) or trail(unit.source) != trail(unit.target):
        return "leading or trailing whitespace differs from the source"
    return None


# --------------------------------------------------------------------------- running

def check_unit(unit: TranslationUnit, source_lang: str, target_lang: str, terms=(),
               enabled: frozenset[str] = frozenset(CHECK_IDS)) -> list[Problem]:
    """Problems of one translated unit (untranslated units get none: status counts them)."""
    if not unit.target or unit.obsolete:
        return []
    ref = unit.references[0] if unit.references else ""
    found: list[tuple[str, str]] = []

    def run(check_id, result):
        if check_id in enabled and result:
            found.append((check_id, result))

    run("numbers", check_numbers(unit))
    run("names", check_names(unit))
    if terms:
        run("glossary", check_glossary(unit, terms))
    run("untranslated", check_untranslated(unit, source_lang))
    run("repetition", check_repetition(unit))
    length = check_length(unit, (source_lang, target_lang))
    if length:
        run(length[0], length[1])
    run("quotes", check_quotes(unit))
    run("punctuation", check_punctuation(unit))
    run("whitespace", check_whitespace(unit))
    unknown = unit.note("unknown:")
    run("unknown-words", f"the engine did not know: {unknown}" if unknown else None)
    return [Problem(c, LEVELS[c], ref, unit.source, unit.target, why) for c, why in found]


def check_catalog(catalog: Catalog, terms=(), enabled: frozenset[str] = frozenset(CHECK_IDS),
                  source_sentences: list[tuple[int, str]] | None = None) -> list[Problem]:
    """All problems of an article's memory, worst first (errors, then warnings; article order)."""
    problems: list[Problem] = []
    for unit in catalog.live():
        problems += check_unit(unit, catalog.source_lang, catalog.target_lang, terms, enabled)
    if "pronoun-gender" in enabled and source_sentences and catalog.source_lang == "en":
        from .translationese import _pronoun_gender

        for ev in _pronoun_gender(source_sentences):
            problems.append(Problem("pronoun-gender", LEVELS["pronoun-gender"], f"block {ev.block + 1}",
                                    ev.passage, "", ev.why + ": make the translation consistent"))
    order = {ref: i for i, ref in enumerate(u.references[0] for u in catalog.live() if u.references)}
    problems.sort(key=lambda p: (p.level != "error", order.get(p.reference, len(order)), p.check))
    return problems
