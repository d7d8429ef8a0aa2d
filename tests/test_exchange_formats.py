"""The XLIFF and TMX writers and readers on their own: golden files and round trips."""
from pathlib import Path

from hypothesis import given, settings, strategies as st
from lxml import etree

from localize.exchange import APPROVED, EDITED, MACHINE, SUGGESTION, UNTRANSLATED, ExchangedFile, ExchangedUnit
from localize.exchange.xliff import read_xliff12, read_xliff20, write_xliff12, write_xliff20

GOLDEN = Path(__file__).parent / "golden"


def sample() -> list[ExchangedFile]:
    return [ExchangedFile("harbour", "de", "ca-valencia", [
        ExchangedUnit("Der Hafen wächst.", "El port creix.", status=APPROVED, notes=["role: headline"],
                      comments=["approved by Ana on 2026-11-25 10:00+0000"], references=["harbour:1.1"]),
        ExchangedUnit("Die Stadt baut.", "La ciutat construïx.", status=MACHINE,
                      notes=["origin: machine translation"], references=["harbour:2.1"]),
        ExchangedUnit("Die Stadt baut.", "La ciutat construïx.", context="caption", status=SUGGESTION),
        ExchangedUnit("Neu.", "Nou.", status=EDITED),
        ExchangedUnit("Leer.", status=UNTRANSLATED),
    ])]


def test_xliff12_golden():
    assert write_xliff12(sample(), "0.1.0") == (GOLDEN / "sample.xliff12.xlf").read_bytes()


def test_xliff20_golden():
    assert write_xliff20(sample(), "0.1.0") == (GOLDEN / "sample.xliff20.xlf").read_bytes()


def _same(a: list[ExchangedFile], b: list[ExchangedFile]) -> None:
    assert [(f.article_id, f.source_lang, f.target_lang) for f in a] == \
        [(f.article_id, f.source_lang, f.target_lang) for f in b]
    for fa, fb in zip(a, b):
        assert [(u.unit_id, u.source, u.target, u.context, u.status, u.notes, u.comments) for u in fa.units] == \
            [(u.unit_id, u.source, u.target, u.context, u.status, u.notes, u.comments) for u in fb.units]


def test_both_xliff_versions_read_back_what_they_wrote():
    _same(read_xliff12(etree.fromstring(write_xliff12(sample(), "0")), "t"), sample())
    _same(read_xliff20(etree.fromstring(write_xliff20(sample(), "0")), "t"), sample())


# XML 1.0 characters: no control characters but tab and newline (which XLIFF keeps with xml:space).
xml_text = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\r")
                   | st.sampled_from("\t\n"), min_size=1, max_size=40)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(xml_text, xml_text, st.sampled_from([APPROVED, MACHINE, SUGGESTION, EDITED])),
                min_size=1, max_size=5, unique_by=lambda t: t[0]))
def test_any_text_survives_both_xliff_versions(rows):
    files = [ExchangedFile("a", "en", "es", [ExchangedUnit(s, t, status=st_) for s, t, st_ in rows])]
    _same(read_xliff12(etree.fromstring(write_xliff12(files, "0")), "t"), files)
    _same(read_xliff20(etree.fromstring(write_xliff20(files, "0")), "t"), files)
