"""The PO format: Catalog <-> gettext PO files (polib), written atomically under a lock.

Every write goes to a temporary file in the same folder, is flushed to disk, and replaces the
old file with one rename, while holding the file's lock; a reader never sees half a file and two
writers never interleave. Read-modify-write sequences hold the lock throughout (``locked``); the lock is
the hidden file ``.<name>.po.lock`` beside the PO file.
"""
from __future__ import annotations

import contextlib
import os
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from .errors import BadInput
from .memory import Catalog, MemoryIndex, TranslationUnit

# gettext plural rules for the languages a news desk works in (from the gettext manual).
PLURAL_FORMS = {
    "ja": "nplurals=1; plural=0;", "zh": "nplurals=1; plural=0;", "ko": "nplurals=1; plural=0;",
    "fr": "nplurals=2; plural=(n > 1);", "pt": "nplurals=2; plural=(n != 1);",
    "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    "uk": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    "pl": "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    "ar": "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);",
}
DEFAULT_PLURAL = "nplurals=2; plural=(n != 1);"
LOCK_TIMEOUT = 120


def now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M+0000")


@contextlib.contextmanager
def locked(path: Path):
    """Hold the memory lock of one PO file (other localize processes wait)."""
    from filelock import FileLock, Timeout

    path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(path.parent / f".{path.name}.lock"), timeout=LOCK_TIMEOUT)
    try:
        with lock:
            yield
    except Timeout:
        raise BadInput(f"the memory is locked by another localize process for over {LOCK_TIMEOUT}s",
                       str(path), "wait for it to finish, or remove the .lock file if it crashed") from None


def read_catalog(path: Path) -> Catalog | None:
    """The catalog in a PO file, or None when the file does not exist."""
    import polib

    if not path.exists():
        return None
    try:
        po = polib.pofile(str(path), wrapwidth=0)
    except (OSError, IOError, ValueError, UnicodeDecodeError) as exc:
        raise BadInput(f"is not a readable PO file ({exc})", str(path),
                       "fix it (msgfmt -c shows where) or move it away") from None
    meta = dict(po.metadata)
    catalog = Catalog(article_id=meta.get("Project-Id-Version", path.stem),
                      source_lang=meta.get("X-Source-Language", ""),
                      target_lang=meta.get("Language", ""), headers=meta)
    for e in po:
        catalog.units.append(_unit(e))
    for e in po.obsolete_entries():
        if e not in po:
            catalog.units.append(_unit(e))
    return catalog


def _unit(e) -> TranslationUnit:
    return TranslationUnit(
        source=e.msgid, target=e.msgstr, context=e.msgctxt,
        approved=bool(e.msgstr) and "fuzzy" not in e.flags,
        references=[f"{f}:{l}" if l else f for f, l in e.occurrences],
        notes=[n for n in (e.comment or "").splitlines() if n],
        comments=[n for n in (e.tcomment or "").splitlines() if n],
        previous_source=e.previous_msgid, obsolete=e.obsolete)


def write_catalog(path: Path, catalog: Catalog, generator: str = "localize") -> None:
    """Write a catalog as a PO file, atomically (caller holds ``locked(path)`` when it read first)."""
    import polib

    po = polib.POFile(wrapwidth=78)
    headers = {
        "Project-Id-Version": catalog.article_id,
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": catalog.headers.get("POT-Creation-Date") or now(),
        "PO-Revision-Date": now(),
        "Last-Translator": catalog.headers.get("Last-Translator") or "localize (machine translation)",
        "Language-Team": catalog.headers.get("Language-Team") or "none",
        "Language": catalog.target_lang,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": PLURAL_FORMS.get(catalog.target_lang.split("@")[0].split("_")[0], DEFAULT_PLURAL),  # fr_CA: fr's
        "X-Generator": generator,
        "X-Source-Language": catalog.source_lang,
    }
    for k, v in catalog.headers.items():
        if k.startswith("X-") and k not in headers:
            headers[k] = v
    po.metadata = headers
    po.header = f"Translation memory of article {catalog.article_id} ({catalog.source_lang} -> {catalog.target_lang})."
    for u in catalog.units:
        entry = polib.POEntry(msgid=u.source, msgstr=u.target, msgctxt=u.context,
                              comment="\n".join(u.notes), tcomment="\n".join(u.comments),
                              occurrences=[tuple(r.rsplit(":", 1)) if ":" in r else (r, "") for r in u.references],
                              obsolete=u.obsolete)
        if u.target and not u.approved:
            entry.flags.append("fuzzy")
            if u.previous_source and u.previous_source != u.source:
                entry.previous_msgid = u.previous_source
        po.append(entry)
    _atomic_write(path, str(po).encode("utf-8") + (b"" if str(po).endswith("\n") else b"\n"))


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Atomically write any output file (built articles, reports)."""
    _atomic_write(Path(path), data)


def load_memory_index(locales: Path, source: str, target: str, exclude: Path | None = None) -> MemoryIndex:
    """Approved units of every PO file for one language pair (the shared memory)."""
    index = MemoryIndex()
    folder = Path(locales) / target / "LC_MESSAGES"
    if not folder.is_dir():
        return index
    for path in sorted(folder.glob("*.po")):
        if exclude is not None and path.resolve() == exclude.resolve():
            continue
        try:
            catalog = read_catalog(path)
        except BadInput:
            continue  # a broken file elsewhere must not stop this article; `localize status` shows it
        if catalog is None or catalog.source_lang != source:
            continue
        for u in catalog.units:
            if u.state == "approved" and not u.obsolete:
                index.add(u.source, u.target, path.name)
    return index


def quick_scan(path: Path) -> tuple[dict[str, str], bool] | None:
    """(header fields, whether some entry is untranslated) from one read of the file's text, no
    full parse: enough for a rerun to tell that a memory is current. None when unreadable."""
    import re

    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    header = text.split("\n\n", 1)[0]
    fields = dict(re.findall(r'^"([\w-]+): (.*?)\\n"$', header, re.M))
    untranslated = bool(re.search(r'^msgstr ""[ \t]*(?:\r?\n(?!")|\Z)', text[len(header):], re.M))
    return fields, untranslated
