"""Models: the Argos package index, downloads, and safe, atomic installation of packages.

A package is an untrusted zip. Installation unpacks it into a temporary folder beside the packages
folder, refuses anything unsafe (entries escaping the folder, absolute paths, symlinks, more than
``max_unpacked`` bytes, a missing or malformed metadata.json, no model/ or tokenizer, another pair
than asked), load-tests the model with CTranslate2, and only then renames it into place. A failure
or Ctrl-C at any point leaves the previous state as it was.
"""
from __future__ import annotations

import hashlib
import json
import re
import shutil
import stat
import tempfile
import time
import zlib
import urllib.error
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

from .errors import BadInput, LocalizeError, ModelInvalid

MAX_UNPACKED = 4 * 1024**3  # a real Argos model is 100-400 MB unpacked
MAX_ENTRIES = 10_000
CHUNK = 1 << 16
# Argos's whole index is about 100 KB; 16 MiB leaves room for growth and refuses a hostile server
# that would otherwise be read into memory.
MAX_INDEX_BYTES = 16 * 2**20
# A download must make progress: at least STALL_MIN_BYTES in every STALL_WINDOW_S seconds (a
# server trickling a byte every few seconds is cut off), and no attempt lasts over
# MAX_DOWNLOAD_S (an Argos model of 400 MB needs ~1 h at 1 Mbit/s). The partial file is kept
# for the next attempt or run to resume.
STALL_WINDOW_S = 60.0
STALL_MIN_BYTES = 16 * 1024
MAX_DOWNLOAD_S = 3 * 3600.0
INDEX_TIMEOUT_S = 30.0  # the whole index, every byte of it
URL_SCHEMES = ("http://", "https://")
Progress = Callable[[int, Optional[int]], None]  # (bytes so far, total or None)


class DownloadFailed(LocalizeError):
    exit_code = 1


# A package's language codes become folder names, so they must be language codes and nothing
# else: ISO 639 letters, optionally one BCP-47/gettext subtag (pt_BR, zh-Hant). No "/", "." or
# anything that could walk out of the packages folder.
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?")


def check_language_code(value, what: str, where: str) -> str:
    """``value`` if it is a language code string, else ModelInvalid (never a path, list or number)."""
    if not isinstance(value, str) or not LANGUAGE_CODE.fullmatch(value):
        raise ModelInvalid(f"{what} {value!r} is not a language code", where, "refusing the package")
    return value


def inside(root: Path, path: Path) -> bool:
    """True when ``path`` (resolved, symlinks followed) is ``root`` or lies under it."""
    return path.resolve().is_relative_to(root.resolve())


def _child_of(root: Path, name: str, where: str) -> Path:
    """``root / name``, proven to be a direct child of ``root`` before anything moves or is deleted."""
    path = root / name
    if path.resolve().parent != root.resolve() or not inside(root, path):
        raise ModelInvalid(f"the package folder name {name!r} leaves {root}", where, "refusing the package")
    return path


@dataclass
class IndexEntry:
    source: str
    target: str
    version: str
    name: str
    links: list[str]
    size: int | None = None
    sha256: str | None = None

    def as_dict(self) -> dict:
        return {"source": self.source, "target": self.target, "version": self.version, "name": self.name,
                "links": self.links, "size": self.size, "sha256": self.sha256}


@dataclass
class IndexInfo:
    entries: list[IndexEntry]
    url: str
    fetched_at: float
    from_cache: bool

    @property
    def age_s(self) -> float:
        return max(0.0, time.time() - self.fetched_at)


def default_index_url(settings) -> str:
    """$LOCALIZE_INDEX_URL, else Argos Translate's own public index (as argostranslate knows it)."""
    import os

    if os.environ.get("LOCALIZE_INDEX_URL"):
        return os.environ["LOCALIZE_INDEX_URL"]
    from .engines.argos import import_argos

    import_argos(settings)
    import argostranslate.settings as argos_settings

    return argos_settings.remote_package_index


# --------------------------------------------------------------------------- index

def _cache_path(settings, url: str) -> Path:
    """One cache per index URL, so that an install with another --index never uses this one."""
    return Path(settings.data_dir) / f"index-{hashlib.sha256(url.encode()).hexdigest()[:16]}.json"


def check_url(url: str) -> str:
    """Only http(s): a file://, ftp:// or data: link in an index must not read local files."""
    if not url.lower().startswith(URL_SCHEMES):
        raise BadInput("only http:// and https:// links are downloaded", url, "check the URL or the index")
    return url


def _read_limited(resp, limit: int, deadline_s: float, url: str) -> bytes:
    """The response body, refused when it exceeds ``limit`` bytes or takes over ``deadline_s``."""
    length = resp.headers.get("Content-Length")
    if length is not None and length.isdigit() and int(length) > limit:
        raise DownloadFailed(f"the response is {int(length)} bytes (limit {limit})", url,
                             "check --index")
    start, parts, size = time.monotonic(), [], 0
    while True:
        chunk = resp.read1(CHUNK)
        if not chunk:
            return b"".join(parts)
        size += len(chunk)
        if size > limit:
            raise DownloadFailed(f"the response is over the limit of {limit} bytes", url, "check --index")
        if time.monotonic() - start > deadline_s:
            raise DownloadFailed(f"the server sent {size} bytes in {deadline_s:.0f} s", url,
                                 "try again later or use another --index")
        parts.append(chunk)


def fetch_index(settings, url: str | None = None, timeout: float = 20.0) -> IndexInfo:
    """The package index: fresh from ``url`` when reachable, else the cached copy (with its age)."""
    from .pofile import write_bytes_atomic

    url = check_url(url or default_index_url(settings))
    cache = _cache_path(settings, url)
    try:
        with urllib.request.urlopen(url, timeout=min(timeout, INDEX_TIMEOUT_S)) as resp:
            raw = _read_limited(resp, MAX_INDEX_BYTES, INDEX_TIMEOUT_S, url)
        data = json.loads(raw)
        entries = _parse_index(data, url)  # before caching: a bad answer never replaces a good cache
        write_bytes_atomic(cache, json.dumps({"url": url, "fetched_at": time.time(), "index": data}).encode())
        return IndexInfo(entries, url, time.time(), False)
    except (urllib.error.URLError, OSError, ValueError, LocalizeError) as exc:
        cached = _read_cache(cache, url)
        if cached is not None:
            return IndexInfo(_parse_index(cached["index"], url), url, float(cached.get("fetched_at", 0)), True)
        reason = exc.what if isinstance(exc, LocalizeError) else str(exc)
        raise DownloadFailed(f"cannot read the package index ({reason})", url,
                             "check the network or --index URL; on an offline machine install from a file") from None


def _read_cache(cache: Path, url: str) -> dict | None:
    """The cached copy of this URL's index, if there is a readable one made from this very URL."""
    try:
        cached = json.loads(cache.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(cached, dict) or cached.get("url") != url or not isinstance(cached.get("index"), list):
        return None
    return cached


def _parse_index(data, url: str) -> list[IndexEntry]:
    if not isinstance(data, list):
        raise BadInput("the package index is not a JSON list", url, "check --index")
    entries = []
    for item in data:
        if not isinstance(item, dict) or not item.get("from_code") or not item.get("to_code"):
            continue
        if item.get("type", "translate") != "translate":
            continue
        entries.append(IndexEntry(item["from_code"], item["to_code"], str(item.get("package_version", "")),
                                  item.get("name") or f"{item['from_code']}-{item['to_code']}",
                                  list(item.get("links") or []), item.get("size"),
                                  item.get("sha256") or item.get("checksum")))
    return entries


# --------------------------------------------------------------------------- download

def download(url: str, dest: Path, progress: Progress | None = None, retries: int = 5,
             timeout: float = 30.0) -> Path:
    """Download to ``dest`` (atomically), resuming with Range requests after a dropped connection,
    a stall or a previous run (the ``.part`` file is kept until the download completes)."""
    check_url(url)
    # Named for the URL too, so that a partial file is only ever resumed from where it came from.
    part = dest.with_name(f"{dest.name}.{hashlib.sha256(url.encode()).hexdigest()[:12]}.part")
    part.parent.mkdir(parents=True, exist_ok=True)
    total: int | None = None
    attempt = 0
    started = time.monotonic()
    while True:
        have = part.stat().st_size if part.exists() else 0
        req = urllib.request.Request(url, headers={"Range": f"bytes={have}-"} if have else {})
        try:
            with urllib.request.urlopen(req, timeout=min(timeout, STALL_WINDOW_S)) as resp:
                if have and resp.status != 206:  # the server ignored Range: start again
                    have = 0
                    part.unlink(missing_ok=True)
                length = resp.headers.get("Content-Length")
                if length is not None:
                    total = have + int(length)
                window_start, window_bytes = time.monotonic(), 0
                with open(part, "ab") as f:
                    while True:
                        chunk = resp.read1(CHUNK)
                        if not chunk:
                            break
                        f.write(chunk)
                        have += len(chunk)
                        window_bytes += len(chunk)
                        if progress:
                            progress(have, total)
                        now_ = time.monotonic()
                        if now_ - started > MAX_DOWNLOAD_S:
                            raise DownloadFailed(f"took over {MAX_DOWNLOAD_S:.0f} s ({have} bytes so far, kept)",
                                                 url, "run the command again to resume")
                        if now_ - window_start >= STALL_WINDOW_S:
                            if window_bytes < STALL_MIN_BYTES:
                                raise TimeoutError(f"only {window_bytes} bytes in {STALL_WINDOW_S:.0f} s")
                            window_start, window_bytes = now_, 0
            if total is not None and have < total:
                raise urllib.error.URLError(f"connection closed after {have} of {total} bytes")
            part.replace(dest)
            return dest
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError) as exc:
            if isinstance(exc, urllib.error.HTTPError) and exc.code in (404, 403, 410):
                part.unlink(missing_ok=True)
                raise DownloadFailed(f"the server answered {exc.code}", url, "check the URL or the index") from None
            if isinstance(exc, urllib.error.HTTPError) and exc.code == 416:  # our .part is stale
                part.unlink(missing_ok=True)
            attempt += 1
            if attempt > retries or time.monotonic() - started > MAX_DOWNLOAD_S:
                raise DownloadFailed(f"download failed after {attempt - 1} retries ({exc}); "
                                     f"{part.stat().st_size if part.exists() else 0} bytes kept", url,
                                     "run the command again to resume") from None
            time.sleep(min(2.0, 0.2 * attempt))


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


# --------------------------------------------------------------------------- installation

def _safe_extract(archive: Path, into: Path, max_unpacked: int) -> None:
    try:
        zf = zipfile.ZipFile(archive)
    except (zipfile.BadZipFile, OSError) as exc:
        raise ModelInvalid(f"is not a zip archive ({exc})", str(archive), "download the package again") from None
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_ENTRIES:
            raise ModelInvalid(f"has {len(infos)} entries (limit {MAX_ENTRIES})", str(archive), "refusing it")
        total = 0
        root = into.resolve()
        names: set[str] = set()
        for info in infos:
            name = info.filename
            if name.rstrip("/") in names:  # which copy wins would depend on the unpacker
                raise ModelInvalid(f"has two entries named {name}", str(archive), "refusing it")
            names.add(name.rstrip("/"))
            mode = info.external_attr >> 16
            if stat.S_ISLNK(mode):
                raise ModelInvalid(f"contains a symbolic link ({name})", str(archive), "refusing it")
            if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":") or \
                    ".." in Path(name).parts or "\\" in name:
                raise ModelInvalid(f"has an entry that escapes its folder ({name})", str(archive), "refusing it")
            target = (into / name).resolve()
            if root not in target.parents and target != root:
                raise ModelInvalid(f"has an entry that escapes its folder ({name})", str(archive), "refusing it")
            total += info.file_size
            if total > max_unpacked:
                raise ModelInvalid(f"unpacks to more than {max_unpacked // 2**20} MiB (a zip bomb?)",
                                   str(archive), "refusing it")
        try:
            _extract_entries(zf, infos, into, max_unpacked, archive)
        except (zipfile.BadZipFile, EOFError, zlib.error, NotImplementedError) as exc:  # bad CRC, truncated
            raise ModelInvalid(f"is corrupt ({exc})", str(archive), "download the package again") from None


def _extract_entries(zf: zipfile.ZipFile, infos, into: Path, max_unpacked: int, archive: Path) -> None:
    written = 0
    for info in infos:
        target = into / info.filename
        if info.is_dir():
            target.mkdir(parents=True, exist_ok=True)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        with zf.open(info) as src, open(target, "wb") as dst:
            while True:
                block = src.read(1 << 20)
                if not block:
                    break
                written += len(block)
                if written > max_unpacked:  # sizes in the header can lie
                    raise ModelInvalid(f"unpacks to more than {max_unpacked // 2**20} MiB (a zip bomb?)",
                                       str(archive), "refusing it")
                dst.write(block)


def _package_root(unpacked: Path, where: str) -> Path:
    if (unpacked / "metadata.json").exists():
        return unpacked
    dirs = [d for d in unpacked.iterdir() if d.is_dir()]
    if len(dirs) == 1 and (dirs[0] / "metadata.json").exists():
        return dirs[0]
    raise ModelInvalid("has no metadata.json", where, "this is not an Argos package")


def validate_package(folder: Path, where: str, want: tuple[str, str] | None = None) -> dict:
    """Check metadata, model and tokenizer; load-test the model. Returns the metadata."""
    from .engines.argos import read_metadata

    meta = read_metadata(folder)
    check_language_code(meta.get("from_code"), "from_code", where)
    check_language_code(meta.get("to_code"), "to_code", where)
    if want and (meta["from_code"], meta["to_code"]) != want:
        raise ModelInvalid(f"is a {meta['from_code']}-{meta['to_code']} package, not {want[0]}-{want[1]}",
                           where, "install the package for the pair you asked for")
    if not (folder / "model" / "model.bin").exists():
        raise ModelInvalid("has no model/model.bin (CTranslate2 model)", where, "this is not an Argos package")
    if not (folder / "sentencepiece.model").exists() and not (folder / "bpe.model").exists():
        raise ModelInvalid("has no sentencepiece.model or bpe.model", where, "this is not an Argos package")
    try:
        import ctranslate2
        import sentencepiece as spm

        translator = ctranslate2.Translator(str(folder / "model"), device="cpu", compute_type="int8",
                                            intra_threads=1)
        if (folder / "sentencepiece.model").exists():
            tokens = spm.SentencePieceProcessor(model_file=str(folder / "sentencepiece.model")).encode(
                "Test.", out_type=str)
        else:
            tokens = ["Test", "."]
        translator.translate_batch([tokens], max_decoding_length=4, beam_size=1)
    except (RuntimeError, ValueError, OSError) as exc:
        raise ModelInvalid(f"the model does not load ({str(exc).splitlines()[0]})", where,
                           "download the package again") from None
    return meta


def install_archive(archive: Path, settings, want: tuple[str, str] | None = None,
                    max_unpacked: int | None = None) -> tuple[Path, dict]:
    """Install a .argosmodel file atomically; replaces an older package of the same pair."""
    max_unpacked = max_unpacked or MAX_UNPACKED
    packages = settings.argos_packages_dir
    packages.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".installing-", dir=packages))
    backup: Path | None = None
    final: Path | None = None
    done = False
    try:
        _safe_extract(archive, staging, max_unpacked)
        root = _package_root(staging, str(archive))
        meta = validate_package(root, str(archive), want)
        final = _child_of(packages, f"translate-{meta['from_code']}_{meta['to_code']}", str(archive))
        if final.exists() or final.is_symlink():
            if final.is_symlink() or not final.is_dir():
                raise ModelInvalid(f"{final} is not a package folder", str(archive), "remove it by hand first")
            backup = _child_of(packages, f".old-{final.name}-{int(time.time() * 1000)}", str(archive))
            final.rename(backup)
        root.rename(final)
        done = True
        return final, meta
    finally:
        # Whatever happened (an error, Ctrl-C), the previous package is back or the new one is in.
        if backup is not None:
            if done:
                shutil.rmtree(backup, ignore_errors=True)
            elif final is not None and not final.exists():
                backup.rename(final)
        shutil.rmtree(staging, ignore_errors=True)


def install(spec: list[str], settings, *, index_url: str | None = None, progress: Progress | None = None,
            pivot: bool = False, max_unpacked: int | None = None) -> list[tuple[Path, dict]]:
    """``spec``: [FILE.argosmodel], [URL] or [FROM, TO] (from the index; with ``pivot``, through en)."""
    if len(spec) == 1 and not spec[0].startswith(("http://", "https://")):
        path = Path(spec[0])
        if not path.is_file():
            raise BadInput("no such package file", spec[0], "give a .argosmodel file, a URL or two language codes")
        return [install_archive(path, settings, max_unpacked=max_unpacked)]
    downloads = Path(settings.data_dir) / "downloads"
    if len(spec) == 1:
        dest = downloads / (Path(spec[0].split("?")[0]).name or "package.argosmodel")
        download(spec[0], dest, progress)
        try:
            return [install_archive(dest, settings, max_unpacked=max_unpacked)]
        finally:
            dest.unlink(missing_ok=True)
    if len(spec) != 2:
        raise BadInput("expected FILE, URL or FROM TO", " ".join(spec), "e.g. localize models install en es")
    source, target = spec
    index = fetch_index(settings, index_url)
    wanted = [(source, target)]
    if pivot and not _find(index.entries, source, target):
        wanted = [(source, "en"), ("en", target)]
    results = []
    for s, t in wanted:
        entry = _find(index.entries, s, t)
        if entry is None:
            pairs = ", ".join(sorted({f"{e.source}-{e.target}" for e in index.entries}))
            raise BadInput(f"the index has no {s}-{t} package" + ("" if pivot else " (try --pivot)"),
                           index.url, f"available: {pairs}")
        if not entry.links:
            raise BadInput(f"the index entry for {s}-{t} has no download link", index.url, "try another index")
        dest = downloads / f"{entry.name or s + '-' + t}.argosmodel".replace("/", "_")
        download(entry.links[0], dest, progress)
        try:
            if entry.size is not None and dest.stat().st_size != int(entry.size):
                raise ModelInvalid(f"downloaded {dest.stat().st_size} bytes, the index says {entry.size}",
                                   entry.links[0], "download it again")
            if entry.sha256 and _sha256(dest) != entry.sha256.lower():
                raise ModelInvalid("checksum does not match the index", entry.links[0], "download it again")
            results.append(install_archive(dest, settings, (s, t), max_unpacked))
        finally:
            dest.unlink(missing_ok=True)
    return results


def _find(entries: list[IndexEntry], source: str, target: str) -> IndexEntry | None:
    found = [e for e in entries if e.source == source and e.target == target]
    if not found:
        return None
    from packaging.version import InvalidVersion, Version

    def key(e):
        try:
            return Version(e.version)
        except InvalidVersion:
            return Version("0")

    return max(found, key=key)


def remove(source: str, target: str | None, settings) -> Path:
    """Remove the installed package of a pair (``source``, ``target``), or the package folder named
    ``source`` (as ``models list`` shows it) when ``target`` is None: a folder whose metadata is
    broken can be removed too."""
    from .engines.argos import installed_packages

    packages = settings.argos_packages_dir
    found: Path | None = None
    if target is None:
        if packages.is_dir():
            found = next((d for d in packages.iterdir() if d.name == source and not d.name.startswith(".")
                          and d.is_dir() and not d.is_symlink()), None)
    else:
        found = next((folder for folder, meta in installed_packages(settings)
                      if (meta["from_code"], meta["to_code"]) == (source, target)), None)
    if found is None:
        what = source if target is None else f"{source}-{target}"
        raise BadInput(f"no Argos package for {what} is installed", str(packages), "see localize models list")
    folder = _child_of(packages, found.name, str(found))
    trash = _child_of(packages, f".removing-{folder.name}", str(folder))
    folder.rename(trash)  # atomic: the package disappears at once
    shutil.rmtree(trash, ignore_errors=True)
    return folder
