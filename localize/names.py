"""Names in running text: the small shared vocabulary of the stages that look for people
(reading bylines, protecting names from Apertium, checking translations, translationese)."""
from __future__ import annotations

from dataclasses import dataclass

# Lower-case words inside a person's name: "Ursula von der Leyen", "Lula da Silva".
NAME_PARTICLES = ("de", "da", "do", "dos", "das", "del", "della", "di", "van", "von", "der", "den",
                  "la", "le", "bin", "al", "du", "ter", "zu")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAY_PATTERN = "(" + "|".join(WEEKDAYS) + ")"
# Capitalised words that begin or sit in a capitalised run without being part of a name.
NOT_NAME_WORDS = frozenset({"The", "A", "An", "In", "On", "At", "For", "After", "When", "During", "While",
                            "But", "And", "Mr", "Mrs", "Ms", "Dr", "US", "U.S.", "UK", "EU",
                            *MONTHS, *WEEKDAYS})
NATIONALITY_SUFFIXES = ("ese", "ish", "ian", "ean", "can")  # Japanese, British, Italian, Korean, American


# A sentence where this share of its longer words is capitalised is a title-case headline: its
# capitals say nothing about names. At least TITLE_CASE_MIN_WORDS longer words are needed to tell.
TITLE_CASE_SHARE = 0.6
TITLE_CASE_MIN_WORDS = 3


def is_title_case(longer_words: list[str]) -> bool:
    """Whether a sentence whose longer words are ``longer_words`` is set in title case (a headline)."""
    return (len(longer_words) >= TITLE_CASE_MIN_WORDS
            and sum(w[:1].isupper() for w in longer_words) / len(longer_words) >= TITLE_CASE_SHARE)


def particles_pattern() -> str:
    """A regex alternation of the name particles."""
    return "|".join(NAME_PARTICLES)


@dataclass(frozen=True)
class LexicalUnit:
    """One unit of a sentence as a morphological analyser sees it ("Middle East" is one)."""
    surface: str
    proper: bool          # has a proper-noun reading
    common: bool          # has a common (dictionary word) reading
    unknown: bool         # the dictionary does not know it
    kinds: frozenset      # proper-noun subtypes: ant (first name), cog (surname), loc/top, org, al
    adjective: bool = False  # has an adjective reading (English capitalises demonyms: German, Greek)


@dataclass(frozen=True)
class NameKnowledge:
    """What a pair's dictionaries say about the words of some texts: per text its lexical units,
    and per proper noun its translations in the bilingual dictionary."""
    units: dict
    translations: dict

    def units_of(self, text: str) -> tuple | None:
        return self.units.get(text)
