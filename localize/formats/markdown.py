"""Markdown: block markup in ``lead``/``trail``, roles from the markup (see articles.parse_markdown)."""
from __future__ import annotations


def parse(text: str):
    from ..articles import parse_markdown

    return parse_markdown(text)


def render(article) -> str:
    return article.head + "".join(b.lead + b.text + b.trail for b in article.blocks)


def fit(text: str, role: str) -> str:
    return text
