"""Reading articles: bytes -> Article (blocks with roles and exact layout) -> bytes.

An Article partitions its decoded text exactly: ``head`` plus, for every block, ``lead`` (layout and
block markup such as ``# `` or ``> ``), ``text`` (the words a reader reads and a translator
translates) and ``trail`` (the line break and blank lines after it). Joining the parts gives the
original text back, and encoding it with the detected encoding (and BOM) gives the original bytes.

Roles come from layout and shape only, never from particular words:

* the *meta cluster* is the first run of date / reading-time / "By ..." lines near the top,
  together with name-shaped lines touching it (the byline);
* before it is the *head*: a short unpunctuated line before the title is the kicker, the first
  title-shaped line is the headline, the first sentence after it the standfirst, later ones captions;
* after it is the *body*: sentence-shaped blocks are body paragraphs; short unpunctuated lines that
  a paragraph follows are subheads; short unpunctuated lines after the last paragraph are page junk
  (share buttons, "stats", tag lists), kept but not translated.

Without a meta cluster the head ends at the first long paragraph. Markdown takes its roles from its
markup instead (headings, list items, quotes, code), and its markup stays in ``lead``/``trail``.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from .errors import BadInput
from .names import NAME_PARTICLES

# Roles whose text is translated; the others (names, dates, code, junk) are kept as they are.
TRANSLATABLE_ROLES = frozenset(
    {"kicker", "headline", "standfirst", "caption", "body", "subhead", "quote", "list_item", "attribute"}
)

MAX_ARTICLE_BYTES = 20 * 1024 * 1024


@dataclass
class Block:
    """One unit of an article's layout: a headline, a paragraph, a caption..."""

    role: str
    text: str
    lead: str = ""
    trail: str = ""

    @property
    def translatable(self) -> bool:
        return self.role in TRANSLATABLE_ROLES and bool(self.text.strip())


@dataclass
class Article:
    """A decoded article: its blocks plus what is needed to write it back byte for byte."""

    id: str
    source: str
    format: str  # a name in formats.FORMAT_NAMES: "text", "markdown", "html", "nitf"
    encoding: str  # Python codec used to decode
    bom: bytes = b""
    head: str = ""
    blocks: list[Block] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # e.g. "legacy encoding cp1252"
    digest: str = ""  # sha256 of the file's bytes: lets a rerun skip an unchanged article
    package: bytes = b""  # a package format's file (DOCX): its writer puts the texts back into it

    def render(self) -> str:
        from .formats import render

        return render(self)

    def to_bytes(self) -> bytes:
        if self.package:
            from .formats import package_bytes

            return package_bytes(self)
        return self.bom + self.render().encode(self.encoding)

    def with_texts(self, texts: list[str]) -> "Article":
        """The same article with every block's text replaced (layout kept)."""
        if len(texts) != len(self.blocks):
            raise ValueError("one text per block is needed")
        return replace(self, blocks=[replace(b, text=t) for b, t in zip(self.blocks, texts)])


# --------------------------------------------------------------------------- decoding

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Bytes that cp1252 leaves undefined; text containing them is decoded as latin-1.
_CP1252_HOLES = {0x81, 0x8D, 0x8F, 0x90, 0x9D}


# A legacy-encoding guess is trusted only when charset-normalizer finds the text this coherent
# (its "chaos" measure: the share of implausible character sequences); above it, the text is
# more likely binary or a mix of encodings than an article.
MAX_LEGACY_CHAOS = 0.3


def decode_bytes(data: bytes, where: str) -> tuple[str, str, bytes, list[str]]:
    """Decode article bytes; returns (text, codec, bom, notes). Raises BadInput when it can't.

    UTF-8 (with or without BOM) and UTF-16/32 with a BOM first. A file that is UTF-8 except for a
    few stray bytes is refused with the first one's offset: decoding it whole as a legacy encoding
    would garble every accented letter, and replacing the byte would change the article silently.
    Other text goes to charset-normalizer (cp1251 Russian, Shift-JIS Japanese, cp1252 ...)."""
    if not data.strip():
        raise BadInput("the file is empty", where, "give an article with some text")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec), codec, bom, []
            except UnicodeDecodeError as exc:
                raise BadInput(
                    f"starts with a {codec} byte-order mark but is not valid {codec} "
                    f"(byte {exc.start + len(bom)})", where, "re-save the file as UTF-8") from None
    if b"\x00" in data:
        raise BadInput("looks binary (contains NUL bytes), not an article", where,
                       "give a UTF-8 text or Markdown file")
    try:
        return data.decode("utf-8"), "utf-8", b"", []
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    controls = sum(1 for b in data if b < 32 and b not in (9, 10, 12, 13))
    if controls > max(2, len(data) // 100):
        raise BadInput("looks binary (control bytes), not an article", where,
                       "give a UTF-8 text or Markdown file")
    if _has_utf8_multibyte(data):
        raise BadInput(f"is UTF-8 except for a stray byte 0x{data[first_bad]:02X} at byte offset {first_bad}",
                       where, "remove or fix that byte (an editor's \"reopen as UTF-8\" shows it), "
                              "then run again")
    codec = _legacy_codec(data)
    text = data.decode(codec)
    return text, codec, b"", [f"not UTF-8: decoded as legacy {codec}"]


# A UTF-8 lead byte followed by the right number of continuation bytes (RFC 3629's well-formed
# two-, three- and four-byte sequences, without overlongs or surrogates).
_UTF8_MULTIBYTE = re.compile(
    rb"[\xC2-\xDF][\x80-\xBF]|\xE0[\xA0-\xBF][\x80-\xBF]|[\xE1-\xEC\xEE\xEF][\x80-\xBF]{2}"
    rb"|\xED[\x80-\x9F][\x80-\xBF]|\xF0[\x90-\xBF][\x80-\xBF]{2}|[\xF1-\xF3][\x80-\xBF]{3}"
    rb"|\xF4[\x80-\x8F][\x80-\xBF]{2}")


def _has_utf8_multibyte(data: bytes) -> bool:
    """Whether most of the non-ASCII text is well-formed UTF-8 (so a stray byte is damage).

    A legacy single-byte text makes such a pair only by the accident of two particular letters
    meeting ("Ã©" in cp1252); it is UTF-8 when its valid multi-byte sequences outnumber its bad bytes."""
    good = len(_UTF8_MULTIBYTE.findall(data))
    if not good:
        return False
    bad = len(data.decode("utf-8", errors="replace").split("\ufffd")) - 1
    return good > bad


def _legacy_codec(data: bytes) -> str:
    """The legacy encoding charset-normalizer finds, or the code page of the language its text is
    in when that fits the bytes too (several code pages often fit about equally); cp1252 (latin-1
    where cp1252 has holes) otherwise."""
    from charset_normalizer import from_bytes

    western = "latin-1" if any(b in _CP1252_HOLES for b in data) else "cp1252"
    found = from_bytes(data)
    best = found.best()
    if best is not None and best.chaos <= MAX_LEGACY_CHAOS:
        codec = codecs.lookup(best.encoding).name
        text = data.decode(codec, errors="strict")
        # Several code pages give the same letters for a short Western text (cp1250 and cp1252
        # agree on é, ó, curly quotes); then the Western one, Windows' default there, is named.
        if text == data.decode(western, errors="replace"):
            return western
        preferred = _language_code_page(data, text, [codecs.lookup(m.encoding).name for m in found], western)
        if preferred:
            return preferred
        if text.encode(codec) == data:
            return codec
    return western


def _language_code_page(data: bytes, text: str, candidates: list[str], western: str) -> str | None:
    """The code page of the text's language (localize.detect.WINDOWS_CODE_PAGES) when it is another
    than charset-normalizer's best guess and fits the bytes: charset-normalizer lists it among its
    candidates, or it decodes every byte and the language read from its text is the same."""
    from .detect import windows_code_page

    language, code_page = windows_code_page(text)
    if code_page is None:
        return None
    code_page = western if code_page == "cp1252" else code_page
    if code_page in candidates:
        return code_page
    try:
        again = data.decode(code_page)
    except UnicodeDecodeError:
        return None
    return code_page if windows_code_page(again)[0] == language else None


def article_id(path: str) -> str:
    """Where an article's memory lives (contract 5): one id per source file, unique per path.

    The id is the file's path relative to the current folder (the project root), each part
    lower-cased and reduced to safe characters, the file name without its extension and trailing
    language tag: ``wire/Harbour Strike.en.txt`` -> ``wire/harbour-strike``, ``story.en.txt`` ->
    ``story``; ``wire/politics/story.en.txt`` and ``wire/sport/story.en.txt`` keep two memories.
    A file outside the current folder gets its name plus a short digest of its absolute path.
    Stdin has no path: it must be named (``read_article(..., id=NAME)``), see ``stdin_article_id``.
    Two paths that still reduce to one id are told apart by the memory's X-Article-Source header
    (translate refuses to reuse a memory made for another file).
    """
    import hashlib
    import os

    if path == "-":
        raise BadInput("an article read from stdin has no name for its memory", "-",
                       "name it with --id NAME")
    absolute = os.path.abspath(path)
    relative = os.path.relpath(absolute)
    parts = relative.split(os.sep)
    name = parts[-1]
    stem = next((name[:-len(x)] for x in ARTICLE_SUFFIXES if name.lower().endswith(x)), name)
    stem = re.sub(r"\.[a-z]{2}(-[a-z]{2,4})?$", "", stem, flags=re.I)
    if ".." in parts or os.path.isabs(relative):
        digest = hashlib.sha256(absolute.encode("utf-8", "surrogateescape")).hexdigest()[:ID_DIGEST_CHARS]
        return f"{_id_part(stem)}-{digest}"
    return "/".join([_id_part(p) for p in parts[:-1]] + [_id_part(stem)])


ID_DIGEST_CHARS = 10  # 40 bits of the absolute path: collisions among one desk's files are negligible


def _id_part(text: str) -> str:
    """One path part as an id part: word characters, dots and dashes, never empty or a dot name."""
    part = re.sub(r"[^\w.-]+", "-", text.lower()).strip("-.")
    return part or "article"


def stdin_article_id(name: str) -> str:
    """The id of an article read from stdin, from the name its sender gave (``--id``)."""
    if not name or not name.strip():
        raise BadInput("an article read from stdin has no name for its memory", "-", "name it with --id NAME")
    return "/".join(_id_part(p) for p in re.split(r"[\\/]+", name.strip()) if p.strip(". ")) or _id_part(name)


def read_article(path: str | Path, *, data: bytes | None = None, format: str | None = None,
                 id: str | None = None) -> Article:
    """Read an article file (or given bytes) into an Article. ``path`` "-" means stdin."""
    where = str(path)
    if data is None:
        data = read_article_bytes(where)
    from . import formats

    # A package (DOCX) is read from its bytes; every other format from its decoded text.
    fmt = (format if format in formats.PACKAGE_FORMATS else None) if format else formats.package_format(where, data)
    if fmt:
        text, codec, bom, notes = "", "utf-8", b"", []
    else:
        text, codec, bom, notes = decode_bytes(data, where)
        fmt = format or formats.guess_format(where, text)
    import hashlib

    # Unnamed stdin gets no id: reading and detecting need none, po_path refuses it.
    ident = stdin_article_id(id) if id else ("" if where == "-" else article_id(where))
    article = Article(id=ident, source=where,
                      format=fmt, encoding=codec, bom=bom, notes=notes,
                      digest=hashlib.sha256(data).hexdigest())
    if fmt in formats.PACKAGE_FORMATS:
        blocks, more = formats.read_package(fmt, data, where)
        head, article.package, article.notes = "", data, notes + more
    else:
        head, blocks = formats.parse(fmt, text)
    article.head, article.blocks = head, blocks
    if not any(b.text.strip() for b in blocks):
        raise BadInput("has no text to read", where, "give an article with some text")
    return article


def read_article_bytes(where: str, limit: int = MAX_ARTICLE_BYTES) -> bytes:
    """The bytes of an article file, or of stdin for "-": the one place articles are read (contract 6).

    Only regular files are opened (a FIFO would block forever, /dev/zero or /dev/urandom never
    end); at most ``limit`` + 1 bytes are read, from files and stdin alike, so nothing larger than
    the limit is ever held in memory."""
    import os
    import stat
    import sys

    too_big = BadInput(f"is larger than {limit // 2**20} MiB, too big for an article", where,
                       "split it into articles")
    if where == "-":
        data = sys.stdin.buffer.read(limit + 1)
        if len(data) > limit:
            raise too_big
        return data
    try:
        info = os.stat(where)
    except FileNotFoundError:
        raise BadInput("no such file", where, "check the path") from None
    except OSError as exc:
        raise BadInput(f"cannot be read ({exc.strerror})", where, "check the file") from None
    if stat.S_ISDIR(info.st_mode):
        raise BadInput("is a directory, not an article", where, "name the article files inside it")
    if not stat.S_ISREG(info.st_mode):
        kind = "a FIFO" if stat.S_ISFIFO(info.st_mode) else "a device" if \
            stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode) else "a socket" if \
            stat.S_ISSOCK(info.st_mode) else "not a regular file"
        raise BadInput(f"is {kind}, not an article file", where,
                       "save the article to a file, or pipe it to `-` (stdin)")
    if info.st_size > limit:
        raise too_big
    try:
        # O_NONBLOCK: should the path be swapped for a FIFO after the check, opening it cannot hang
        fd = os.open(where, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except PermissionError:
        raise BadInput("cannot be read (permission denied)", where, "check its permissions") from None
    except OSError as exc:
        raise BadInput(f"cannot be read ({exc.strerror})", where, "check the file") from None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise BadInput("is not a regular file", where, "save the article to a file")
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise too_big
    return data


# --------------------------------------------------------------------------- plain text

_SENTENCE_END = re.compile(r"[.!?…:;。！？؟۔][\"'»”’)\]」』]*\s*$")
_WORD = re.compile(r"\w+(?:[-'’.]\w+)*", re.U)
_DATE = re.compile(
    r"^\s*(?:\w+,?\s+)?(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|\d{1,2}\.?\s+(?:de\s+)?[^\W\d]{3,}\.?,?\s+"
    r"(?:de\s+)?\d{4}|[^\W\d]{3,}\.?\s+\d{1,2},?\s+\d{4})(?:\s*[-,|·]?\s*\d{1,2}[:.h]\d{2}\s*\w{0,4})?\s*$",
    re.U)
_TIME_UNIT = re.compile(r"^(min|mins|minute|minutes|minutos?|minuts?|minuten|minuti|minutter|mn)\.?$", re.I)
# A byline may join two names ("Anna Soler i Pau Vidal") and use particles of its own.
_BYLINE_WORDS = set(NAME_PARTICLES) | {"y", "i", "e", "el", "des"}


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def _words(text: str) -> list[str]:
    """Words; in Chinese and Japanese, which do not space words, every two characters count as one."""
    cjk = _CJK.findall(text)
    if len(cjk) > len(text) * 0.3:
        return ["".join(cjk[i:i + 2]) for i in range(0, len(cjk), 2)] + _WORD.findall(_CJK.sub(" ", text))
    return _WORD.findall(text)


def _is_date(text: str) -> bool:
    return len(text) <= 60 and bool(_DATE.match(text))


def _is_reading_time(text: str) -> bool:
    words = text.split()
    return (len(words) <= 5 and bool(re.match(r"^\d+", text.strip()))
            and any(_TIME_UNIT.match(w.strip(":,")) for w in words[:3]))


def _is_name_like(text: str) -> bool:
    """A person's name or a byline: 2-5 capitalised words, no digits, no sentence punctuation."""
    t = re.sub(r"^(by|por|per|par|von|di|de|door|av)\s+", "", text.strip(), flags=re.I)
    words = t.replace(",", " ").split()
    if not 1 < len(words) <= 5 or re.search(r"[\d.!?:;\"«»“”]", t):
        return False
    return all(w[0].isupper() or w.lower() in _BYLINE_WORDS for w in words)


def _is_explicit_byline(text: str) -> bool:
    """"By Jane Doe", "Por Laura Monti, Sevilla": a byline even without a date beside it."""
    return bool(re.match(r"(by|por|per|par|von|door|av)\s+\S", text.strip(), re.I)) and _is_name_like(text)


def _ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text))


def parse_text(text: str) -> tuple[str, list[Block]]:
    """Split plain wire copy into blocks and infer their roles (see module docstring)."""
    head, groups = _line_groups(text)
    blocks: list[Block] = []
    for lines in groups:
        for chunk in _split_group(lines):
            blocks.append(_make_block("".join(chunk)))
    _assign_text_roles(blocks)
    return head, blocks


def _line_groups(text: str) -> tuple[str, list[list[str]]]:
    """Runs of non-blank lines; blank lines are glued onto the last line before them."""
    lines = text.splitlines(keepends=True)
    head_lines: list[str] = []
    groups: list[list[str]] = []
    current: list[str] | None = None
    for line in lines:
        if not line.strip():
            if current is None and not groups:
                head_lines.append(line)
            else:
                (current or groups[-1])[-1] += line
                if current is not None:
                    groups.append(current)
                    current = None
        else:
            if current is None:
                current = []
            current.append(line)
    if current is not None:
        groups.append(current)
    return "".join(head_lines), groups


def _split_group(lines: list[str]) -> list[list[str]]:
    """One hard-wrapped paragraph stays one block; separate short lines become separate blocks."""
    if len(lines) == 1:
        return [lines]
    body = [ln.strip() for ln in lines[:-1]]
    wrapped = all(45 <= len(ln) <= 100 and not _is_date(ln) for ln in body)
    return [lines] if wrapped else [[ln] for ln in lines]


def _make_block(chunk: str, role: str = "body") -> Block:
    stripped_left = chunk.lstrip()
    lead = chunk[: len(chunk) - len(stripped_left)]
    text = stripped_left.rstrip()
    trail = stripped_left[len(text):]
    return Block(role=role, text=text, lead=lead, trail=trail)


def _assign_text_roles(blocks: list[Block]) -> None:
    n = len(blocks)
    if not n:
        return
    texts = [b.text for b in blocks]
    nwords = [len(_words(t)) for t in texts]
    is_meta = [_is_date(t) or _is_reading_time(t) or _is_explicit_byline(t) for t in texts]

    # The meta cluster: the first date/reading-time run in the top part of the article.
    window = min(n, 12)
    first_meta = next((i for i in range(window) if is_meta[i]), None)
    if first_meta is not None:
        start = end = first_meta
        while end + 1 < n and (is_meta[end + 1] or (_is_name_like(texts[end + 1]) and end + 1 - first_meta < 3)):
            end += 1
        while start - 1 >= 0 and _is_name_like(texts[start - 1]) and first_meta - start < 2:
            start -= 1
        for i in range(start, end + 1):
            t = texts[i]
            blocks[i].role = "date" if _is_date(t) else "reading_time" if _is_reading_time(t) else "byline"
        head_end, body_start = start, end + 1
    else:
        # No meta lines: the body starts at the first real paragraph (a long block, or a
        # punctuated one of a dozen words or more).
        long_first = next((i for i in range(n) if nwords[i] >= 30 or
                           (nwords[i] >= 12 and _ends_sentence(texts[i]))), 0)
        head_end = body_start = long_first

    _assign_head_roles(blocks[:head_end], nwords[:head_end])

    body_idx = [i for i in range(body_start, n) if _ends_sentence(texts[i]) or nwords[i] > 12]
    last_body = body_idx[-1] if body_idx else body_start - 1
    for i in range(body_start, n):
        t = texts[i]
        if i in body_idx:
            blocks[i].role = "body"
        elif i > last_body:
            blocks[i].role = "junk" if nwords[i] <= 3 else "body"
        else:
            blocks[i].role = "date" if _is_date(t) else "subhead"


def _assign_head_roles(blocks: list[Block], nwords: list[int]) -> None:
    if not blocks:
        return
    titles = [i for i, b in enumerate(blocks) if not _ends_sentence(b.text) or b.text.rstrip().endswith(("?", "!"))]
    headline = next((i for i in titles if nwords[i] >= 4), titles[0] if titles else 0)
    seen_standfirst = False
    for i, b in enumerate(blocks):
        if i < headline:
            b.role = "kicker"
        elif i == headline:
            b.role = "headline"
        elif not seen_standfirst:
            b.role, seen_standfirst = "standfirst", True
        else:
            b.role = "caption"


# --------------------------------------------------------------------------- markdown

def parse_markdown(text: str) -> tuple[str, list[Block]]:
    """Split Markdown into blocks (the reader lives in ``formats.markdown``, on markdown-it-py)."""
    from .formats.markdown import parse

    return parse(text)


def _hoist_wrapping_emphasis(block: Block) -> None:
    """``*A whole paragraph in italics.*``: the markers are layout, not part of any one sentence."""
    m = re.fullmatch(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1", block.text, re.S)
    if m and m.group(1) not in m.group(2):
        block.lead += m.group(1)
        block.trail = m.group(1) + block.trail
        block.text = m.group(2)


def _assign_markdown_standfirst(blocks: list[Block]) -> None:
    """An emphasised paragraph right after the headline is the standfirst; a byline/date stays meta."""
    for i, b in enumerate(blocks):
        if b.role != "body":
            continue
        if _is_date(b.text):
            b.role = "date"
        elif _is_reading_time(b.text):
            b.role = "reading_time"
        elif re.fullmatch(r"(\*|_)?(by|por|per|par|von)\s.+\1?", b.text, re.I) and len(b.text) < 80:
            b.role = "byline"
        elif (i > 0 and blocks[i - 1].role == "headline"
              and re.fullmatch(r"([*_]{1,2})[^*_].*\1", b.text, re.S)):
            b.role = "standfirst"


# --------------------------------------------------------------------------- finding articles

ARTICLE_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".nitf", ".xml", ".docx")
# Files that sit beside articles in a folder but are not articles (``~$name.docx``: the lock file
# Word keeps beside a document it has open).
_NOT_ARTICLES = re.compile(r"^((readme|license|licence|changelog|copying|authors|notice)\b|~\$)", re.I)


def find_articles(inputs: list[str]) -> tuple[list[str], list[tuple[str, BadInput]]]:
    """Expand files, folders (recursively: .txt/.md) and globs into article paths, in a stable order.

    Returns (paths, problems); a missing path is a problem, not an exception, so a batch goes on.
    """
    import glob as globmod

    paths: list[str] = []
    problems: list[tuple[str, BadInput]] = []
    seen: set[str] = set()

    def add(p: str) -> None:
        if p not in seen:
            seen.add(p)
            paths.append(p)

    for item in inputs:
        if item == "-":
            add(item)
            continue
        p = Path(item)
        if p.is_dir():
            found = sorted(
                str(f) for f in p.rglob("*")
                if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES and not _NOT_ARTICLES.match(f.name)
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
            if not found:
                problems.append((item, BadInput("folder holds no .txt or .md articles", item,
                                                "name article files or another folder")))
            for f in found:
                add(f)
        elif p.exists():
            add(item)
        elif any(ch in item for ch in "*?["):
            matches = sorted(globmod.glob(item, recursive=True))
            if not matches:
                problems.append((item, BadInput("pattern matches no file", item, "check the pattern")))
            for m in matches:
                if Path(m).is_file():
                    add(m)
        else:
            problems.append((item, BadInput("no such file", item, "check the path")))
    return paths, problems
