"""Status of the memory: per article and target language, how much is approved, machine, missing."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .articles import article_id, find_articles
from .errors import LocalizeError
from .pofile import read_catalog


@dataclass
class StatusRow:
    article_id: str
    target: str
    po_file: str
    counts: dict

    def as_dict(self) -> dict:
        return {"id": self.article_id, "target": self.target, "po_file": self.po_file, **self.counts}


def memory_status(locales: Path, inputs: list[str] | None = None,
                  targets: list[str] | None = None) -> tuple[list[StatusRow], list[tuple[str, LocalizeError]]]:
    """Rows for the named articles (all PO files under ``locales`` when none are named)."""
    errors: list[tuple[str, LocalizeError]] = []
    wanted: set[str] | None = None
    if inputs:
        paths, problems = find_articles(inputs)
        errors.extend(problems)
        wanted = {article_id(p) for p in paths}
    rows = []
    for po in sorted(Path(locales).glob("*/LC_MESSAGES/**/*.po")):
        relative = po.relative_to(locales).parts
        lang, ident = relative[0], "/".join(relative[2:])[: -len(".po")]
        if (wanted is not None and ident not in wanted) or (targets and lang not in targets):
            continue
        try:
            catalog = read_catalog(po)
        except LocalizeError as error:
            errors.append((str(po), error))
            continue
        rows.append(StatusRow(ident, lang, str(po), catalog.counts()))
    return rows, errors
