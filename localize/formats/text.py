"""Plain text: blocks are paragraphs separated by blank lines; roles from layout (see articles)."""
from __future__ import annotations


def parse(text: str):
    from ..articles import parse_text

    return parse_text(text)


def render(article) -> str:
    return article.head + "".join(b.lead + b.text + b.trail for b in article.blocks)


def fit(text: str, role: str) -> str:
    return text
