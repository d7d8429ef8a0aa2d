"""NITF (IPTC News Industry Text Format, XML): headline, byline, dateline, abstract and body.

Read with the same tag scanner as HTML (``html.scan``), with NITF's element names: ``hl1`` is the
headline, ``hl2`` a subhead, ``abstract`` paragraphs the standfirst, ``p`` body paragraphs,
``media-caption`` captions. Bylines and datelines are names and dates: kept, never translated.
Every tag, attribute, declaration and comment is kept byte for byte; translated text is escaped
as XML wants it, so the written file stays well-formed.
"""
from __future__ import annotations

from . import html

ROLES = {"title": "headline", "hl1": "headline", "hl2": "subhead", "p": "body", "byline": "byline",
         "dateline": "date", "media-caption": "caption", "caption": "caption", "li": "list_item",
         "td": "body", "th": "body", "tagline": "junk", "ed-msg": "junk"}
INSIDE = {"abstract": "standfirst", "bq": "quote", "block.quote": "quote"}


def parse(text: str):
    return html.scan(text, ROLES, INSIDE, attributes=())


# Written and escaped as HTML is (XML wants the same escapes in text and attribute values).
render = html.render
fit = html.fit
