"""Per-article detection reports: language (per article and block) plus translationese, as data."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

from .articles import Article, find_articles, read_article
from .detect import ArticleLanguage, detect
from .errors import LanguageUndetermined, LocalizeError

if TYPE_CHECKING:
    from .translationese import TranslationeseReport


@dataclass
class DetectionReport:
    article: Article
    language: ArticleLanguage
    translationese: Optional["TranslationeseReport"] = None

    def as_dict(self) -> dict:
        """The stable JSON shape documented in the README (schema localize.detect/1)."""
        lang = self.language.article
        doc = {
            "path": self.article.source,
            "id": self.article.id,
            "format": self.article.format,
            "encoding": self.article.encoding,
            "notes": list(self.article.notes),
            "language": {"code": lang.code, "name": lang.name, "confidence": lang.confidence,
                         "method": lang.method},
            "foreign_blocks": [b.index for b in self.language.foreign_blocks],
            "blocks": [
                {"index": b.index, "role": b.role, "language": b.guess.code,
                 "confidence": b.guess.confidence, "method": b.guess.method, "foreign": b.foreign,
                 "text": b.text}
                for b in self.language.blocks
            ],
        }
        if self.translationese is not None:
            doc["translationese"] = self.translationese.as_dict()
        return doc


def detect_article(article: Article) -> DetectionReport:
    """Language and translationese report for one article."""
    from .translationese import assess

    language = detect(article)
    return DetectionReport(article, language, assess(article, language))


def detect_articles(inputs: list[str]) -> tuple[list[DetectionReport], list[tuple[str, LocalizeError]]]:
    """Detect every article named by ``inputs`` (files, folders, globs); bad ones are collected,
    and so is each article whose language could not be determined (its report is kept too)."""
    paths, problems = find_articles(inputs)
    errors: list[tuple[str, LocalizeError]] = list(problems)
    reports: list[DetectionReport] = []
    for path in paths:
        try:
            reports.append(detect_article(read_article(path)))
        except LocalizeError as error:
            errors.append((path, error))
    errors.extend((r.article.source, LanguageUndetermined(
        "the language could not be determined", r.article.source,
        "give --from, or check that the file holds prose")) for r in reports if r.language.article.code == "und")
    return reports, errors
