"""Formats: one reader/writer per file format, all producing the same Article (see ``articles``).

A reader turns decoded text into ``(head, blocks)`` that partition it exactly (joining them gives
the text back); a writer turns an Article, maybe with translated block texts, into text again.
Adding a format is one new module here and one line in ``_MODULES``. Modules import lazily.

A *package* format (DOCX) is a ZIP of parts, not text: its reader takes the file's bytes
(``read_package``), the Article keeps them, and its writer gives bytes back (``package_bytes``).
"""
from __future__ import annotations

import importlib
import re

_MODULES = {
    "text": "localize.formats.text",
    "markdown": "localize.formats.markdown",
    "html": "localize.formats.html",
    "nitf": "localize.formats.nitf",
    "newsml": "localize.formats.newsml",
    "docx": "localize.formats.docx",
}
FORMAT_NAMES = tuple(_MODULES)
# How a format's block text is handed to engines: "text" is escaped, "markdown" has its inline
# markup turned into tags and back, "html" already is an inline-HTML fragment.
FRAGMENT_KIND = {"text": "text", "markdown": "markdown", "html": "html", "nitf": "html", "newsml": "html",
                 "docx": "html"}
PACKAGE_FORMATS = frozenset({"docx"})

_SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
             ".xhtml": "html", ".nitf": "nitf", ".xml": None,
             ".docx": "docx"}
_ZIP_MAGIC = b"PK\x03\x04"  # a ZIP file's local header signature (PKWARE APPNOTE 4.3.7)


def _module(name: str):
    return importlib.import_module(_MODULES[name])


def guess_format(where: str, text: str) -> str:
    """The format named by the file's suffix, else by its first bytes (stdin), else plain text."""
    suffix = re.search(r"(\.[A-Za-z]+)$", where)
    fmt = _SUFFIXES.get(suffix.group(1).lower()) if suffix else None
    if fmt:
        return fmt
    start = text.lstrip()[:2000].lower()
    if "<newsitem" in start or "<newsmessage" in start:
        return "newsml"
    if "<nitf" in start:
        return "nitf"
    if start.startswith(("<!doctype html", "<html")) or re.match(r"<(p|h[1-6]|div|article|section)\b", start):
        return "html"
    if where == "-" and re.search(r"^(#{1,6} |```|> |[-*] )", text, re.M):
        return "markdown"
    return "text"


def package_format(where: str, data: bytes) -> str | None:
    """The package format of a file: named by its suffix, or a ZIP read from stdin or from a file
    whose suffix names no format; None for text (a ZIP named .txt is refused as binary)."""
    suffix = re.search(r"(\.[A-Za-z]+)$", where)
    fmt = _SUFFIXES.get(suffix.group(1).lower()) if suffix else None
    if fmt in PACKAGE_FORMATS:
        return fmt
    return "docx" if fmt is None and data.startswith(_ZIP_MAGIC) else None


def read_package(fmt: str, data: bytes, where: str):
    """``(blocks, notes)`` of a package's bytes read as ``fmt``."""
    return _module(fmt).read(data, where)


def package_bytes(article) -> bytes:
    """A package article's file: its bytes with every block's text put back in place."""
    return _module(article.format).to_bytes(article)


def parse(fmt: str, text: str):
    """``(head, blocks)`` of ``text`` read as ``fmt``."""
    return _module(fmt).parse(text)


def render(article) -> str:
    """The article's text as its format writes it."""
    return _module(article.format).render(article)


def fit(fmt: str, text: str, role: str) -> str:
    """A translated sentence as it may stand in a ``fmt`` file (escaping where the format needs it)."""
    return _module(fmt).fit(text, role)
