"""NewsML-G2 (IPTC, XML): a newsItem's headline, subheadline and description are translated, its
by-, credit- and datelines kept; the body is the ``inlineXML`` content, NITF or XHTML, read with
their element names. Same tag scanner as HTML (``html.scan``): every tag, attribute and namespace
declaration is kept byte for byte, translated text is escaped as XML wants it.
"""
from __future__ import annotations

from . import html, nitf

ROLES = {**html.ROLES, **nitf.ROLES, "headline": "headline", "subheadline": "subhead",
         "description": "standfirst", "by": "byline", "creditline": "byline", "dateline": "date",
         "slugline": "junk", "keyword": "junk", "name": "junk", "located": "junk", "definition": "junk"}
INSIDE = {**html.INSIDE, **nitf.INSIDE}


def parse(text: str):
    return html.scan(text, ROLES, INSIDE, attributes=())


# Written and escaped as NITF is (both are XML carrying XHTML-like inline markup).
render = nitf.render
fit = nitf.fit
