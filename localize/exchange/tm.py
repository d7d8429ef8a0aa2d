"""A newsroom's translation memory (TMX) as a source of matches in ``translate``.

A TM match is a person's earlier translation of the same (or a close) sentence, but for another
article: it is offered for review, never approved on its own. An exact match (100%) or a close
one (>= ``SUGGEST_INSTEAD``, as for the PO memory) fills the entry instead of machine output,
marked fuzzy, with provenance naming the TM file; a weaker match above the fuzzy threshold is noted
beside the machine output. The PO memory's own approved entries come first (they are this desk's
reviewed work); the TM is asked only for what they do not cover.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..memory import SUGGEST_INSTEAD, MemoryIndex, TranslationUnit
from ..pofile import now

TM_CACHE_SIZE = 8  # TMs in use at once: one per --tm and language pair in a run


@lru_cache(maxsize=TM_CACHE_SIZE)
def _index(path: str, mtime_ns: int, size: int, source: str, target: str) -> MemoryIndex:
    """The TM's pairs for one language pair, indexed (keyed by the file's stat, so an edited TM is
    read again)."""
    from .tmx import read_tmx_pairs

    index = MemoryIndex()
    name = Path(path).name
    for pair in read_tmx_pairs(Path(path), source, target):
        index.add(pair.source, pair.target, name)
    return index


def load_tm(path: str | Path, source: str, target: str) -> MemoryIndex:
    from ..errors import BadInput

    try:
        st = Path(path).stat()
    except OSError as exc:
        raise BadInput(f"cannot be read ({exc.strerror or exc})", str(path), "check the --tm path") from None
    return _index(str(Path(path).resolve()), st.st_mtime_ns, st.st_size, source, target)


def apply_tms(units: list[TranslationUnit], tm_files: tuple[str, ...], source: str, target: str,
              threshold: float) -> list[TranslationUnit]:
    """Fill ``units`` (entries that would go to machine translation) from the TMs; returns the
    units still needing machine translation."""
    if not tm_files or not units:
        return units
    indexes = [load_tm(p, source, target) for p in tm_files]
    remaining = []
    for unit in units:
        hit = next(((idx.exact(unit.source), idx) for idx in indexes if idx.exact(unit.source)), None)
        if hit is not None:
            (text, where), _ = hit
            _fill(unit, text, None, f"100% match in {where}")
            continue
        close = max((c for c in (idx.closest(unit.source, threshold) for idx in indexes) if c),
                    key=lambda c: c[3], default=None)
        if close and close[3] >= SUGGEST_INSTEAD:
            _fill(unit, close[1], close[0], f"{close[3]:.0f}% match in {close[2]}")
            continue
        if close:
            unit.set_note("suggestion:", f"{close[3]:.0f}% match from {close[2]}: {close[1]}")
        remaining.append(unit)
    return remaining


def _fill(unit: TranslationUnit, text: str, matched_source: str | None, where: str) -> None:
    unit.set_reused(text, False, where, now(), origin="tm")  # offered for review, never approved
    unit.previous_source = matched_source
