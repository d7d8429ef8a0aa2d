"""The PO format: Catalog <-> gettext PO files (polib), written atomically under a lock.

Every write goes to a temporary file in the same folder, is flushed to disk, and replaces the
old file with one rename, while holding the file's lock; a reader never sees half a file and two
writers never interleave. Read-modify-write sequences hold the lock throughout (``locked``); the lock is
the hidden file ``.<name>.po.lock`` beside the PO file.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import re
import stat
import subprocess
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

from .errors import BadInput, InvalidMemory
from .memory import ORIGINS, Catalog, MemoryIndex, TranslationUnit, units_digest

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
# Header fields a rerun checks before it skips an article (translate._unchanged).
MEMORY_DIGEST = "X-Memory-Digest"  # units_digest of the entries as localize last wrote them
# SHA-256 of the file's bytes as localize wrote them, with this value itself zeroed: it proves that
# no other tool re-wrapped or edited the file since (the rerun shortcut trusts only such a file, and
# a rerun rewrites any other into canonical form).
FILE_DIGEST = "X-File-Digest"
_FILE_DIGEST_PLACEHOLDER = b"0" * 64
_FILE_DIGEST_VALUE = re.compile(rb'X-File-Digest: (?:"\r?\n")?"?([0-9a-f]{64})')
RUN_SIGNATURE = "X-Localize-Run"  # translate.run_signature of the last translate run
# One field per other language a block of the article is translated from, named after it
# ("X-Localize-Run-fr"): that route's run signature, so the rerun shortcut sees its route change too.
BLOCK_RUN_SIGNATURE = "X-Localize-Run-"
SOURCE_DETECTION = "X-Source-Language-Detection"  # how the source language was found


def now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M+0000")


LOCK_POLL = 0.05  # seconds between attempts while another process holds a memory's lock


@contextlib.contextmanager
def locked(path: Path, timeout: float = LOCK_TIMEOUT):
    """Hold the memory lock of one PO file (other localize processes wait).

    The lock is an advisory lock (flock) on the hidden file ``.<name>.po.lock``, which records the
    owner's process id. The system frees it the moment its owner exits, however it exits, so a
    lock whose owner is gone is never stale: the next process simply takes it. The lock file is
    never deleted (deleting it would let two writers in at once), and a lock taken on a file that
    someone deleted meanwhile is given up and taken again on the real one."""
    try:
        import fcntl
    except ImportError:  # not POSIX: filelock's portable lock
        yield from _filelock(path, timeout)
        return
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    lock_path = Path(path).parent / f".{Path(path).name}.lock"
    deadline = time.monotonic() + timeout
    while True:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o666 & ~_umask())
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            owner = _lock_owner(fd)
            os.close(fd)
            if time.monotonic() >= deadline:
                raise BadInput(f"the memory is locked by localize process {owner or '?'}, busy for over {timeout:g}s",
                               str(path), "wait for it to finish, or stop that process; the lock frees itself "
                               "when its process ends") from None
            time.sleep(LOCK_POLL)
            continue
        try:
            current = os.stat(lock_path).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            current = False
        if not current:
            os.close(fd)
            continue
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        break
    try:
        yield
    finally:
        os.close(fd)  # releases the flock


def _lock_owner(fd: int) -> str:
    try:
        return os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return ""


def _filelock(path: Path, timeout: float):
    from filelock import FileLock, Timeout

    Path(path).parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(Path(path).parent / f".{Path(path).name}.lock"), timeout=timeout)
    try:
        with lock:
            yield
    except Timeout:
        raise BadInput(f"the memory is locked by another localize process, busy for over {timeout:g}s",
                       str(path), "wait for it to finish, or stop that process") from None


def read_catalog(path: Path) -> Catalog | None:
    """The catalog in a PO file, or None when the file does not exist; a file that is not valid
    gettext is refused (InvalidMemory, naming its line)."""
    import polib

    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    # A file still byte for byte as localize wrote it (its X-File-Digest holds) was valid when
    # written (msgcat formatted it): msgfmt, a subprocess per file, is needed only for files that
    # another tool or a person changed. This keeps loading a memory of thousands of files fast.
    if not file_is_as_written(data):
        validate_po(path)
    try:
        po = polib.pofile(str(path), wrapwidth=0)
    except (OSError, IOError, ValueError, UnicodeDecodeError) as exc:
        raise BadInput(f"is not a readable PO file ({exc})", str(path),
                       "fix it (msgfmt -c shows where) or move it away") from None
    meta = dict(po.metadata)
    catalog = Catalog(article_id=meta.get("Project-Id-Version", path.stem),
                      source_lang=meta.get("X-Source-Language", ""),
                      target_lang=meta.get("Language", ""), headers=meta)
    editor = meta.get("Last-Translator") or None
    when = meta.get("PO-Revision-Date") or None
    # polib yields every entry, obsolete ones included, once; each becomes one unit.
    for e in po:
        catalog.units.append(_unit(e, editor, when))
    return catalog


# Provenance notes (``#.`` lines): the rendering of TranslationUnit's provenance fields.
ORIGIN, BY, ON, MACHINE_OUTPUT = "origin:", "translated by:", "translated on:", "machine output:"
_LEGACY_ENGINE = "engine:"  # files written before provenance fields


MSGFMT_TIMEOUT = 120  # seconds: msgfmt checks 100,000 entries in a few seconds


def validate_po(path: Path) -> None:
    """Refuse a PO file that GNU ``msgfmt -c`` refuses (unterminated or cut strings, duplicate
    entries, bad escapes, a broken header), naming the file and the first line it fails on.
    polib is lenient and would silently repair or drop such entries, so nothing is trusted to it
    before this check; localize never repairs a memory by itself."""

    arg = os.path.abspath(path)
    try:
        done = subprocess.run(["msgfmt", "-c", "-o", os.devnull, arg], capture_output=True,
                              timeout=MSGFMT_TIMEOUT)
    except FileNotFoundError:
        raise BadInput("GNU gettext (msgfmt) is not installed", "PATH",
                       "install gettext (apt-get install gettext)") from None
    if done.returncode == 0:
        return
    errors = done.stderr.decode("utf-8", "replace").splitlines()
    for line in errors:
        found = re.match(r"(\d+):(?:\d+:)? (.*)", line[len(arg) + 1:]) if line.startswith(arg + ":") else None
        if found:
            number, message = int(found.group(1)), found.group(2).strip().rstrip(".")
            if message == "end-of-line within string":
                number -= 1  # msgfmt counts the line break it stopped at: the open string is above
            raise InvalidMemory(f"is not a valid PO file: {message}", f"{path}:{number}",
                                "fix that line (msgfmt -c lists every problem); localize repairs nothing",
                                line=number)
    message = next((e for e in errors if e.strip()), "msgfmt refused it").removeprefix("msgfmt: ")
    raise InvalidMemory(f"is not a valid PO file: {message}", str(path),
                        "fix it (msgfmt -c lists every problem); localize repairs nothing")


def _unit(e, editor: str | None, when: str | None) -> TranslationUnit:
    unit = TranslationUnit(
        source=e.msgid, target=e.msgstr, context=e.msgctxt,
        approved=bool(e.msgstr) and "fuzzy" not in e.flags,
        references=[f"{f}:{l}" if l else f for f, l in e.occurrences],
        comments=[n for n in (e.tcomment or "").splitlines() if n],
        previous_source=e.previous_msgid, obsolete=bool(e.obsolete))
    notes, legacy = [], False
    for n in _join_wrapped((e.comment or "").splitlines()):
        if not n:
            continue
        if n.startswith(ORIGIN):
            value = n[len(ORIGIN):].strip()
            word = value.split(",")[0].split(" ")[0]
            if value == "machine translation":  # legacy form
                unit.origin, legacy = "machine", True
            elif word in ORIGINS:
                unit.origin = word
            elif value.startswith(("previous version", "memory")):  # legacy forms
                unit.origin, unit.translated_by = "memory", value.removeprefix("memory, ")
        elif n.startswith(BY):
            unit.translated_by = n[len(BY):].strip()
        elif n.startswith(_LEGACY_ENGINE):
            unit.translated_by = n[len(_LEGACY_ENGINE):].strip()
        elif n.startswith(ON):
            unit.translated_on = n[len(ON):].strip()
        elif n.startswith(MACHINE_OUTPUT):
            unit.machine_text = _unescape(n[len(MACHINE_OUTPUT) + 1:])
        else:
            notes.append(n)
    unit.notes = notes
    if unit.origin == "machine" and unit.machine_text is None and not unit.approved and legacy:
        unit.machine_text = unit.target  # written before provenance fields: a fuzzy machine entry holds the engine's words
    unit.settle_provenance(editor, when)
    return unit


KNOWN_NOTES = (ORIGIN, BY, ON, MACHINE_OUTPUT, _LEGACY_ENGINE, "role:", "unknown:", "suggestion:")


def _join_wrapped(lines: list[str]) -> list[str]:
    """Undo the wrapping some tools (polib, translate-toolkit) apply to long ``#.`` lines: a line
    that does not start a known note continues the machine output before it."""
    out: list[str] = []
    for line in lines:
        if out and out[-1].startswith(MACHINE_OUTPUT) and line and not line.startswith(KNOWN_NOTES):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def _fold_provenance_notes(u: TranslationUnit) -> None:
    """Provenance given as free notes (``origin: tm, 92% match in X``) moves into the fields, which
    alone are rendered: one ``origin:`` line per entry, whatever code set it."""
    rest = []
    for n in u.notes:
        if n.startswith(ORIGIN):
            word, _, detail = n[len(ORIGIN):].strip().partition(" ")
            word = word.rstrip(",")
            if not u.origin and word in ORIGINS:
                u.origin = word
            if not u.translated_by and detail.strip(", "):
                u.translated_by = detail.strip(", ")
        elif n.startswith(MACHINE_OUTPUT):
            if u.machine_text is None:
                u.machine_text = _unescape(n[len(MACHINE_OUTPUT) + 1:])
        elif n.startswith((BY, ON)):
            field_name = "translated_by" if n.startswith(BY) else "translated_on"
            if not getattr(u, field_name):
                setattr(u, field_name, n.split(":", 1)[1].strip())
        else:
            rest.append(n)
    u.notes = rest


def provenance_notes(u: TranslationUnit) -> list[str]:
    """The provenance fields as note lines (``#.`` in PO files, notes in XLIFF/TMX)."""
    lines = []
    if u.origin:
        lines.append(f"{ORIGIN} {u.origin}")
    if u.translated_by:
        lines.append(f"{BY} {u.translated_by}")
    if u.translated_on:
        lines.append(f"{ON} {u.translated_on}")
    if u.machine_text is not None:
        # Written even while equal to the target: an edit made in another tool (Poedit) is then
        # still seen as a person's, and the engine's words stay beside it.
        lines.append(f"{MACHINE_OUTPUT} {_escape(u.machine_text)}")
    return lines


def _escape(text: str) -> str:
    """One comment line holds one line: backslashes and line breaks are written as PO escapes."""
    return text.replace("\\", "\\\\").replace("\n", "\\n")


def _unescape(text: str) -> str:

    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), text)


def generator_name() -> str:
    """``localize VERSION`` for the X-Generator header, from the installed package's metadata."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"localize {version('localize')}"
    except PackageNotFoundError:  # running from a source tree that was not installed
        return "localize"


def write_catalog(path: Path, catalog: Catalog, generator: str | None = None) -> None:
    """Write a catalog as a PO file, atomically (caller holds ``locked(path)`` when it read first)."""
    import polib

    po = polib.POFile(wrapwidth=0)
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
        "X-Generator": generator or generator_name(),
        "X-Source-Language": catalog.source_lang,
    }
    for k, v in catalog.headers.items():
        if k.startswith("X-") and k not in headers:
            headers[k] = v
    headers[MEMORY_DIGEST] = units_digest(catalog.units)
    headers[FILE_DIGEST] = _FILE_DIGEST_PLACEHOLDER.decode()
    po.metadata = headers
    po.header = f"Translation memory of article {catalog.article_id} ({catalog.source_lang} -> {catalog.target_lang})."
    stamp = now()
    for u in catalog.units:
        _fold_provenance_notes(u)
        u.settle_provenance(headers["Last-Translator"], stamp)
        roles = [n for n in u.notes if n.startswith("role:")]
        notes = roles + provenance_notes(u) + [n for n in u.notes if not n.startswith("role:")]
        entry = polib.POEntry(msgid=u.source, msgstr=u.target, msgctxt=u.context,
                              comment="\n".join(notes), tcomment="\n".join(u.comments),
                              occurrences=[tuple(r.rsplit(":", 1)) if ":" in r else (r, "") for r in u.references],
                              obsolete=u.obsolete)
        if u.target and not u.approved:
            entry.flags.append("fuzzy")
            if u.previous_source and u.previous_source != u.source:
                entry.previous_msgid = u.previous_source
        po.append(entry)
    _atomic_write(path, _sealed(canonical_po(str(po).encode("utf-8"))))


def _sealed(data: bytes) -> bytes:
    """``data`` with its X-File-Digest placeholder replaced by the digest of ``data``."""
    found = _FILE_DIGEST_VALUE.search(data)
    if found is None or found.group(1) != _FILE_DIGEST_PLACEHOLDER:
        return data
    digest = hashlib.sha256(data).hexdigest().encode("ascii")
    return data[:found.start(1)] + digest + data[found.end(1):]


def file_is_as_written(data: bytes) -> bool:
    """True when these PO bytes are exactly what localize wrote (no outside tool changed or re-wrapped them)."""
    found = _FILE_DIGEST_VALUE.search(data)
    if found is None:
        return False
    zeroed = data[:found.start(1)] + _FILE_DIGEST_PLACEHOLDER + data[found.end(1):]
    return hashlib.sha256(zeroed).hexdigest().encode("ascii") == found.group(1)


def canonical_po(data: bytes) -> bytes:
    """The PO text as GNU ``msgcat`` writes it (its line wrapping and comment layout), so that
    every gettext tool, Poedit included, reads and rewrites the file without unrelated diffs."""
    try:
        done = subprocess.run(["msgcat", "--force-po", "-o", "-", "-"], input=data, capture_output=True, timeout=MSGCAT_TIMEOUT)
    except FileNotFoundError:
        raise BadInput("GNU gettext (msgcat) is not installed", "PATH",
                       "install gettext (apt-get install gettext)") from None
    if done.returncode != 0:
        first = done.stderr.decode("utf-8", "replace").strip().splitlines()[:1]
        raise BadInput(f"msgcat refused the memory ({first[0] if first else 'no message'})", "msgcat",
                       "report this: localize wrote an invalid PO text") from None
    return done.stdout


MSGCAT_TIMEOUT = 120  # seconds: msgcat formats 100,000 entries in a few seconds


def _atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` in one rename: readers see the old file or the new one.

    The file keeps its mode and group (a shared desk folder stays readable); a new file gets the
    mode the umask allows, as any editor would create it. A symlink is written through: the link
    stays, its target changes. Temp files that a killed writer left behind are removed first."""
    path = Path(path)
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError:  # a file stands where the folder should be: say that, not "file exists"
        import errno

        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(path.parent)) from None
    _remove_orphan_temps(path)
    try:
        old = os.stat(path)
    except FileNotFoundError:
        old = None
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            if old is not None:
                os.fchmod(f.fileno(), stat.S_IMODE(old.st_mode))
                with contextlib.suppress(OSError):  # only the owner or root may change the group
                    os.fchown(f.fileno(), -1, old.st_gid)
            else:
                os.fchmod(f.fileno(), 0o666 & ~_umask())
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


TEMP_SUFFIX = ".tmp"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _remove_orphan_temps(path: Path) -> None:
    """Remove ``.<name>.<pid>.*.tmp`` files whose writer process no longer exists."""
    prefix = f".{path.name}."
    try:
        names = [n for n in os.listdir(path.parent) if n.startswith(prefix) and n.endswith(TEMP_SUFFIX)]
    except OSError:
        return
    for name in names:
        pid = name[len(prefix):].split(".", 1)[0]
        if pid.isdigit() and not _process_alive(int(pid)):
            with contextlib.suppress(OSError):
                os.unlink(path.parent / name)


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    return True


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Atomically write any output file (built articles, reports).

    A path naming a device, a FIFO or a socket (``-o /dev/stdout``, ``-o /dev/null``, a named
    pipe) is written into as it is: renaming a file over it would replace the device itself."""
    path = Path(path)
    try:
        mode = os.stat(path).st_mode  # through symlinks: /dev/stdout is one
    except (FileNotFoundError, NotADirectoryError):
        mode = None
    if mode is not None and not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        try:
            with open(path, "wb") as f:
                f.write(data)
        except OSError as exc:  # a write error names no file: say which (/dev/full: disk full)
            raise OSError(exc.errno, exc.strerror, str(path)) from None
        return
    _atomic_write(path, data)


def load_memory_index(locales: Path, source: str, target: str, exclude: Path | None = None) -> MemoryIndex:
    """Approved units of every PO file for one language pair (the shared memory)."""
    index = MemoryIndex()
    folder = Path(locales) / target / "LC_MESSAGES"
    if not folder.is_dir():
        return index
    for path in sorted(folder.glob("**/*.po")):
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
                index.add(u.source, u.target, path.relative_to(folder).as_posix())
    return index
