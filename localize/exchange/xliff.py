"""XLIFF 1.2 and 2.0 <-> ExchangedFiles, built and read with lxml (never XML strings by hand).

States, by the specifications (XLIFF 1.2, section 2.5 "state" and "state-qualifier"; XLIFF 2.0,
section 4.3.1.x "state" and "subState"):

=============  ===============================================  ====================================
localize       XLIFF 1.2 written                                XLIFF 2.0 written
=============  ===============================================  ====================================
approved       approved="yes", target state="final"             segment state="final"
machine        target state="needs-review-translation",         state="translated",
               state-qualifier="mt-suggestion"                  subState="localize:machine"
suggestion     target state="needs-review-translation",         state="translated",
               state-qualifier="fuzzy-match"                    subState="localize:suggestion"
edited         target state="translated"                        state="translated"
untranslated   no target                                        state="initial", no target
=============  ===============================================  ====================================

XLIFF 2.0 has no "needs review" state: "translated" is the closest (the segment has a
translation that nobody has reviewed yet), and the subState says whose words it is.

Read back, a unit is approved when the file says so in any of the ways tools do: approved="yes",
state "final" or "signed-off" (1.2; some CAT tools set state="final" and leave approved out), or
state "reviewed"/"final" (2.0). A target whose state or qualifier says a machine or a match made
it stays machine/suggestion; any other unapproved target is a person's edit.
"""
from __future__ import annotations

from lxml import etree

from ..errors import BadInput
from . import APPROVED, EDITED, MACHINE, SUGGESTION, UNTRANSLATED, ExchangedFile, ExchangedUnit

NS12 = "urn:oasis:names:tc:xliff:document:1.2"
NS20 = "urn:oasis:names:tc:xliff:document:2.0"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
NOTE_FROM_LOCALIZE = "localize"     # provenance lines (PO "#.")
NOTE_FROM_TRANSLATOR = "translator"  # the translator's comments (PO "#")
CONTEXT_TYPE = "x-localize-msgctxt"  # XLIFF 1.2 lets tools add context types prefixed "x-"

_QUALIFIER = {MACHINE: "mt-suggestion", SUGGESTION: "fuzzy-match"}
_MACHINE_QUALIFIERS = {"mt-suggestion"}
_MATCH_QUALIFIERS = {"exact-match", "fuzzy-match", "id-match", "leveraged-glossary", "leveraged-inherited",
                     "leveraged-mt", "leveraged-repository", "leveraged-tm"}
_SUBSTATE = {MACHINE: "localize:machine", SUGGESTION: "localize:suggestion"}


def _q(ns: str, tag: str) -> str:
    return f"{{{ns}}}{tag}"


# --------------------------------------------------------------------------- XLIFF 1.2

def write_xliff12(files: list[ExchangedFile], tool_version: str) -> bytes:
    root = etree.Element(_q(NS12, "xliff"), nsmap={None: NS12}, version="1.2")
    for f in files:
        file_el = etree.SubElement(root, _q(NS12, "file"), original=f.article_id, datatype="plaintext")
        file_el.set("source-language", f.source_lang)
        file_el.set("target-language", f.target_lang)
        file_el.set("tool-id", "localize")
        header = etree.SubElement(file_el, _q(NS12, "header"))
        tool = etree.SubElement(header, _q(NS12, "tool"))
        tool.set("tool-id", "localize")
        tool.set("tool-name", "localize")
        tool.set("tool-version", tool_version)
        body = etree.SubElement(file_el, _q(NS12, "body"))
        for u in f.units:
            tu = etree.SubElement(body, _q(NS12, "trans-unit"), id=u.unit_id)
            tu.set(XML_SPACE, "preserve")
            etree.SubElement(tu, _q(NS12, "source")).text = u.source
            if u.target:
                target = etree.SubElement(tu, _q(NS12, "target"))
                target.text = u.target
                if u.approved:
                    tu.set("approved", "yes")
                    target.set("state", "final")
                elif u.status in _QUALIFIER:
                    target.set("state", "needs-review-translation")
                    target.set("state-qualifier", _QUALIFIER[u.status])
                else:
                    target.set("state", "translated")
            if u.context is not None:
                group = etree.SubElement(tu, _q(NS12, "context-group"), purpose="information")
                ctx = etree.SubElement(group, _q(NS12, "context"))
                ctx.set("context-type", CONTEXT_TYPE)
                ctx.text = u.context
            for ref in u.references:
                group = etree.SubElement(tu, _q(NS12, "context-group"), purpose="location")
                where, _, line = ref.rpartition(":") if ":" in ref else (ref, "", "")
                ctx = etree.SubElement(group, _q(NS12, "context"))
                ctx.set("context-type", "sourcefile")
                ctx.text = where
                if line:
                    ln = etree.SubElement(group, _q(NS12, "context"))
                    ln.set("context-type", "linenumber")
                    ln.text = line
            for origin, lines in ((NOTE_FROM_LOCALIZE, u.notes), (NOTE_FROM_TRANSLATOR, u.comments)):
                for line in lines:
                    etree.SubElement(tu, _q(NS12, "note"), {"from": origin}).text = line
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def read_xliff12(root, where: str) -> list[ExchangedFile]:
    files = []
    ns = etree.QName(root).namespace  # 1.2, or 1.1 as translate-toolkit writes it: same elements
    t = (lambda tag: _q(ns, tag)) if ns else (lambda tag: tag)
    for file_el in root.iter(t("file")):
        f = ExchangedFile(_required(file_el, "original", where), _required(file_el, "source-language", where),
                          _required(file_el, "target-language", where))
        for tu in file_el.iter(t("trans-unit")):
            source_el = tu.find(t("source"))
            if source_el is None:
                raise BadInput(f"trans-unit {tu.get('id')!r} has no source", where, "fix or re-export the file")
            target_el = tu.find(t("target"))
            target = _text(target_el) if target_el is not None else ""
            state = target_el.get("state", "") if target_el is not None else ""
            qualifier = target_el.get("state-qualifier", "") if target_el is not None else ""
            if not target:
                status = UNTRANSLATED
            elif tu.get("approved") == "yes" or state in ("final", "signed-off"):
                status = APPROVED
            elif qualifier in _MACHINE_QUALIFIERS:
                status = MACHINE
            elif qualifier in _MATCH_QUALIFIERS:
                status = SUGGESTION
            elif state in ("new", "needs-translation"):
                status = SUGGESTION  # a target the tool itself says is not a translation yet
            else:
                status = EDITED
            context = next((c.text or "" for c in tu.iter(t("context")) if c.get("context-type") == CONTEXT_TYPE), None)
            notes = [(n.get("from") or "", n.text or "") for n in tu.findall(t("note"))]
            f.units.append(ExchangedUnit(
                _text(source_el), target, context, status,
                notes=[text for origin, text in notes if origin == NOTE_FROM_LOCALIZE],
                comments=[text for origin, text in notes if origin != NOTE_FROM_LOCALIZE and text],
                unit_id=tu.get("id") or ""))
        files.append(f)
    return files


# --------------------------------------------------------------------------- XLIFF 2.0

def write_xliff20(files: list[ExchangedFile], tool_version: str) -> bytes:
    sources = {f.source_lang for f in files}
    targets = {f.target_lang for f in files}
    if len(sources) > 1 or len(targets) > 1:
        raise BadInput("XLIFF 2.0 holds one source and one target language per document, and these "
                       f"articles have {', '.join(sorted(sources))} -> {', '.join(sorted(targets))}",
                       None, "export articles of one source language at a time, or use --format xliff")
    root = etree.Element(_q(NS20, "xliff"), nsmap={None: NS20}, version="2.0")
    if files:
        root.set("srcLang", files[0].source_lang)
        root.set("trgLang", files[0].target_lang)
    else:
        root.set("srcLang", "und")
    for n, f in enumerate(files, 1):
        file_el = etree.SubElement(root, _q(NS20, "file"), id=f"f{n}", original=f.article_id)
        for u in f.units:
            unit = etree.SubElement(file_el, _q(NS20, "unit"), id=u.unit_id)
            note_lines = ([("localize", x) for x in u.notes] + [("translator", x) for x in u.comments]
                          + [("location", x) for x in u.references]
                          + ([("x-localize-msgctxt", u.context)] if u.context is not None else []))
            if note_lines:
                notes = etree.SubElement(unit, _q(NS20, "notes"))
                for category, text in note_lines:
                    etree.SubElement(notes, _q(NS20, "note"), category=category).text = text
            segment = etree.SubElement(unit, _q(NS20, "segment"))
            if not u.target:
                segment.set("state", "initial")
            elif u.approved:
                segment.set("state", "final")
            else:
                segment.set("state", "translated")
                if u.status in _SUBSTATE:
                    segment.set("subState", _SUBSTATE[u.status])
            source = etree.SubElement(segment, _q(NS20, "source"))
            source.set(XML_SPACE, "preserve")
            source.text = u.source
            if u.target:
                target = etree.SubElement(segment, _q(NS20, "target"))
                target.set(XML_SPACE, "preserve")
                target.text = u.target
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def read_xliff20(root, where: str) -> list[ExchangedFile]:
    source_lang = _required(root, "srcLang", where)
    target_lang = _required(root, "trgLang", where)
    files = []
    for file_el in root.iter(_q(NS20, "file")):
        f = ExchangedFile(file_el.get("original") or _required(file_el, "id", where), source_lang, target_lang)
        for unit in file_el.iter(_q(NS20, "unit")):
            notes = [(n.get("category") or "", n.text or "") for n in unit.iter(_q(NS20, "note"))]
            segments = unit.findall(_q(NS20, "segment"))
            if len(segments) != 1:
                raise BadInput(f"unit {unit.get('id')!r} has {len(segments)} segments; localize exports one "
                               "sentence per unit", where, "join the segments in the CAT tool, or re-export")
            segment = segments[0]
            source_el, target_el = segment.find(_q(NS20, "source")), segment.find(_q(NS20, "target"))
            if source_el is None:
                raise BadInput(f"unit {unit.get('id')!r} has no source", where, "fix or re-export the file")
            target = _text(target_el) if target_el is not None else ""
            state, sub = segment.get("state", "initial"), segment.get("subState", "")
            if not target:
                status = UNTRANSLATED
            elif state in ("reviewed", "final"):
                status = APPROVED
            elif sub == _SUBSTATE[MACHINE]:
                status = MACHINE
            elif sub == _SUBSTATE[SUGGESTION] or state == "initial":
                status = SUGGESTION
            else:
                status = EDITED
            context = next((text for cat, text in notes if cat == "x-localize-msgctxt"), None)
            f.units.append(ExchangedUnit(
                _text(source_el), target, context, status,
                notes=[text for cat, text in notes if cat == "localize"],
                comments=[text for cat, text in notes if cat not in ("localize", "location", "x-localize-msgctxt")
                          and text],
                references=[text for cat, text in notes if cat == "location"],
                unit_id=unit.get("id") or ""))
        files.append(f)
    return files


# --------------------------------------------------------------------------- helpers

def _text(el) -> str:
    """A source's or target's text; inline markup (<g>, <mrk>, <pc>) keeps its text, standalone
    codes (<x/>, <ph/>) are dropped: the memory holds plain sentences."""
    return "".join(el.itertext()) if el is not None else ""


def _required(el, attr: str, where: str) -> str:
    value = el.get(attr)
    if not value:
        raise BadInput(f"<{etree.QName(el).localname}> has no {attr}", where,
                       "the file is not a complete XLIFF document: re-export it from the CAT tool")
    return value
