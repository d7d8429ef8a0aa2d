"""DOCX articles: paragraphs read as blocks, run formatting carried as inline tags, translations
written back into the same package with every style, section, picture and untouched paragraph kept."""
import io
import re
import struct
import subprocess
import sys
import zipfile
import zlib

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Inches
from hypothesis import given, settings, strategies as st
from typer.testing import CliRunner

from conftest import require_apertium
from localize import read_article
from localize.articles import find_articles
from localize.cli import app


runner = CliRunner()
W = nsdecls("w", "r")


def _png() -> bytes:
    """A one-pixel PNG (the format's own chunk layout), so a picture is a real part of the package."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


def _append(document, xml: str) -> None:
    body = document.element.body
    body.insert(len(body) - 1, parse_xml(xml))  # before the section properties


def make_story(path):
    """A short news story as a word processor saves it: styles, a table, a header, a picture."""
    d = docx.Document()
    d.add_heading("Dock workers strike over new shift rules", 0)
    d.add_paragraph("By Ann Example")
    p = d.add_paragraph("The ")
    p.add_run("government").bold = True
    p.add_run(" announced new rules on Monday.")
    d.add_heading("Talks", 1)
    p = d.add_paragraph("The minister ")
    p.add_run().add_picture(io.BytesIO(_png()), width=Inches(0.5))
    p.add_run(" visited the port.")
    rid = d.part.relate_to("https://example.org/union", RT.HYPERLINK, is_external=True)
    _append(d, f'<w:p {W}><w:r><w:t xml:space="preserve">Read the </w:t></w:r><w:hyperlink r:id="{rid}">'
               f'<w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>union statement</w:t></w:r>'
               f'</w:hyperlink><w:r><w:t xml:space="preserve"> online.</w:t></w:r></w:p>')
    d.add_table(rows=1, cols=1).cell(0, 0).text = "The ship is in the port."
    d.add_paragraph("")
    d.sections[0].header.paragraphs[0].text = "The weekly newspaper"
    d.save(path)
    return path


def paragraphs(path):
    """(text, bold?) of every run of every body paragraph, as python-docx reads the file."""
    d = docx.Document(str(path))
    return [[(r.text, bool(r.bold)) for r in p.runs] for p in d.paragraphs]


def part(path, name) -> bytes:
    with zipfile.ZipFile(path) as z:
        return z.read(name)


def test_paragraphs_are_blocks_with_roles_from_their_styles(tmp_path):
    article = read_article(make_story(tmp_path / "story.en.docx"))
    assert article.format == "docx"
    roles = [(b.role, b.text) for b in article.blocks]
    assert roles == [
        ("headline", "Dock workers strike over new shift rules"),
        ("byline", "By Ann Example"),  # an unstyled paragraph's role comes from layout, as in text
        ("body", 'The <b data-r="2">government</b> announced new rules on Monday.'),
        ("subhead", "Talks"),
        ("body", 'The minister <img data-o="1"/> visited the port.'),
        ("body", 'Read the <a data-r="2">union statement</a> online.'),
        ("body", "The ship is in the port."),  # a table cell
        ("body", "The weekly newspaper"),  # the header, after the body
    ]  # the empty paragraph is no block


def test_without_a_title_the_first_heading_is_the_headline_and_styles_give_the_other_roles(tmp_path):
    d = docx.Document()
    d.add_heading("Port reopens after strike", 1)
    d.add_paragraph("Ships are back at the terminal", style="Subtitle")
    d.add_paragraph("Work resumed at dawn after three days of talks between both sides.")
    d.add_paragraph("Night shifts return next week.", style="List Bullet")
    d.add_paragraph("We are glad it is over.", style="Quote")
    d.add_paragraph("Cranes at the terminal on Friday.", style="Caption")
    d.add_heading("What comes next", 2)
    d.save(tmp_path / "s.docx")
    roles = [b.role for b in read_article(tmp_path / "s.docx").blocks]
    assert roles == ["headline", "standfirst", "body", "list_item", "quote", "caption", "subhead"]


def test_without_styles_roles_come_from_layout_as_in_plain_text(tmp_path):
    d = docx.Document()
    for line in ("Port reopens after three-day strike", "By Ann Example", "12 March 2024",
                 "Work resumed at dawn on Friday after three days of talks between the union and the port."):
        d.add_paragraph(line)
    d.save(tmp_path / "s.docx")
    roles = [b.role for b in read_article(tmp_path / "s.docx").blocks]
    assert roles == ["headline", "byline", "date", "body"]


def test_an_unchanged_article_writes_its_own_bytes(tmp_path):
    path = make_story(tmp_path / "story.en.docx")
    assert read_article(path).to_bytes() == path.read_bytes()


def test_a_translation_gets_each_span_its_runs_properties_and_keeps_the_rest(tmp_path):
    path = make_story(tmp_path / "story.en.docx")
    article = read_article(path)
    texts = [b.text for b in article.blocks]
    texts[2] = 'El <b data-r="2">Gobierno</b> anunció &amp; nuevas reglas el lunes.'
    texts[4] = 'El ministro visitó <img data-o="1"/> el puerto.'  # the picture moved with the words
    texts[5] = 'Lea la <a data-r="2">declaración del sindicato</a> en línea.'
    texts[6] = "El barco está en el puerto."
    texts[7] = "El semanario"
    out = tmp_path / "story.es.docx"
    out.write_bytes(article.with_texts(texts).to_bytes())

    before, after = paragraphs(path), paragraphs(out)
    assert len(after) == len(before)
    assert after[2] == [("El ", False), ("Gobierno", True), (" anunció & nuevas reglas el lunes.", False)]
    assert after[0] == before[0] and after[1] == before[1]  # untouched paragraphs
    d = docx.Document(str(out))
    assert [p.style.name for p in d.paragraphs] == [p.style.name for p in docx.Document(str(path)).paragraphs]
    assert d.tables[0].cell(0, 0).text == "El barco está en el puerto."
    assert d.sections[0].header.paragraphs[0].text == "El semanario"
    picture = d.paragraphs[4]._p
    assert [r.text for r in d.paragraphs[4].runs] == ["El ministro visitó ", "", " el puerto."]
    assert len(picture.xpath(".//w:drawing")) == 1
    link = d.paragraphs[5]._p.xpath("./w:hyperlink")
    assert len(link) == 1 and link[0].xpath("string(.)") == "declaración del sindicato"
    assert link[0].xpath("./w:r/w:rPr/w:rStyle/@w:val") == ["Hyperlink"]
    for name in ("word/styles.xml", "word/media/image1.png", "word/_rels/document.xml.rels", "[Content_Types].xml"):
        assert part(out, name) == part(path, name)
    assert part(out, "word/document.xml").split(b"<w:sectPr")[1] == part(path, "word/document.xml").split(b"<w:sectPr")[1]


def test_a_picture_whose_tag_got_lost_stays_in_its_paragraph(tmp_path):
    path = make_story(tmp_path / "story.en.docx")
    article = read_article(path)
    texts = [b.text for b in article.blocks]
    texts[4] = "El ministro visitó el puerto."  # an engine that drops tags
    out = tmp_path / "out.docx"
    out.write_bytes(article.with_texts(texts).to_bytes())
    p = docx.Document(str(out)).paragraphs[4]
    assert p.text == "El ministro visitó el puerto." and len(p._p.xpath(".//w:drawing")) == 1


def test_tracked_changes_keep_their_paragraph_as_it_is_and_say_so(tmp_path):
    d = docx.Document()
    d.add_paragraph("The talks went on all night.")
    _append(d, f'<w:p {W}><w:r><w:t xml:space="preserve">The talks </w:t></w:r><w:ins w:id="1" w:author="A">'
               f'<w:r><w:t xml:space="preserve">finally </w:t></w:r></w:ins><w:r><w:t>ended.</w:t></w:r></w:p>')
    d.save(tmp_path / "t.docx")
    article = read_article(tmp_path / "t.docx")
    assert [(b.role, b.translatable) for b in article.blocks] == [("body", True), ("kept", False)]
    assert article.blocks[1].text == "The talks finally ended."
    assert any("paragraph 2" in n and "tracked changes" in n for n in article.notes)
    out = article.with_texts(["Las charlas siguieron.", "Cualquier cosa."]).to_bytes()
    assert part(io.BytesIO(out), "word/document.xml").count(b"<w:ins ") == 1
    assert [p.text for p in docx.Document(io.BytesIO(out)).paragraphs] == ["Las charlas siguieron.", "The talks ended."]


def test_a_field_is_one_object_and_comes_back_whole(tmp_path):
    d = docx.Document()
    _append(d, f'<w:p {W}><w:r><w:t xml:space="preserve">Page </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/>'
               f'</w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r>'
               f'<w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r>'
               f'<w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> of the report.</w:t></w:r></w:p>')
    d.save(tmp_path / "f.docx")
    article = read_article(tmp_path / "f.docx")
    assert article.blocks[0].text == 'Page <span data-o="1"/> of the report.'
    out = article.with_texts(['Página <span data-o="1"/> del informe.']).to_bytes()
    p = docx.Document(io.BytesIO(out)).paragraphs[0]._p
    assert p.xpath("string(.)") == "Página  PAGE 1 del informe."  # instruction and result kept
    assert p.xpath(".//w:fldChar/@w:fldCharType") == ["begin", "separate", "end"]


_FOOTNOTES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              f'<w:footnotes {W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
              '</w:footnote><w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r>'
              '<w:t xml:space="preserve"> Figures from the port authority.</w:t></w:r></w:p></w:footnote></w:footnotes>')


def add_footnote(path):
    """A footnote as Word stores it: a footnotes part, its relationship and content type, and a
    reference mark in the body (python-docx writes no footnotes itself)."""
    d = docx.Document()
    _append(d, f'<w:p {W}><w:r><w:t>Traffic fell by half.</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/>'
               f'</w:rPr><w:footnoteReference w:id="1"/></w:r></w:p>')
    source = io.BytesIO()
    d.save(source)
    with zipfile.ZipFile(source) as z, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in z.infolist():
            data = z.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                                    b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>')
            elif info.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdNotes" Type="http://schemas.openxml'
                                    b'formats.org/officeDocument/2006/relationships/footnotes" '
                                    b'Target="footnotes.xml"/></Relationships>')
            out.writestr(info, data)
        out.writestr("word/footnotes.xml", _FOOTNOTES)
    return path


def test_footnotes_are_blocks_and_their_marks_stay_in_place(tmp_path):
    path = add_footnote(tmp_path / "n.docx")
    article = read_article(path)
    assert [b.text for b in article.blocks] == ['Traffic fell by half.<sup data-o="1"/>',
                                                '<sup data-o="1"/> Figures from the port authority.']
    out = article.with_texts(['El tráfico cayó a la mitad.<sup data-o="1"/>',
                              '<sup data-o="1"/> Cifras de la autoridad portuaria.']).to_bytes()
    assert docx.Document(io.BytesIO(out)).paragraphs[0].text == "El tráfico cayó a la mitad."
    body, notes = part(io.BytesIO(out), "word/document.xml"), part(io.BytesIO(out), "word/footnotes.xml")
    assert b'<w:footnoteReference w:id="1"/>' in body and b"<w:footnoteRef/>" in notes
    assert b"Cifras de la autoridad portuaria." in notes and b"<w:separator/>" in notes


def test_a_text_box_is_a_block_and_both_its_copies_get_the_translation(tmp_path):
    box = '<w:txbxContent><w:p><w:r><w:t>Talks resume on Monday.</w:t></w:r></w:p></w:txbxContent>'
    d = docx.Document()
    namespaces = (f'{nsdecls("w")} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
                  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
                  'xmlns:v="urn:schemas-microsoft-com:vml"')
    _append(d, f'<w:p {namespaces}><w:r><w:t xml:space="preserve">The port reopened. </w:t></w:r>'
               f'<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>{box}</wps:txbx></w:drawing>'
               f'</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict>'
               f'</mc:Fallback></mc:AlternateContent></w:r></w:p>')
    d.save(tmp_path / "b.docx")
    article = read_article(tmp_path / "b.docx")
    assert [b.text for b in article.blocks] == ['The port reopened. <img data-o="1"/>', "Talks resume on Monday."]
    out = article.with_texts(['El puerto reabrió. <img data-o="1"/>', "Las negociaciones se reanudan el lunes."])
    xml = part(io.BytesIO(out.to_bytes()), "word/document.xml").decode()
    assert xml.count("Las negociaciones se reanudan el lunes.") == 2 and "Talks" not in xml
    assert "El puerto reabrió." in xml and xml.count("<mc:AlternateContent>") == 1


@pytest.mark.parametrize("content, words", [
    (b"just some text, saved with the wrong name", "not a ZIP package"),
    (None, "damaged"),  # a .docx cut short in transfer
    (b"", "not a ZIP package"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "Word 97-2003"),  # an old .doc renamed
])
def test_bad_docx_is_one_line_and_exit_3(tmp_path, content, words):
    path = tmp_path / "bad.en.docx"
    path.write_bytes(content if content is not None else make_story(tmp_path / "s.docx").read_bytes()[:3000])
    result = runner.invoke(app, ["translate", str(path), "--to", "es"])
    assert result.exit_code == 3, result.output
    lines = [line for line in result.stderr.splitlines() if line]
    assert len(lines) == 1 and words in lines[0] and "Traceback" not in result.output


def test_a_zip_that_is_no_word_document_is_refused(tmp_path):
    with zipfile.ZipFile(tmp_path / "a.docx", "w") as z:
        z.writestr("notes.txt", "hello")
    result = runner.invoke(app, ["detect", str(tmp_path / "a.docx")])
    assert result.exit_code == 3 and "not a Word document" in result.stderr


def test_folders_hold_docx_articles_but_not_words_lock_files(tmp_path):
    make_story(tmp_path / "story.en.docx")
    (tmp_path / "~$story.en.docx").write_bytes(b"\x0bAnn Example")
    paths, problems = find_articles([str(tmp_path)])
    assert [p.rsplit("/", 1)[-1] for p in paths] == ["story.en.docx"] and not problems


def test_reading_docx_is_what_loads_python_docx():
    code = ("import sys, localize.cli, localize.formats; localize.cli.app; "
            "print('docx' in sys.modules, 'lxml' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


_RUNS = st.lists(st.tuples(st.text(alphabet="xy &<>é.", min_size=1, max_size=6), st.booleans(), st.booleans()),
                 min_size=1, max_size=8)


@settings(max_examples=40, deadline=None)
@given(_RUNS)
def test_every_character_keeps_its_formatting_through_a_rewrite(runs):
    """Whatever the runs, a translation that changes the letters but not the tags gives every
    character the bold and italic it had."""
    d = docx.Document()
    p = d.add_paragraph()
    for text, bold, italic in runs:
        run = p.add_run(text)
        run.bold, run.italic = bold or None, italic or None
    source = io.BytesIO()
    d.save(source)
    if not "".join(t for t, _, _ in runs).strip():
        return
    article = read_article("runs.docx", data=source.getvalue())
    assert article.to_bytes() == source.getvalue()
    swapped = [re.sub(r"(^|>)([^<]*)", lambda m: m.group(1) + m.group(2).replace("x", "z"), b.text)
               for b in article.blocks]
    out = docx.Document(io.BytesIO(article.with_texts(swapped).to_bytes())).paragraphs[0]
    formatted = [(c, bool(r.bold), bool(r.italic)) for r in out.runs for c in r.text]
    expected = [(c.replace("x", "z"), bold, italic) for t, bold, italic in runs for c in t]
    assert [c for c, _, _ in formatted] == [c for c, _, _ in expected]
    assert [f for f, e in zip(formatted, expected) if e[0].strip()] == [e for e in expected if e[0].strip()]


def test_an_untranslated_build_gives_the_same_text(tmp_path):
    from localize.build import build_article
    from localize.memory import Catalog

    path = make_story(tmp_path / "story.en.docx")
    article = read_article(path)
    built, summary = build_article(article, Catalog(article.id, "en", "es"))
    assert summary.untranslated > 0 and built.to_bytes() == path.read_bytes()


@require_apertium("eng-spa")
def test_translate_and_build_a_docx_with_apertium(tmp_path):
    path = make_story(tmp_path / "story.en.docx")
    result = runner.invoke(app, ["translate", str(path), "--to", "es"])
    assert result.exit_code == 0, result.output
    po = (tmp_path / "locales" / "es" / "LC_MESSAGES" / "story.po").read_text(encoding="utf-8")
    assert "story.en.docx:3\n" in po  # references name paragraphs: the bold one is the third
    result = runner.invoke(app, ["build", str(path), "--to", "es", "--out-dir", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    built = tmp_path / "out" / "es" / "story.es.docx"
    before, after = paragraphs(path), paragraphs(built)
    assert len(after) == len(before)
    assert [text for text, bold in after[2] if bold] == ["gobierno"]  # bold stays on its word
    assert "".join(text for text, _ in after[2]).startswith("El gobierno anunció")
    assert after[1] == before[1]  # the byline is kept
    d = docx.Document(str(built))
    assert d.paragraphs[0].style.name == "Title" and "Dock" not in d.paragraphs[0].text
    assert d.tables[0].cell(0, 0).text != "The ship is in the port."
    assert len(d.paragraphs[4]._p.xpath(".//w:drawing")) == 1
    assert part(built, "word/media/image1.png") == part(path, "word/media/image1.png")
