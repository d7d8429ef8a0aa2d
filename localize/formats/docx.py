"""DOCX (Word, Office Open XML): body paragraphs, table cells, headers, footers, footnotes and
endnotes are translated; styles, section properties, numbering, pictures and every other part of
the package are kept.

A .docx is a ZIP package of XML parts, not text, so an Article of this format keeps the file's
bytes (``Article.package``) and its blocks are made from the paragraphs, in document order: the
body's (table cells and text boxes included), then each header's, footer's, footnote's and
endnote's. A paragraph's text is written as an inline-HTML fragment, as HTML blocks are
(``FRAGMENT_KIND`` "html"), so engines carry its formatting through:

* runs are grouped by their properties (the ``w:rPr`` XML) and hyperlink; the group with the most
  text is the paragraph's own and is written bare, every other group's text is wrapped in a tag
  that names it: ``The <b data-r="2">minister</b> said`` (``b``/``i``/``u`` after its first
  property, ``a`` for a hyperlink, else ``span``). A translation may move the tag with its words;
* what is not text (a picture, a break, a tab, a footnote mark, a field such as a page number,
  an equation) is one empty tag in place, ``<img data-o="1"/>``, and comes back as it was.

Writing parses the translated fragment and puts in new runs: each piece of text with its group's
run properties (and hyperlink), each kept object where its tag now stands; an object whose tag got
lost (an engine that drops tags) goes at the paragraph's end, so nothing is lost. A paragraph
whose text did not change keeps its XML untouched, and only changed parts are re-serialised; the
other entries of the package are copied byte for byte.

What the run model cannot carry is kept as it is and named in the article's notes: a paragraph
with tracked changes (insertions, deletions and moves belong to their revision marks), content
controls, smart tags or custom XML around runs, and a field that runs on past its paragraph.
Comments are kept untranslated.

Roles come from paragraph styles (Word stores a built-in style's English name in ``w:name`` in
every language of its interface): Title is the headline (else the first heading),
other headings are subheads, Subtitle the standfirst, Caption captions, Quote quotes, list
styles and numbered paragraphs list items. Unstyled paragraphs get their roles from layout, as
plain text does (bylines and dates found there are kept, not translated). python-docx (with
lxml) is imported only when a .docx is read or written.
"""
from __future__ import annotations

import html
import io
import re
from copy import deepcopy
from dataclasses import dataclass, field

from ..errors import BadInput

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

# A ZIP package may claim any size once unpacked; a Word article with pictures is a few MiB, and
# python-docx holds every part in memory, so a package claiming more than this is refused.
MAX_UNPACKED_BYTES = 256 * 2**20

# The Compound File header (MS-CFB 2.2): Word 97-2003 files and password-protected (encrypted)
# .docx files are such containers, not ZIP packages.
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# Paragraph-level elements that only mark a position (bookmarks, comment and permission ranges):
# kept, a start before the paragraph's new runs and an end after them, so what they mark still
# covers the paragraph. Word's spelling and grammar marks (proofErr) are dropped: Word redoes them.
_STARTS = {"bookmarkStart", "commentRangeStart", "permStart"}
_ENDS = {"bookmarkEnd", "commentRangeEnd", "permEnd"}
_DROPPED = {"proofErr", "lastRenderedPageBreak"}
# Paragraph content the run model cannot rewrite: revision marks (ECMA-376 17.13.5) and wrappers
# whose runs belong to them (17.5.2 content controls, 17.5.1 smart tags and custom XML, 17.3.2 bidi).
_TRACKED = {"ins", "del", "moveFrom", "moveTo", "moveFromRangeStart", "moveFromRangeEnd",
            "moveToRangeStart", "moveToRangeEnd"}
_WRAPPERS = {"sdt", "smartTag", "customXml", "dir", "bdo"}
# Run content that is text, and the character it stands for.
_CHARACTERS = {"noBreakHyphen": "\u2011", "softHyphen": "\u00ad"}
# How a kept object shows in a fragment: the nearest HTML element, for reviewers and engines.
_OBJECT_TAGS = {"br": "br", "cr": "br", "drawing": "img", "pict": "img", "object": "img",
                "AlternateContent": "img", "footnoteReference": "sup", "endnoteReference": "sup",
                "footnoteRef": "sup", "endnoteRef": "sup"}
# The role a built-in paragraph style gives (ECMA-376 part 1, 17.7.4.9 latent style names).
_STYLE_ROLES = {"title": "headline", "subtitle": "standfirst", "caption": "caption", "quote": "quote",
                "intense quote": "quote", "block text": "quote", "list paragraph": "list_item"}
_HEADING = re.compile(r"heading ([1-9])$")
_LIST_STYLE = re.compile(r"list (bullet|number|continue)( [2-9])?$")
# Every block's trail ends with a line break the file does not hold: a block is a line of the
# preview (``render``), so the line a memory's reference names (``story.docx:7``) is the 7th block,
# the paragraph the notes call "paragraph 7".
PARAGRAPH_END = "\n"
# Roles the layout rules (articles) may give an unstyled paragraph when styles name the headline:
# then only the meta lines are taken from layout, the rest stays body text.
_META_ROLES = {"byline", "date", "reading_time"}


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


def _local(element) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


# --------------------------------------------------------------------------- opening

def _open(data: bytes, where: str):
    """The python-docx Document of ``data``, or BadInput in one line."""
    import zipfile
    import zlib

    if data.startswith(_OLE_MAGIC):
        raise BadInput("is a Word 97-2003 .doc or a password-protected .docx, not a plain .docx", where,
                       "save it from Word as .docx without a password")
    if not data.startswith(b"PK\x03\x04"):
        raise BadInput("is not a Word document (.docx): it is not a ZIP package", where,
                       "save it from Word as .docx, or name it after its format: .txt, .md, .html")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            infos = package.infolist()
            if sum(i.file_size for i in infos) > MAX_UNPACKED_BYTES:
                raise BadInput(f"unpacks to more than {MAX_UNPACKED_BYTES // 2**20} MiB, too big for an "
                               "article", where, "split it into articles")
            if "[Content_Types].xml" not in {i.filename for i in infos}:
                raise BadInput("is a ZIP package but not a Word document (it has no [Content_Types].xml)", where,
                               "give a .docx saved by a word processor")
            bad = package.testzip()
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError) as exc:
        reason = " ".join(str(exc).split())[:120] or type(exc).__name__  # RuntimeError: encrypted
        raise BadInput(f"is a damaged .docx ({reason})", where, "save it again from Word") from None
    if bad is not None:
        raise BadInput(f"is a damaged .docx (part {bad} fails its checksum)", where, "save it again from Word")
    import docx

    try:
        return docx.Document(io.BytesIO(data))
    except ValueError as exc:
        kind = re.search(r"content type is '([^']+)'", str(exc))
        if kind is None:
            raise BadInput(f"is a damaged .docx ({' '.join(str(exc).split())[:120]})", where,
                           "save it again from Word") from None
        raise BadInput(f"is not a Word document (its main part is {kind.group(1)})", where,
                       "give a .docx saved by a word processor") from None
    except Exception as exc:  # python-docx and lxml raise many kinds on a damaged package
        reason = " ".join(str(exc).split())[:120] or type(exc).__name__
        raise BadInput(f"is a damaged .docx ({reason})", where, "save it again from Word") from None


def _stories(document):
    """(part name, its XML root, where the paragraphs are) of the body, then of every header,
    footer, footnote and endnote part, in a stable order."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import parse_xml

    yield document.part.partname, document.element, document.element.body
    kinds = (RT.HEADER, RT.FOOTER, RT.FOOTNOTES, RT.ENDNOTES)
    extra = {rel.target_part.partname: (kinds.index(rel.reltype), rel.target_part)
             for rel in document.part.rels.values() if not rel.is_external and rel.reltype in kinds}
    for name in sorted(extra, key=lambda n: (extra[n][0], n)):
        part = extra[name][1]
        # python-docx models headers and footers; footnotes and endnotes it keeps as bytes
        root = part.element if hasattr(part, "element") else parse_xml(part.blob)
        yield name, root, root


def _paragraphs(root):
    """The paragraphs of a story in document order, a text box's right after the paragraph that
    holds it. Word writes a text box twice (ECMA-376 part 3, markup compatibility): as DrawingML
    in ``mc:Choice`` and as VML in ``mc:Fallback`` for older readers; the fallback copy is no block
    of its own: it gets the translated paragraph (``_mirror_fallback``)."""
    for p in root.iter(_w("p")):
        if not any(_local(a) == "Fallback" for a in p.iterancestors()):
            yield p


def _mirror_fallback(p) -> None:
    """A rewritten text-box paragraph also replaces its twin in the VML fallback, when the two
    copies have as many paragraphs (else the fallback, which current readers skip, stays)."""
    choice = next((a for a in p.iterancestors() if _local(a) == "Choice"), None)
    fallback = next((c for c in choice.getparent() if _local(c) == "Fallback"), None) \
        if choice is not None and choice.getparent() is not None else None
    if fallback is None:
        return
    mine, theirs = list(choice.iter(_w("p"))), list(fallback.iter(_w("p")))
    if len(mine) == len(theirs):
        twin = theirs[mine.index(p)]
        twin.getparent().replace(twin, deepcopy(p))


# --------------------------------------------------------------------------- one paragraph

@dataclass
class _Paragraph:
    """What a paragraph's text is made of, enough to write a translation of it back."""

    element: object
    keys: list = field(default_factory=list)  # (hyperlink index or None, rPr XML) of each text group
    rprs: list = field(default_factory=list)  # the rPr element (or None) of each group
    links: list = field(default_factory=list)  # the paragraph's hyperlink elements
    # (hyperlink index or None, [elements], run properties): kept whole, copied when written (a
    # text box inside may have been translated meanwhile); with run properties ("run", rPr or
    # None) the elements are a run's content, put in a run of their own.
    objects: list = field(default_factory=list)
    starts: list = field(default_factory=list)
    ends: list = field(default_factory=list)
    pieces: list = field(default_factory=list)  # ("t", group, text) / ("o", object index)
    base: int = 0  # the group written without a tag
    why: str = ""  # why it is kept as it is
    fragment: str = ""
    text: str = ""  # what a reader reads of it


def _analyse(p) -> _Paragraph:
    from lxml import etree

    para = _Paragraph(p)
    field_runs: list = []
    depth = 0

    def group(link, rpr) -> int:
        key = (link, etree.tostring(rpr) if rpr is not None else b"")
        if key not in para.keys:
            para.keys.append(key)
            para.rprs.append(rpr)
        return para.keys.index(key)

    def add_text(g: int, text: str) -> None:
        if para.pieces and para.pieces[-1][0] == "t" and para.pieces[-1][1] == g:
            para.pieces[-1] = ("t", g, para.pieces[-1][2] + text)
        elif text:
            para.pieces.append(("t", g, text))

    def add_object(link, elements, run=None) -> None:
        para.objects.append((link, elements, run))
        para.pieces.append(("o", len(para.objects) - 1))

    def field_chars(element) -> int:
        change = 0
        for f in element.iter(_w("fldChar")):
            kind = f.get(_w("fldCharType"))
            change += 1 if kind == "begin" else -1 if kind == "end" else 0
        return change

    def content(child, link) -> None:
        nonlocal depth, field_runs
        tag = _local(child)
        if depth or (tag == "r" and child.find(_w("fldChar")) is not None):
            # A complex field (ECMA-376 17.16.18: begin, instructions, separate, result, end) is
            # one object: its result (a page number, a date) is the field's, not the writer's.
            field_runs.append(child)
            depth += field_chars(child)
            if depth <= 0:
                depth = 0
                add_object(link, field_runs)
                field_runs = []
            return
        if tag == "r":
            rpr = child.find(_w("rPr"))
            for item in child:
                name = _local(item)
                if item is rpr or name in _DROPPED:
                    continue
                if name == "t":
                    add_text(group(link, rpr), item.text or "")
                elif name in _CHARACTERS:
                    add_text(group(link, rpr), _CHARACTERS[name])
                elif name in ("delText", "delInstrText"):
                    para.why = "has tracked changes"
                else:
                    add_object(link, [item], ("run", rpr))
        elif tag == "hyperlink" and link is None:
            para.links.append(child)
            for inner in child:
                content(inner, len(para.links) - 1)
        elif tag in _STARTS:
            para.starts.append(child)
        elif tag in _ENDS:
            para.ends.append(child)
        elif tag in _DROPPED or tag == "pPr":
            pass
        elif tag in _TRACKED:
            para.why = "has tracked changes"
        elif tag in _WRAPPERS:
            para.why = "has a content control, smart tag or custom XML around its text"
        else:  # a simple field, an equation, a picture: kept whole where it stands
            add_object(link, [child])

    for child in p:
        content(child, None)
    if depth and not para.why:
        para.why = "has a field that runs on into the next paragraph"
    free = {}  # characters of text per group without a hyperlink
    for piece in para.pieces:
        if piece[0] == "t" and para.keys[piece[1]][0] is None:
            free[piece[1]] = free.get(piece[1], 0) + len(piece[2])
    if free:
        para.base = max(free, key=lambda g: (free[g], -g))
    else:  # every word is linked: bare text gets no properties and no link
        para.keys.append((None, b""))
        para.rprs.append(None)
        para.base = len(para.keys) - 1
    if para.why:  # kept whole: its text, all of it (not a text box's inside), only for reading
        para.text = "".join(t.text or "" for t in p.iter(_w("t"))
                            if next(t.iterancestors(_w("p")), None) is p)
        para.fragment = _escape(para.text)
    else:
        para.text = "".join(piece[2] for piece in para.pieces if piece[0] == "t")
        para.fragment = _fragment(para)
    return para


def _tag_name(para: _Paragraph, g: int) -> str:
    link, _ = para.keys[g]
    if link is not None:
        return "a"
    rpr = para.rprs[g]
    for child in (rpr if rpr is not None else ()):
        name = _local(child)
        if name in ("b", "i", "u") and child.get(_w("val"), "true") not in ("0", "false", "none"):
            return name
    return "span"


def _object_tag(para: _Paragraph, j: int) -> str:
    first = para.objects[j][1][0]
    inner = [_local(c) for c in first if _local(c) != "rPr"] if _local(first) == "r" else [_local(first)]
    return next((_OBJECT_TAGS[n] for n in inner if n in _OBJECT_TAGS), "span")


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


def _fragment(para: _Paragraph) -> str:
    out = []
    for piece in para.pieces:
        if piece[0] == "o":
            out.append(f'<{_object_tag(para, piece[1])} data-o="{piece[1] + 1}"/>')
        elif piece[1] == para.base or (not piece[2].strip() and para.keys[piece[1]][0] is None):
            out.append(_escape(piece[2]))  # a lone formatted space shows nothing: written bare
        else:
            name = _tag_name(para, piece[1])
            out.append(f'<{name} data-r="{piece[1] + 1}">{_escape(piece[2])}</{name}>')
    return "".join(out)


# --------------------------------------------------------------------------- reading

def _walk(document):
    """(part, paragraph analysis, where it stands) of every paragraph with text, in block order."""
    for name, root, story_root in _stories(document):
        story = "body" if root is document.element else name.rsplit("/", 1)[-1]
        for p in _paragraphs(story_root):
            para = _analyse(p)
            if para.text.strip():
                yield (name, root), para, story


def read(data: bytes, where: str):
    """``(blocks, notes)`` of a .docx's bytes."""
    from ..articles import Block

    document = _open(data, where)
    roles = _StyleRoles(document)
    blocks, notes, unstyled = [], [], []
    for _part, para, story in _walk(document):
        i = len(blocks)
        fragment = para.fragment
        lead = fragment[:len(fragment) - len(fragment.lstrip())]
        text = fragment.strip()
        trail = fragment[len(lead) + len(text):] + PARAGRAPH_END
        role = roles.of(para.element) if story == "body" else "body"
        if para.why:
            notes.append(f"paragraph {i + 1} ({story}) {para.why}: kept as it is"
                         + (" (accept or reject the changes in Word, then translate again)"
                            if "tracked" in para.why else ""))
            role = "kept"
        elif role == "body" and story == "body" and not _in_table_or_box(para.element):
            unstyled.append(i)
        blocks.append(Block(role, text, lead=lead, trail=trail))
    _layout_roles(blocks, unstyled, styled_headline=any(b.role == "headline" for b in blocks))
    return blocks, notes


def _in_table_or_box(p) -> bool:
    return any(_local(a) in ("tc", "txbxContent") for a in p.iterancestors())


def _layout_roles(blocks, unstyled: list[int], styled_headline: bool) -> None:
    """Unstyled body paragraphs get the roles plain text's layout rules give them; when styles
    already named the headline, only bylines, dates and reading times are taken from there."""
    from ..articles import Block, _assign_text_roles  # plain text's layout rules
    from ..markup import strip_tags

    if not unstyled:
        return
    plain = [Block("body", strip_tags(blocks[i].text)) for i in unstyled]
    _assign_text_roles(plain)
    for i, block in zip(unstyled, plain):
        if not styled_headline or block.role in _META_ROLES:
            blocks[i].role = block.role


class _StyleRoles:
    """A body paragraph's role from its style (followed through ``basedOn``) or its numbering."""

    def __init__(self, document):
        from docx.enum.style import WD_STYLE_TYPE

        self.names: dict[str, list[str]] = {}
        default = None
        for style in document.styles:
            if style.type != WD_STYLE_TYPE.PARAGRAPH:
                continue
            chain, seen, s = [], set(), style
            while s is not None and s.style_id not in seen:
                seen.add(s.style_id)
                chain.append((s.name or "").lower())
                s = s.base_style
            self.names[style.style_id] = chain
            if style.element.get(_w("default")) in ("1", "true", "on"):
                default = style.style_id
        self.default = default
        self.headline_seen = False  # a Title, or else the first heading, is the headline

    def of(self, p) -> str:
        ppr = p.find(_w("pPr"))
        style = ppr.find(_w("pStyle")) if ppr is not None else None
        sid = style.get(_w("val")) if style is not None else self.default
        role, level = "body", None
        for name in self.names.get(sid, []):
            if name in _STYLE_ROLES:
                role = _STYLE_ROLES[name]
                break
            m = _HEADING.match(name)
            if m:
                level = int(m.group(1))
                break
            if _LIST_STYLE.match(name):
                role = "list_item"
                break
        outline = ppr.find(_w("outlineLvl")) if ppr is not None else None
        if level is None and role == "body" and outline is not None:
            value = outline.get(_w("val"), "9")
            level = int(value) + 1 if value.isdigit() and int(value) < 9 else None  # 9: body text
        if role == "body" and level is None and ppr is not None and ppr.find(_w("numPr")) is not None:
            role = "list_item"
        if role == "headline":
            if self.headline_seen:
                return "subhead"
            self.headline_seen = True
            return role
        if level is not None:
            if not self.headline_seen:
                self.headline_seen = True
                return "headline"
            return "subhead"
        return role


# --------------------------------------------------------------------------- writing

_TAG = re.compile(r"<(/?)([A-Za-z][\w-]*)((?:\s+[\w:-]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)\s*(/?)>")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # outside XML 1.0's Char
_DATA = re.compile(r"""\bdata-([ro])\s*=\s*["'](\d+)["']""")


def _pieces(para: _Paragraph, fragment: str) -> list:
    """A translated fragment as ("t", group, text) and ("o", object) pieces: tags this reader
    made open and close groups and place objects; any other tag is kept as the text it is."""
    out, stack, placed = [], [], set()

    def text(t: str) -> None:
        if t:
            g = stack[-1][1] if stack else para.base
            out.append(("t", g, html.unescape(t)))

    cut = 0
    for m in _TAG.finditer(fragment):
        closing, name, attributes, empty = m.groups()
        data = _DATA.search(attributes or "")
        number = int(data.group(2)) - 1 if data else -1
        if closing:
            at = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] == name.lower()), None)
            if at is None:
                continue  # an end tag nothing opened: stays text
            text(fragment[cut:m.start()])
            del stack[at:]
        elif data and data.group(1) == "o" and 0 <= number < len(para.objects):
            text(fragment[cut:m.start()])
            if number not in placed:  # a tag an engine repeated is placed once
                placed.add(number)
                out.append(("o", number))
        elif data and data.group(1) == "r" and 0 <= number < len(para.keys) and not empty:
            text(fragment[cut:m.start()])
            stack.append((name.lower(), number))
        else:
            continue
        cut = m.end()
    text(fragment[cut:])
    out += [("o", j) for j in range(len(para.objects)) if j not in placed]  # lost tags: nothing lost
    return out


def _text_runs(para: _Paragraph, g: int, text: str) -> list:
    """Runs for ``text`` with group ``g``'s properties; a line break or tab in it becomes Word's."""
    p = para.element
    run = p.makeelement(_w("r"), {})
    if para.rprs[g] is not None:
        run.append(deepcopy(para.rprs[g]))
    text = _NOT_XML.sub("", text)  # a control character a reviewer typed: XML 1.0 cannot hold it
    for k, part in enumerate(re.split(r"(\r\n|\n|\r|\t)", text)):
        if k % 2:
            run.append(p.makeelement(_w("tab" if part == "\t" else "br"), {}))
        elif part:
            t = p.makeelement(_w("t"), {})
            t.text = part
            if part != part.strip():
                t.set(_XML_SPACE, "preserve")
            run.append(t)
    return [run]


def _rewrite(para: _Paragraph, fragment: str) -> None:
    """Put the translated fragment's runs into the paragraph, keeping its properties and marks."""
    p = para.element
    for child in list(p):
        if _local(child) != "pPr":
            p.remove(child)
    p.extend(para.starts)
    holder, holder_link = None, None
    for piece in _pieces(para, fragment):
        if piece[0] == "t":
            link, elements = para.keys[piece[1]][0], _text_runs(para, piece[1], piece[2])
        else:
            link, originals, run = para.objects[piece[1]]
            elements = [deepcopy(e) for e in originals]
            if run is not None:
                wrapper = p.makeelement(_w("r"), {})
                if run[1] is not None:
                    wrapper.append(deepcopy(run[1]))
                wrapper.extend(elements)
                elements = [wrapper]
        if link is None:
            holder, holder_link = p, None
        elif holder_link != link:
            original = para.links[link]
            holder, holder_link = p.makeelement(original.tag, dict(original.attrib)), link
            p.append(holder)
        holder.extend(elements)
    p.extend(para.ends)


def to_bytes(article) -> bytes:
    """The .docx with every block's text put in its paragraph; unchanged parts are copied as they
    were (an article whose text did not change gives its own bytes back)."""
    import zipfile

    from docx.opc.oxml import serialize_part_xml

    document = _open(article.package, article.source)
    walked = list(_walk(document))
    if len(walked) != len(article.blocks):
        raise ValueError("the blocks do not belong to this document")
    changed = {}
    # From the last paragraph back: a text box's paragraphs are rewritten before the paragraph
    # that holds the text box copies it.
    for ((name, root), para, _story), block in reversed(list(zip(walked, article.blocks))):
        fragment = block.lead + block.text + block.trail.removesuffix(PARAGRAPH_END)
        if para.why or fragment == para.fragment:
            continue
        _rewrite(para, fragment)
        _mirror_fallback(para.element)
        changed[name.lstrip("/").lower()] = root  # OPC part names ignore case (ECMA-376-2 9.1.1.1)
    if not changed:
        return article.package
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(article.package)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            root = changed.pop(info.filename.lower(), None)
            target.writestr(info, serialize_part_xml(root) if root is not None else source.read(info))
    if changed:
        raise ValueError(f"no ZIP entry for part {next(iter(changed))}")
    return out.getvalue()


def render(article) -> str:
    """The document's text, a block a line (a preview: the file itself is ``to_bytes``)."""
    from ..markup import strip_tags

    return "".join(strip_tags(b.lead + b.text + b.trail) for b in article.blocks)


def fit(text: str, role: str) -> str:
    """A translation as the fragment wants it: a bare ``&`` escaped, the reader's tags kept."""
    from .html import fit as fit_html

    return fit_html(text, role)
