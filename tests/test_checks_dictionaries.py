"""Names a translator rightly rendered, recognised from installed data rather than word lists: other
Apertium pairs' dictionaries (a third language, a larger analyser of the source language), titles
before a person's name, noun phrases and bracketed abbreviations."""
from conftest import require_apertium
from localize.checks import check_unit, installed_pairs, machine_translations, name_knowledge_for, phrase_openers, \
    pivot_renderings
from localize.memory import TranslationUnit

apertium = require_apertium("eng-spa")


def names_problem(source, target, known=frozenset()):
    """The names check's finding with what check_catalog prepares for an article (``known``: words
    the article uses as names elsewhere)."""
    pairs = installed_pairs()
    found = check_unit(TranslationUnit(source, target, references=["a:1.1"]), "en", "es",
                       names=name_knowledge_for("en", "es", [source], pairs), known_names=known,
                       translations=machine_translations("en", "es", [source], pairs),
                       openers=phrase_openers("es", [target], pairs),
                       source_openers=phrase_openers("en", [source], pairs))
    return {p.check: p.why for p in found}.get("names")


@require_apertium("eng-cat")
@require_apertium("cat-spa")
def test_a_third_languages_dictionaries_give_exonyms_the_direct_pair_lacks():
    found = pivot_renderings("en", "es", ["Beijing", "Bordeaux", "Zorblax"])
    assert "Pekín" in found["Beijing"]  # Beijing -> Pequín (Catalan) -> Pekín
    assert "Burdeos" in found["Bordeaux"]  # Bordeaux -> Bordeus -> Burdeos
    assert "Zorblax" not in found


@require_apertium("eng-cat")
@require_apertium("cat-spa")
@apertium
def test_a_city_called_by_its_spanish_exonym_is_kept_and_a_dropped_one_is_not():
    source = "The wine fair opens in Bordeaux next week."
    assert names_problem(source, "La feria del vino abre en Burdeos la semana que viene.") is None
    assert "Bordeaux" in names_problem(source, "La feria del vino abre la semana que viene.")


@require_apertium("eng-cat")
@apertium
def test_a_word_another_english_analyser_knows_as_common_is_not_a_name():
    # eng-spa's analyser does not know "sanitation"; eng-cat's reads it as a noun.
    assert names_problem("Crews from the Sanitation Department cleared the square.",
                         "Equipos del Departamento de Limpieza despejaron la plaza.") is None


@apertium
def test_a_title_before_a_first_name_and_surname_is_translated_not_dropped():
    assert names_problem("Critics say that Justice Elena Kagan has a conflict.",
                         "Los críticos dicen que la magistrada Elena Kagan tiene un conflicto.") is None


@apertium
def test_a_first_name_before_a_surname_alone_is_still_a_name():
    found = names_problem("It was the scandal of President Bill Clinton and his party.",
                          "Fue el escándalo del presidente Clinton y su partido.")
    assert found and "Bill" in found


@apertium
def test_a_capitalised_noun_after_an_article_and_a_modifier_is_an_institution_not_a_mangled_name():
    assert names_problem("Parliament will vote on the new Executive tomorrow.",
                         "El Parlamento votará mañana al nuevo Ejecutivo.") is None


@apertium
def test_a_name_given_by_its_bracketed_abbreviation_is_kept_and_a_dropped_one_is_not():
    source = "Police said that a worker of the Berlin Transport Authority (BVG) was attacked by a stranger."
    assert names_problem(source, "La policía dijo que una trabajadora de la BVG fue atacada por un desconocido.") is None
    assert "Berlin" in names_problem(source, "La policía dijo que una trabajadora fue atacada por un desconocido.")


@require_apertium("fra-cat")
@require_apertium("cat-spa")
@apertium
def test_a_word_of_a_french_name_translated_word_for_word_is_kept_and_a_dropped_one_is_not():
    source = "The final will be played at the Stade Municipal next Sunday."
    assert names_problem(source, "La final se jugará en el Estadio Municipal el próximo domingo.") is None
    assert "Stade" in names_problem(source, "La final se jugará el próximo domingo.")


@apertium
def test_a_name_of_several_words_with_an_honorific_put_between_is_kept():
    # "Queen Sofia" is one proper noun for the analyser, "Reina Sofía" in the dictionary.
    assert names_problem("Queen Sofia opened the congress in the morning.",
                         "La Reina Doña Sofía inauguró el congreso por la mañana.") is None


@apertium
def test_the_words_of_a_quoted_title_the_translator_translated_are_not_dropped_names():
    source = 'At the gala, Ella Martins sang "The Sun Will Shine Again" for the veterans.'
    assert names_problem(source, 'En la gala, Ella Martins cantó "El sol brillará de nuevo" para los veteranos.') is None
    # A title quoted in the source's words, with a word of it gone, is still looked at.
    found = names_problem('At the gala, Ella Martins sang "Grey Skies over Winchester" for the veterans.',
                          'En la gala, Ella Martins cantó "Grey Skies" para los veteranos.')
    assert found and "Winchester" in found


@require_apertium("eng-cat")
@require_apertium("cat-spa")
@apertium
def test_a_planet_rendered_by_its_name_in_the_dictionaries_is_not_a_mangled_name():
    # "Mercury": a common noun (the metal) and a name; Catalan's dictionaries give the planet
    # "Mercuri" -> "Mercurio".
    assert names_problem("The probe flew past Mercury and Saturn last year.",
                         "La sonda pasó junto a Mercurio y Saturno el año pasado.") is None


@require_apertium("eng-cat")
@require_apertium("cat-spa")
@apertium
def test_other_pairs_are_asked_only_about_names_a_translation_does_not_keep_as_written():
    source = "The delegation flew to Beijing on Monday."
    kept = name_knowledge_for("en", "es", [source], targets=["La delegación voló a Beijing el lunes."])
    rendered = name_knowledge_for("en", "es", [source], targets=["La delegación voló a Pekín el lunes."])
    assert "Pekín" not in kept.translations.get("Beijing", ())
    assert "Pekín" in rendered.translations["Beijing"]


@apertium
def test_a_name_mangled_just_after_a_quote_that_closes_inside_the_sentence_is_reported():
    found = names_problem('"I will call you back later," Jobs told the crowd.',
                          '"Te llamaré más tarde", dijo Trabajos a la multitud.')
    assert found and "Trabajos" in found


@apertium
def test_a_word_the_article_uses_as_a_name_is_a_mangled_name_even_after_a_preposition():
    source, target = "The success of Jobs surprised the board.", "El éxito de Trabajos sorprendió a la junta."
    assert "Trabajos" in names_problem(source, target, known=frozenset({"Jobs"}))
    # Alone, after a preposition, it reads as a translated institution ("of Chemistry").
    assert names_problem(source, target) is None


@apertium
def test_a_surname_after_an_initial_is_not_a_sentences_first_word():
    found = names_problem("The plan was backed by Senator Mary J. Holloway of Ohio.",
                          "El plan fue respaldado por la senadora Mary J. de Ohio.")
    assert found and "Holloway" in found


def test_a_short_headline_cut_in_half_is_truncated():
    found = check_unit(TranslationUnit("Floods close the northern roads", "Las inundaciones", references=["a:1.1"]),
                       "en", "es", enabled=frozenset({"truncated"}))
    assert [p.check for p in found] == ["truncated"]


def test_a_short_source_rendered_at_length_is_not_a_length_warning():
    found = check_unit(TranslationUnit("Costs will run into millions.",
                                       "Los costes ascenderán a varios millones de euros según los cálculos oficiales.",
                                       references=["a:1.1"]), "en", "es", enabled=frozenset({"length"}))
    assert found == []
