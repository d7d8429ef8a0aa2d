"""TMX 1.4b <-> sentence pairs, built and read with lxml.

A TMX holds translations a newsroom stands behind, so an export carries only approved pairs; the
header's ``srclang`` is the articles' real source language (``*all*`` when they differ, as the
TMX 1.4b specification says), and every <tu> names its own ``srclang`` as well. Provenance goes
in <prop type="x-..."> (the article, the msgctxt) and <note> (the PO's "#." lines).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..errors import BadInput
from ..languages import Language, parse_language
from . import ExchangedFile

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PROP_ARTICLE = "x-localize-article"
PROP_CONTEXT = "x-localize-msgctxt"
# Inline elements of TMX 1.4b (section 3.7): the first four hold native codes, not text.
_CODE_ELEMENTS = {"bpt", "ept", "it", "ph", "ut"}


def write_tmx(files: list[ExchangedFile], tool_version: str) -> bytes:
    sources = {f.source_lang for f in files}
    root = etree.Element("tmx", version="1.4")
    header = etree.SubElement(root, "header", creationtool="localize", creationtoolversion=tool_version,
                              segtype="sentence", adminlang="en", datatype="plaintext",
                              srclang=next(iter(sources)) if len(sources) == 1 else "*all*")
    header.set("o-tmf", "gettext PO")
    body = etree.SubElement(root, "body")
    for f in files:
        for u in f.units:
            if not u.approved:
                continue
            tu = etree.SubElement(body, "tu", tuid=f"{f.article_id}:{u.unit_id}", srclang=f.source_lang)
            etree.SubElement(tu, "prop", type=PROP_ARTICLE).text = f.article_id
            if u.context is not None:
                etree.SubElement(tu, "prop", type=PROP_CONTEXT).text = u.context
            for line in u.notes + u.comments:
                etree.SubElement(tu, "note").text = line
            for lang, text in ((f.source_lang, u.source), (f.target_lang, u.target)):
                tuv = etree.SubElement(tu, "tuv")
                tuv.set(XML_LANG, lang)
                etree.SubElement(tuv, "seg").text = text
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True,
                          doctype='<!DOCTYPE tmx SYSTEM "tmx14.dtd">')


@dataclass(frozen=True)
class TMPair:
    source: str
    target: str


def seg_text(seg) -> str:
    """The text of a <seg>: native codes left out, highlighted (<hi>) text kept."""
    parts = [seg.text or ""]
    for child in seg:
        if etree.QName(child).localname not in _CODE_ELEMENTS:
            parts.append(seg_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _matches(lang: Language, wanted: Language) -> bool:
    """Whether a <tuv>'s language serves ``wanted``: the same base language, and the same region and
    variant where ``wanted`` names one (central Catalan text is no Valencian translation, but
    ca-ES text is Catalan)."""
    return lang.base == wanted.base and (not wanted.region or lang.region == wanted.region) and \
        (not wanted.variant or lang.variant == wanted.variant)


def read_tmx_pairs(path: Path, source: str, target: str) -> list[TMPair]:
    """The (source, target) sentence pairs of a TMX for one language pair, streamed (a newsroom TM
    has hundreds of thousands of units)."""
    from . import safe_parser_options

    want_src, want_tgt = parse_language(source), parse_language(target)
    pairs: list[TMPair] = []
    try:
        for _, tu in etree.iterparse(str(path), tag="tu", **safe_parser_options()):
            texts: dict[str, str] = {}
            for tuv in tu.iter("tuv"):
                code = tuv.get(XML_LANG) or tuv.get("lang") or ""
                seg = tuv.find("seg")
                try:
                    lang = parse_language(code)
                except BadInput:
                    continue
                if seg is None:
                    continue
                text = " ".join(seg_text(seg).split())
                if _matches(lang, want_src) and "source" not in texts:
                    texts["source"] = text
                elif _matches(lang, want_tgt) and "target" not in texts:
                    texts["target"] = text
            if texts.get("source") and texts.get("target"):
                pairs.append(TMPair(texts["source"], texts["target"]))
            tu.clear()
    except etree.XMLSyntaxError as exc:
        raise BadInput(f"is not a well-formed TMX file ({exc})", str(path), "check the file, or export it again") from None
    except OSError as exc:
        raise BadInput(f"cannot be read ({exc.strerror or exc})", str(path), "check the path") from None
    return pairs

