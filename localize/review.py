"""Reviewing: go through an article's memory, machine output first, and record what a person approved.

Every decision is written at once (atomically, under the memory lock), so quitting at any point
loses nothing. Approving removes ``fuzzy``, sets Last-Translator and PO-Revision-Date, and leaves a
translator comment saying who approved the entry and when.
"""
from __future__ import annotations

import os
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .checks import check_catalog
from .errors import BadInput, StaleEntry
from .memory import Catalog, TranslationUnit
from .pofile import locked, now, read_catalog, write_catalog


def default_reviewer() -> str:
    """$LOCALIZE_REVIEWER, else git's user.name, else the login name."""
    name = os.environ.get("LOCALIZE_REVIEWER")
    if name:
        return name
    try:
        out = subprocess.run(["git", "config", "user.name"], capture_output=True, text=True, timeout=5)
        if out.stdout.strip():
            return out.stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        pass
    return os.environ.get("USER") or "reviewer"


def review_queue(catalog: Catalog, include_approved: bool = False) -> list[TranslationUnit]:
    """Machine output (fuzzy) first, then untranslated units, then (if asked) approved ones."""
    rank = {"machine": 0, "untranslated": 1, "approved": 2}
    live = [u for u in catalog.live() if include_approved or u.state != "approved"]
    return sorted(live, key=lambda u: rank[u.state])  # stable: article order within a state


def record_decision(po: Path, key: tuple[str | None, str], target: str, reviewer: str,
                    seen: tuple[str, bool] | None = None) -> TranslationUnit:
    """Approve one unit with ``target`` as its translation; written at once under the lock.

    ``seen`` is the entry as the reviewer saw it, ``(target, approved)``. When the entry differs
    now (another reviewer, a rerun, an outside editor saved meanwhile), nothing is written and
    StaleEntry carries the newer text: a decision on old text never overwrites newer work."""
    with locked(po):
        catalog = read_catalog(po)
        unit = catalog.find(key) if catalog else None
        if unit is None:
            raise BadInput("the sentence is no longer in the memory (the article changed meanwhile)",
                           str(po), "run localize translate, then review again")
        if seen is not None and (unit.target or "", bool(unit.approved)) != (seen[0] or "", bool(seen[1])):
            state = "approved" if unit.approved else "not approved"
            raise StaleEntry(f"the entry changed since it was shown: now {unit.target!r} ({state})", str(po),
                             "look at the newer text and decide again", target=unit.target or "",
                             approved=bool(unit.approved))
        stamp = now()
        unit.target, unit.approved, unit.previous_source = target, True, None
        unit.comments = [c for c in unit.comments if not c.startswith("approved by ")]
        unit.comments.append(f"approved by {reviewer} on {stamp}")
        catalog.headers["Last-Translator"] = reviewer
        write_catalog(po, catalog)
        return unit


@dataclass
class ReviewIO:
    """How the session talks to the person: ``ask`` reads a key or line, ``show`` prints."""

    ask: Callable[[str], str]
    show: Callable[[str], None]
    edit: Callable[[str], str | None] | None = None  # edit text in $EDITOR; None: aborted or unchanged


def edit_in_editor(text: str) -> str | None:
    """The text as the person saved it in $VISUAL/$EDITOR; None when the editor failed or was
    aborted (non-zero exit: vim's :cq, EDITOR=false) or the file was left unchanged, so that
    nothing is approved that the person did not deliberately save."""
    import shlex

    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    with tempfile.NamedTemporaryFile("w+", suffix=".txt", delete=False, encoding="utf-8") as f:
        f.write(text)
        name = f.name
    try:
        try:
            done = subprocess.run([*shlex.split(editor), name], check=False)
        except OSError as exc:
            raise BadInput(f"cannot start the editor {editor!r} ({exc.strerror})", "$EDITOR",
                           "set EDITOR or VISUAL to an installed editor") from None
        if done.returncode != 0:
            return None
        saved = Path(name).read_text(encoding="utf-8").rstrip("\n")
        return saved if saved != text.rstrip("\n") else None
    finally:
        os.unlink(name)


HELP = "[a]ccept  [e]dit  [E]dit in $EDITOR  [s]kip  [b]ack  [q]uit"


def run_review(po: Path, reviewer: str, io: ReviewIO, include_approved: bool = False,
               terms=()) -> dict[str, int]:
    """The interactive loop; returns counts of approved, edited and skipped units."""
    catalog = read_catalog(po)
    if catalog is None:
        raise BadInput("no memory to review", str(po), "run localize translate first")
    queue = review_queue(catalog, include_approved)
    problems: dict[str, list] = {}
    for p in check_catalog(catalog, terms):
        problems.setdefault(p.reference, []).append(p)
    counts = {"approved": 0, "edited": 0, "skipped": 0}
    i = 0
    while 0 <= i < len(queue):
        unit = queue[i]
        ref = unit.references[0] if unit.references else ""
        io.show(f"\n[{i + 1}/{len(queue)}] {ref}  ({unit.state})")
        io.show(f"  source:      {unit.source}")
        io.show(f"  translation: {unit.target or '(none)'}")
        if unit.origin:  # contract 1: who or what wrote the current translation
            by = f" ({unit.translated_by})" if unit.translated_by else ""
            io.show(f"  origin:      {unit.origin}{by}")
        if unit.machine_text is not None and not unit.holds_machine_text:
            io.show(f"  machine output: {unit.machine_text}")
        for note in unit.notes:
            if note.startswith(("suggestion:", "unknown:")):
                io.show(f"  {note}")
        for comment in unit.comments:  # contract 2: "accepted CHECK_ID by NAME on DATE"
            if comment.startswith("accepted "):
                io.show(f"  {comment}")
        if unit.previous_source:
            io.show(f"  previous source: {unit.previous_source}")
        # A reference is a source line; a line can hold several sentences: only this one's problems.
        for p in (p for p in problems.get(ref, []) if not p.source or p.source == unit.source):
            io.show(f"  {p.level} [{p.check}]: {p.why}")
        try:
            key = io.ask(HELP).strip()
        except EOFError:  # the answers ran out (a scripted review): quit, as "q" does
            io.show("")
            break
        if key in ("q", "Q", ""):
            if key == "" and i < len(queue):
                io.show("  (nothing typed: quitting)")
            break
        if key == "a":
            if not unit.target:
                io.show("  nothing to accept: edit it first")
                continue
            decided = _decide(po, unit, unit.target, reviewer, io)
            if decided is None:
                continue
            queue[i] = decided
            counts["approved"] += 1
            i += 1
        elif key in ("e", "E"):
            if key == "E" and io.edit:
                new = io.edit(unit.target)
                if new is None:
                    io.show("  the editor was aborted or nothing was changed: not saved")
                    continue
            else:
                try:
                    new = io.ask(f"new translation [{unit.target}]")
                except EOFError:  # no new translation came: this entry stays as it is
                    io.show("\n  the input ended before a translation: not saved")
                    break
            new = new.strip() or unit.target
            if not new:
                io.show("  empty translation: not saved")
                continue
            decided = _decide(po, unit, new, reviewer, io)
            if decided is None:
                continue
            queue[i] = decided
            counts["edited"] += 1
            i += 1
        elif key == "s":
            counts["skipped"] += 1
            i += 1
        elif key == "b":
            i = max(0, i - 1)
        else:
            io.show(f"  unknown key {key!r}: {HELP}")
    return counts


def _decide(po: Path, unit: TranslationUnit, target: str, reviewer: str, io: ReviewIO) -> TranslationUnit | None:
    """Record a decision on ``unit`` as it was shown; if it changed meanwhile, show the newer text,
    update ``unit`` to it, and return None so that the person decides again."""
    try:
        return record_decision(po, unit.key, target, reviewer, seen=(unit.target or "", bool(unit.approved)))
    except StaleEntry as stale:
        io.show(f"  changed meanwhile: now {stale.target or '(none)'} "
                f"({'approved' if stale.approved else 'not approved'}); nothing saved, decide again")
        unit.target, unit.approved = stale.target, stale.approved
        return None
