"""Names in running text: the small shared vocabulary of the stages that look for people
(reading bylines, protecting names from Apertium, checking translations, translationese)."""
from __future__ import annotations

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


def particles_pattern() -> str:
    """A regex alternation of the name particles."""
    return "|".join(NAME_PARTICLES)
