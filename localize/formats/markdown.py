"""Markdown on markdown-it-py (CommonMark, plus tables): the parser's token line maps say which
lines each block takes; the bytes themselves are never re-serialised, so the layout is kept
exactly. Block markup (``#``, ``>``, list markers) goes to ``lead``/``trail``; indented and fenced
code, HTML blocks, rules and tables are kept whole and never translated; a list item's
continuation lines stay in its block; each line of a block quote is a block (its ``>`` is layout).
"""
from __future__ import annotations

import re

# Written as plain text is (the markup stays in the blocks' lead and trail), and, like it, with
# nothing to escape: inline markup engines carried through turns back into Markdown in markup.py.
from .text import fit, render  # noqa: F401

# Container and block markers at the start of a line: quote markers, list markers, indentation.
_PREFIX = re.compile(r"(?:[ \t]{0,3}>[ \t]?|[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)|[ \t]+)*")
_ATX = re.compile(r"#{1,6}(?:[ \t]+|(?=\r?\n?$))")
_KEPT = {"code_block": "code", "fence": "code", "html_block": "html", "hr": "rule", "table_open": "table"}


def _spans(body: str):
    """(first line, end line, kind, detail) of every leaf block, in document order."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(body)
    containers: list[str] = []
    out = []
    for tok in tokens:
        if tok.type in ("list_item_open", "blockquote_open"):
            containers.append(tok.type[:-5])
        elif tok.type in ("list_item_close", "blockquote_close"):
            containers.pop()
        elif tok.map is None or (out and tok.map[0] < out[-1][1]):
            continue  # inside a block already taken (a table's rows)
        elif tok.type in _KEPT:
            out.append((tok.map[0], tok.map[1], _KEPT[tok.type], None))
        elif tok.type == "heading_open":
            out.append((tok.map[0], tok.map[1], "heading", tok.markup))
        elif tok.type == "paragraph_open":
            out.append((tok.map[0], tok.map[1], "paragraph", containers[-1] if containers else None))
    return out


def _split_trailing(rest: str, closing_hashes: bool = False) -> tuple[str, str]:
    """(text, trail) of a one-line block: trailing whitespace and line break (and a heading's
    closing ``#`` run, when spaces set it apart) are layout. Linear in the line's length."""
    text = rest.rstrip()
    if closing_hashes:
        bare = text.rstrip("#")
        if bare != text and (not bare or bare[-1] in " \t"):
            text = bare.rstrip(" \t")
    return text, rest[len(text):]


def parse(text: str):
    from ..articles import Block, _assign_markdown_standfirst, _hoist_wrapping_emphasis, _make_block

    lines = text.splitlines(keepends=True)
    blocks: list[Block] = []
    head = ""
    first = 0
    if lines and lines[0].strip() == "---":  # YAML front matter, which CommonMark does not know
        end = next((j for j in range(1, len(lines)) if lines[j].strip() in ("---", "...")), None)
        if end is not None:
            blocks.append(Block("frontmatter", "", lead="".join(lines[: end + 1])))
            first = end + 1

    def glue(s: str) -> None:
        nonlocal head
        if not s:
            return
        if blocks:
            blocks[-1].trail += s
        else:
            head += s

    cursor = first
    for a, b, kind, detail in _spans("".join(lines[first:])):
        a, b = a + first, b + first
        glue("".join(lines[cursor:a]))
        cursor = b
        chunk = "".join(lines[a:b])
        if kind in ("code", "html", "rule", "table"):
            blocks.append(Block(kind, "", lead=chunk))
        elif kind == "heading" and detail.startswith("#"):
            line = lines[a]
            prefix = _PREFIX.match(line).end()
            marker = _ATX.match(line, prefix)
            lead_end = marker.end() if marker else prefix
            body, trail = _split_trailing(line[lead_end:], closing_hashes=True)
            blocks.append(Block("headline" if len(detail) == 1 else "subhead", body, lead=line[:lead_end],
                                trail=trail))
        elif kind == "heading":  # setext: the text lines, then the underline
            block = _make_block("".join(lines[a:b - 1]), "headline" if detail.startswith("=") else "subhead")
            block.trail += lines[b - 1]
            blocks.append(block)
        elif detail == "blockquote":
            for line in lines[a:b]:
                prefix = _PREFIX.match(line).end()
                body, trail = _split_trailing(line[prefix:])
                if body:
                    blocks.append(Block("quote", body, lead=line[:prefix], trail=trail))
                else:
                    glue(line)
        elif detail == "list_item":
            prefix = _PREFIX.match(chunk).end()
            body, trail = _split_trailing(chunk[prefix:])
            blocks.append(Block("list_item", body, lead=chunk[:prefix], trail=trail))
        else:
            block = _make_block(chunk, "body")
            if re.fullmatch(r"!\[[^\]]*\]\([^)]*\)", block.text):
                block.role = "image"
            blocks.append(block)
    glue("".join(lines[cursor:]))
    _assign_markdown_standfirst(blocks)
    for block in blocks:
        _hoist_wrapping_emphasis(block)
    return head, blocks
