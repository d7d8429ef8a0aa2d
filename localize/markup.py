"""Inline markup: what engines see of a segment is an inline-HTML fragment.

Plain text is escaped (``&``, ``<``, ``>``); Markdown's inline markup (emphasis, code, links)
becomes simple tags, which Apertium's HTML mode carries through untranslated, and comes back as
Markdown afterwards. Engines that cannot keep tags drop them (see engines/argos.py).
"""
from __future__ import annotations

import html
import re

_CODE = re.compile(r"`([^`]+)`")
_LINK = re.compile(r"(!?)\[([^\]]+)\]\(([^)\s]+)(?:\s+\"([^\"]*)\")?\)")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EM = re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])")


def to_fragment(text: str, markdown: bool | str) -> str:
    """A segment as the inline-HTML fragment engines translate. ``markdown``: True or "markdown"
    for Markdown, "html" for text that already is an inline-HTML fragment, else plain text."""
    if markdown == "html":
        return text
    if not markdown or markdown == "text":
        return html.escape(text, quote=False)
    codes: list[str] = []

    def keep_code(m):
        codes.append(m.group(1))
        return f"\x00{len(codes) - 1}\x00"

    text = _CODE.sub(keep_code, text)
    text = html.escape(text, quote=False)
    text = _LINK.sub(lambda m: (f'<img alt="{m.group(2)}" src="{html.escape(m.group(3))}"/>' if m.group(1)
                                else f'<a href="{html.escape(m.group(3))}">{m.group(2)}</a>'), text)
    text = _STRONG.sub(lambda m: f"<b>{m.group(2)}</b>", text)
    text = _EM.sub(lambda m: f"<i>{m.group(2)}</i>", text)
    return re.sub(r"\x00(\d+)\x00", lambda m: f"<code>{html.escape(codes[int(m.group(1))], quote=False)}</code>", text)


def from_fragment(fragment: str, markdown: bool | str) -> str:
    """The engine's output fragment back as plain text, Markdown or (for "html") as it is."""
    if markdown == "html":
        return fragment
    if markdown and markdown != "text":
        fragment = re.sub(r"<code>(.*?)</code>", lambda m: "`" + html.unescape(m.group(1)) + "`", fragment)
        fragment = re.sub(r'<a href="([^"]*)">(.*?)</a>', lambda m: f"[{m.group(2)}]({html.unescape(m.group(1))})", fragment)
        fragment = re.sub(r'<img alt="([^"]*)" src="([^"]*)"\s*/?>', lambda m: f"![{m.group(1)}]({html.unescape(m.group(2))})", fragment)
        fragment = re.sub(r"</?b>", "**", fragment)
        fragment = re.sub(r"</?i>", "*", fragment)
    fragment = re.sub(r"<[^>]+>", "", fragment)
    return html.unescape(fragment)


def strip_tags(fragment: str) -> str:
    """Plain text of a fragment (for engines that cannot carry tags)."""
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))
