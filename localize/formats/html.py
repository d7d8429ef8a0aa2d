"""HTML, whole pages and fragments: title, headings, paragraphs, list items, captions and the
``alt``/``title`` attributes are translated (not those of inline elements inside a leaf block:
the block's inline markup travels through the engine as it is); every tag, attribute, script, style and comment is
kept exactly as written.

The scanner (the standard library's tolerant ``HTMLParser``) only records where each element's
tags start and end in the source; nothing is re-serialised. A *leaf block* is an element with a
block role (``p``, ``h1``...) and no block element inside it; its inner HTML, inline tags and
entities included, is the block's text, which engines translate as an inline-HTML fragment (tags
carried through, never translated). Text outside leaf blocks (layout, scripts) is kept in the
blocks' ``lead``/``trail``. Unclosed ``<p>`` and ``<li>`` end where the next block starts, as
browsers end them.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

from .text import render  # noqa: F401  (tags and all stay in lead and trail: written as text is)

ROLES = {"title": "headline", "h1": "headline", "h2": "subhead", "h3": "subhead", "h4": "subhead",
         "h5": "subhead", "h6": "subhead", "p": "body", "li": "list_item", "dt": "body", "dd": "body",
         "figcaption": "caption", "caption": "caption", "blockquote": "quote", "td": "body", "th": "body",
         "summary": "subhead", "pre": "code", "address": "byline", "time": "date"}
INSIDE = {"blockquote": "quote", "figure": "caption"}  # a block inside these takes this role
ATTRIBUTES = ("alt", "title")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
         "track", "wbr"}
_CLOSES_P = {"address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset",
             "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
             "hgroup", "hr", "main", "menu", "nav", "ol", "p", "pre", "section", "table", "ul"}
_ENDED_BY = {"li": {"li"}, "dt": {"dt", "dd"}, "dd": {"dt", "dd"}, "td": {"td", "th"},
             "th": {"td", "th"}, "tr": {"tr", "td", "th"}, "option": {"option"}}
_ATTRIBUTE = re.compile(r"""\s(alt|title)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)


class _Element:
    __slots__ = ("tag", "open_start", "open_end", "close_start", "close_end", "parent", "has_block")

    def __init__(self, tag, open_start, open_end, parent):
        self.tag, self.open_start, self.open_end, self.parent = tag, open_start, open_end, parent
        self.close_start = self.close_end = None
        self.has_block = False


class _Scanner(HTMLParser):
    def __init__(self, text: str, roles: dict):
        super().__init__(convert_charrefs=False)
        self.text, self.roles = text, roles
        self.line_starts = [0] + [m.end() for m in re.finditer(r"\r\n|\n|\r", text)]
        self.stack: list[_Element] = []
        self.elements: list[_Element] = []
        self.tags: list[tuple[int, int, str]] = []  # (start, end, raw start tag) of every start tag

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _close(self, element: _Element, at: int, end: int) -> None:
        element.close_start, element.close_end = at, end

    def handle_starttag(self, tag, attrs):
        start = self._offset()
        raw = self.get_starttag_text() or ""
        end = start + len(raw)
        self.tags.append((start, end, raw))
        if tag in _VOID or raw.endswith("/>"):
            return
        self._end_implied(tag, start)
        if tag in self.roles:
            for parent in self.stack:
                if parent.tag in self.roles:
                    parent.has_block = True
        element = _Element(tag, start, end, self.stack[-1] if self.stack else None)
        self.stack.append(element)
        self.elements.append(element)

    def _end_implied(self, tag: str, at: int) -> None:
        """HTML's optional end tags (the spec's "optional tags" rules): a <p> ends where a
        block-level element starts, an <li> at the next <li>, a cell at the next cell or row."""
        ends = _ENDED_BY.get(tag, ())
        while self.stack and (self.stack[-1].tag in ends or (self.stack[-1].tag == "p" and tag in _CLOSES_P)):
            self._close(self.stack.pop(), at, at)

    def handle_startendtag(self, tag, attrs):
        start = self._offset()
        raw = self.get_starttag_text() or ""
        self.tags.append((start, start + len(raw), raw))

    def handle_endtag(self, tag):
        start = self._offset()
        end = self.text.find(">", start) + 1 or len(self.text)
        if not any(e.tag == tag for e in self.stack):
            return  # a stray end tag: kept as text of whatever holds it
        while self.stack:
            element = self.stack.pop()
            if element.tag == tag:
                self._close(element, start, end)
                break
            self._close(element, start, start)


def scan(text: str, roles: dict, inside: dict, attributes=ATTRIBUTES):
    """``(head, blocks)`` for HTML-like text: leaf blocks, plus attribute values outside them."""
    from ..articles import Block

    scanner = _Scanner(text, roles)
    scanner.feed(text)
    scanner.close()
    for element in scanner.stack:  # unclosed at the end of the document
        element.close_start = element.close_end = len(text)
    units: list[tuple[int, int, str]] = []  # (start, end, role) of translatable-or-kept text
    for e in scanner.elements:
        if e.tag not in roles or e.has_block or e.close_start is None:
            continue
        inner = text[e.open_end:e.close_start]
        if not inner.strip():
            continue
        role = roles[e.tag]
        parent = e.parent
        while parent is not None and role in ("body", "list_item"):
            if parent.tag in inside:
                role = inside[parent.tag]
                break
            parent = parent.parent
        lstrip = len(inner) - len(inner.lstrip())
        rstrip = len(inner) - len(inner.rstrip())
        units.append((e.open_end + lstrip, e.close_start - rstrip, role))
    units.sort()
    covered = [(s, e) for s, e, _ in units]
    if attributes:
        for start, _end, raw in scanner.tags:
            if _inside(covered, start):
                continue
            for m in _ATTRIBUTE.finditer(raw):
                group = 2 if m.group(2) is not None else 3
                if m.group(group).strip():
                    units.append((start + m.start(group), start + m.end(group), "attribute"))
        units.sort()
    blocks: list[Block] = []
    cut = 0
    for start, end, role in units:
        if start < cut:
            continue  # nested in a unit already taken
        blocks.append(Block(role, text[start:end], lead=text[cut:start]))
        cut = end
    if blocks:
        blocks[-1].trail = text[cut:]
        return "", blocks
    return text, blocks


def _inside(ranges: list[tuple[int, int]], pos: int) -> bool:
    import bisect

    i = bisect.bisect_right(ranges, (pos, float("inf"))) - 1
    return i >= 0 and ranges[i][0] <= pos < ranges[i][1]


def parse(text: str):
    return scan(text, ROLES, INSIDE)


_BARE_AMPERSAND = re.compile(r"&(?!(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);)")


def fit(text: str, role: str) -> str:
    """A translation as it may stand in the markup: a bare ``&`` (an engine's or a reviewer's) is
    escaped, and an attribute value gets its quotes and angle brackets escaped, so it cannot end
    early; the tags an engine carried through in block text stay tags."""
    text = _BARE_AMPERSAND.sub("&amp;", text)
    if role == "attribute":
        text = text.replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
    return text
