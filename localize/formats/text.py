"""Plain text: blocks are paragraphs separated by blank lines; roles from layout (see articles)."""
from __future__ import annotations


def parse(text: str):
    from ..articles import parse_text

    return parse_text(text)


def render(article) -> str:
    """The head and every block's lead, text and trail, in order: the writer of every format
    whose blocks partition the file (all of them; markup stays in lead and trail)."""
    return article.head + "".join(b.lead + b.text + b.trail for b in article.blocks)


def fit(text: str, role: str) -> str:
    """Plain text needs no escaping."""
    return text
