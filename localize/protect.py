"""Protecting: keep names (and glossary terms) away from an engine with stand-ins, then put them back.

Engines honour no "do not translate" markup, so a protected span is replaced by a stand-in the
engine passes through unchanged (the engine chooses it: Apertium uses a first name its analyser
knows, so its grammar rules still see a person there). Identical spans share one stand-in.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass
class Masked:
    text: str
    originals: dict[str, str] = field(default_factory=dict)  # stand-in -> original (or forced target)


def mask_spans(text: str, spans: list[tuple[int, int]], pool: list[str] | tuple[str, ...],
               replacements: dict[int, str] | None = None,
               pools: dict[int, list[str] | tuple[str, ...]] | None = None) -> Masked:
    """Replace each (start, end) span by a stand-in from ``pool``; spans left over stay as they are.

    ``replacements`` maps a span's start to the text to restore instead of the original (a
    glossary's target term); ``pools`` maps a span's start to its own pool of stand-ins (a
    woman's name for a woman's), tried before ``pool``."""
    by_text: dict[str, str] = {}
    originals: dict[str, str] = {}
    used: set[str] = set()
    out, last = [], 0
    for start, end in sorted(set(spans)):
        if start < last:
            continue  # overlapping spans: the first wins
        original = text[start:end]
        restore = (replacements or {}).get(start, original)
        key = f"{original}\x00{restore}"
        if key not in by_text:
            own = [n for n in (pools or {}).get(start, ()) if n not in used]
            candidates = own or [n for n in pool if n not in used]
            if not candidates:
                continue
            by_text[key] = candidates[0]
            used.add(candidates[0])
            originals[by_text[key]] = restore
        out.append(text[last:start])
        out.append(by_text[key])
        last = end
    out.append(text[last:])
    return Masked("".join(out), originals)


def unmask(text: str, masked: Masked) -> str:
    """Put the originals back in place of their stand-ins."""
    if not masked.originals:
        return text
    # A stand-in ends at a word boundary, or where an engine glued the next word to it: a
    # lower-case preposition and a figure ("de49años", Apertium's "49-year-old").
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, sorted(masked.originals, key=len, reverse=True)))
                         + r")(?:\b|(?=([^\W\d_]{1,3})\d))")

    def restore(m: re.Match) -> str:
        glued = m.group(2)
        return m.group(0) if glued and not glued.islower() else masked.originals[m.group(1)]

    return pattern.sub(restore, text)
