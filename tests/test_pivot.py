"""Names and unknown words from Romance sources through Apertium, on a direct pair (Catalan to
Spanish) and through a pivot (French to Catalan to Spanish).

Sentences are written for these tests; the figures come from benchmarks/mixed_bench.py."""
import subprocess
from dataclasses import replace

import pytest

from conftest import require_apertium

needs_cat_spa = require_apertium("cat-spa")
needs_fra_cat = require_apertium("fra-cat")


@pytest.fixture
def translate(tmp_path):
    from localize.engines import find_route, translate_route
    from localize.settings import Settings

    settings = Settings(data_dir=tmp_path / "data")

    def run(source, sentence, protect=True):
        route = find_route(source, "es", settings, "apertium")
        [out] = translate_route(route, [sentence], replace(settings, protect_names=protect))
        return out

    return run


def apertium_chain(sentence, *modes):
    """Apertium's own pairs chained end to end, as a person would run them."""
    for mode in modes:
        sentence = subprocess.run(["apertium", "-u", mode], input=sentence, capture_output=True,
                                  text=True, check=True).stdout.strip()
    return sentence


@needs_cat_spa
def test_an_unknown_place_keeps_the_article_before_it(translate):
    # A first name as stand-in took a Catalan personal article, which Spanish drops ("de Kivu").
    assert "del Kivu" in translate("ca", "El conflicte del Kivu continua.").text


@needs_cat_spa
def test_a_catalan_auxiliary_after_a_name_is_no_name_particle(translate):
    # "van" is a particle in "Vincent van Gogh", but the Catalan past auxiliary after a name.
    out = translate("ca", "Els jugadors dels Springboks van guanyar el partit.").text
    assert "de los Springboks ganaron" in out


@needs_cat_spa
def test_an_article_elided_onto_a_capitalised_word_is_translated_with_it(translate):
    out = translate("ca", "L'australià Mitchell Gourley va acabar onzè.").text
    assert out.startswith("El australiano Mitchell Gourley")


@needs_cat_spa
def test_a_place_before_a_persons_name_is_translated(translate):
    out = translate("ca", "El governador de Califòrnia Arnold Schwarzenegger va firmar una llei.").text
    assert "de California Arnold Schwarzenegger" in out


@needs_cat_spa
def test_an_unknown_word_before_an_article_leaves_the_article_an_article(translate):
    # After a person's name the tagger read "el" as a clitic pronoun ("lo mes pasado").
    assert "el mes pasado" in translate("ca", "Ho va dir a Viquinotícies el mes passat.").text


@needs_fra_cat
@needs_cat_spa
def test_names_the_dictionary_translates_are_translated_through_the_pivot(translate):
    # Paris: a city (París) and a first name (Paris) in the dictionary; "Caroline du Nord" one name
    # the French analyser knows; in Catalan, "Carolina del Nord" a place, not a family name "del Nord".
    out = translate("fr", "Elle a vécu à Paris, puis en Caroline du Nord.").text
    assert "París" in out and "Carolina del Norte" in out
    assert "Paris" not in out and "Caroline" not in out and "Nord" not in out


@needs_cat_spa
def test_a_point_of_the_compass_after_a_particle_makes_a_place_not_a_family_name(translate):
    out = translate("ca", "Va viure a Carolina del Sud i parla de Corea del Nord de nou.").text
    assert "Carolina del Sur" in out and "Corea del Norte" in out


@needs_fra_cat
@needs_cat_spa
def test_the_pivots_first_hop_elides_before_an_unknown_word_as_apertium_does(translate):
    # Marked "*Oyapock", the first hop's article was left unelided ("el *Oyapock") and the second
    # hop read the bare "el" in another way than Apertium's own chain does.
    sentence = "Il surplombe le fleuve pour relier les villes de l'Oyapock au nord."
    out = translate("fr", sentence, protect=False)
    assert out.text == apertium_chain(sentence, "fra-cat", "cat-spa")
    assert "Oyapock" in out.unknown_words  # still reported, from the first hop's analyser


@needs_fra_cat
def test_the_pivots_first_hop_writes_what_the_pair_writes_end_to_end(tmp_path):
    from localize.engines import find_route, get_engine
    from localize.settings import Settings

    settings = Settings(data_dir=tmp_path / "data", protect_names=False)
    hop = find_route("fr", "es", settings, "apertium").hops[0]
    sentence = "Le pont sur l'Oyapock est long."
    [out] = get_engine("apertium", settings).translate([sentence], hop, intermediate=True)
    assert out.text == apertium_chain(sentence, "fra-cat")  # "sobre l'Oyapock", not "el *Oyapock"
    assert out.unknown_words == ["Oyapock"]


@needs_cat_spa
def test_english_capitalisation_rules_are_not_applied_to_catalan(translate):
    # Song titles capitalised in Catalan are translated as Apertium's own route does.
    out = translate("ca", "El grup va tocar les cançons Tres Dies i Sempre Més davant del públic.").text
    assert "Tres Días" in out
