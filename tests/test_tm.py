"""A newsroom's TMX as a memory source for `translate`: exact and close matches, named provenance."""
import shutil

import polib
from lxml import etree
from typer.testing import CliRunner

from conftest import SEED, require_apertium
from localize.articles import read_article
from localize.cli import app
from localize.exchange.tmx import read_tmx_pairs
from localize.translate import article_segments

runner = CliRunner()
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
FILLER_UNITS = 3000  # a TM of the size a newsroom keeps, so lookups are tested at scale


def write_tmx(path, pairs, srclang="en"):
    root = etree.Element("tmx", version="1.4")
    etree.SubElement(root, "header", srclang=srclang, segtype="sentence", datatype="plaintext",
                     adminlang="en", creationtool="test", creationtoolversion="1").set("o-tmf", "test")
    body = etree.SubElement(root, "body")
    for pair in pairs:
        tu = etree.SubElement(body, "tu")
        for lang, text in pair:
            tuv = etree.SubElement(tu, "tuv")
            tuv.set(XML_LANG, lang)
            etree.SubElement(tuv, "seg").text = text
    etree.ElementTree(root).write(str(path), xml_declaration=True, encoding="UTF-8")


def filler(n):
    # Generated sentences, unlike the article's, as the bulk of a real TM would be.
    return [[("en", f"Filler report number {i} about the weather in district {i % 97}."),
             ("es", f"Informe de relleno número {i} sobre el tiempo en el distrito {i % 97}.")] for i in range(n)]


@require_apertium("eng-spa")
def test_exact_and_close_tm_matches_fill_entries_for_review_naming_the_tm(tmp_path):
    article = tmp_path / SEED.name
    shutil.copy(SEED, article)
    sentences = [s.source for s in article_segments(read_article(article), "en")]
    exact, close = sentences[3], sentences[5]
    near = close[:-1] + " now."  # one word more: a close match, not an exact one
    write_tmx(tmp_path / "newsroom.tmx", filler(FILLER_UNITS) + [
        [("en-GB", exact), ("es-ES", "TRADUCCIÓN EXACTA DE LA MEMORIA")],
        [("en", near), ("es", "TRADUCCIÓN PARECIDA DE LA MEMORIA")]])
    result = runner.invoke(app, ["translate", str(article), "--to", "es", "--tm", "newsroom.tmx"])
    assert result.exit_code == 0, result.output
    po = {e.msgid: e for e in polib.pofile("locales/es/LC_MESSAGES/trump-japan-rare-earths.po")}
    hit = po[exact]
    assert hit.msgstr == "TRADUCCIÓN EXACTA DE LA MEMORIA" and "fuzzy" in hit.flags  # offered, not approved
    assert "origin: tm" in hit.comment and "100% match in newsroom.tmx" in hit.comment
    fuzzy = po[close]
    assert fuzzy.msgstr == "TRADUCCIÓN PARECIDA DE LA MEMORIA" and "fuzzy" in fuzzy.flags
    assert "match in newsroom.tmx" in fuzzy.comment and fuzzy.previous_msgid == near
    others = [e for k, e in po.items() if k not in (exact, close)]
    assert others and all("origin: machine\n" in e.comment + "\n" for e in others)


def test_a_variant_takes_only_its_own_variant_from_the_tm(tmp_path):
    write_tmx(tmp_path / "tm.tmx", [[("es", "Tienen que salir."), ("ca", "Han de sortir."),
                                     ("ca-valencia", "Han d'eixir.")],
                                    [("es", "Buenos días."), ("ca-ES", "Bon dia.")]], srclang="es")
    assert [(p.source, p.target) for p in read_tmx_pairs(tmp_path / "tm.tmx", "es", "ca@valencia")] == \
        [("Tienen que salir.", "Han d'eixir.")]
    assert [(p.source, p.target) for p in read_tmx_pairs(tmp_path / "tm.tmx", "es", "ca")] == \
        [("Tienen que salir.", "Han de sortir."), ("Buenos días.", "Bon dia.")]


def test_a_broken_tm_is_one_line(tmp_path):
    (tmp_path / "a.en.txt").write_text("The council met on Tuesday.\n", encoding="utf-8")
    (tmp_path / "bad.tmx").write_text("<tmx><body><tu>", encoding="utf-8")
    result = runner.invoke(app, ["translate", "a.en.txt", "--to", "es", "--tm", "bad.tmx"])
    assert result.exit_code == 3 and "not a well-formed TMX file" in result.output
