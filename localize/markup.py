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


# Inline HTML written in Markdown (``<a href="...">``, ``<br>``): passed to engines as tags, so it
# is carried through untranslated, and kept as written. The tags made from Markdown's own markup
# carry a ``data-md`` marker, so that only they turn back into Markdown.
_RAW_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>")
_MD = ' data-md=""'
_MD_CODE = re.compile(rf"<code{re.escape(_MD)}>(.*?)</code>")
_MD_LINK = re.compile(rf'<a{re.escape(_MD)} href="([^"]*)">(.*?)</a>')
_MD_IMAGE = re.compile(rf'<img{re.escape(_MD)} alt="([^"]*)" src="([^"]*)"\s*/?>')
_MD_STRONG = re.compile(rf"<b{re.escape(_MD)}>(.*?)</b>")
_MD_EM = re.compile(rf"<i{re.escape(_MD)}>(.*?)</i>")
# Where a piece set aside (code, a tag written in the source) waits while the rest is rewritten.
_PLACEHOLDER = re.compile(r"\x00(\d+)\x00")


def to_fragment(text: str, markdown: bool | str) -> str:
    """A segment as the inline-HTML fragment engines translate. ``markdown``: True or "markdown"
    for Markdown, "html" for text that already is an inline-HTML fragment, else plain text."""
    if markdown == "html":
        return text
    if not markdown or markdown == "text":
        return html.escape(text, quote=False)
    kept: list[str] = []

    def keep(m, wrap=False):
        kept.append(f"<code{_MD}>{html.escape(m.group(1), quote=False)}</code>" if wrap else m.group(0))
        return f"\x00{len(kept) - 1}\x00"

    text = _CODE.sub(lambda m: keep(m, wrap=True), text)
    text = _RAW_TAG.sub(keep, text)
    text = html.escape(text, quote=False)
    text = _LINK.sub(lambda m: (f'<img{_MD} alt="{m.group(2)}" src="{html.escape(m.group(3))}"/>' if m.group(1)
                                else f'<a{_MD} href="{html.escape(m.group(3))}">{m.group(2)}</a>'), text)
    text = _STRONG.sub(lambda m: f"<b{_MD}>{m.group(2)}</b>", text)
    text = _EM.sub(lambda m: f"<i{_MD}>{m.group(2)}</i>", text)
    return _PLACEHOLDER.sub(lambda m: kept[int(m.group(1))], text)


def from_fragment(fragment: str, markdown: bool | str) -> str:
    """The engine's output fragment back as plain text, Markdown or (for "html") as it is."""
    if markdown == "html":
        return fragment
    if markdown and markdown != "text":
        fragment = _MD_CODE.sub(lambda m: "`" + html.unescape(m.group(1)) + "`", fragment)
        fragment = _MD_LINK.sub(lambda m: f"[{m.group(2)}]({html.unescape(m.group(1))})", fragment)
        fragment = _MD_IMAGE.sub(lambda m: f"![{m.group(1)}]({html.unescape(m.group(2))})", fragment)
        fragment = _MD_STRONG.sub(r"**\1**", fragment)
        fragment = _MD_EM.sub(r"*\1*", fragment)
        tags: list[str] = []

        def keep(m):
            tags.append(m.group(0))
            return f"\x00{len(tags) - 1}\x00"

        fragment = html.unescape(_RAW_TAG.sub(keep, fragment))  # the tags written in the source stay
        return _PLACEHOLDER.sub(lambda m: tags[int(m.group(1))], fragment)
    return strip_tags(fragment)


def strip_tags(fragment: str) -> str:
    """Plain text of a fragment (for engines that cannot carry tags)."""
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))
