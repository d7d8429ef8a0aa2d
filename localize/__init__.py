"""localize: an offline translation desk for news articles.

Library use, without the CLI::

    from localize import read_article, detect
    article = read_article("wire/story.es.txt")
    print(detect(article).article.code)   # "es"
"""
from .articles import Article, Block, read_article
from .detect import ArticleLanguage, LanguageGuess, detect, guess_language
from .errors import LocalizeError
from .segment import Sentence, split_sentences

__all__ = [
    "Article", "ArticleLanguage", "Block", "LanguageGuess", "LocalizeError", "Sentence",
    "detect", "guess_language", "read_article", "split_sentences",
]


def _installed_version() -> str:
    """The version pip installed (pyproject.toml is the one place it is written)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("localize")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "0+unknown"


__version__ = _installed_version()
