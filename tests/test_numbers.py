"""Figures written in words, fractions and counted units: a correct rendering passes, a changed figure
or a thousandfold scale error is still named (localize.numbers)."""
import pytest

from localize.numbers import cardinals, compare_figures, number_words


def values(text, lang):
    return [sorted(f.values) for f in number_words(text, lang)]


@pytest.mark.parametrize("text, lang, value", [
    ("veintitrés", "es", 23), ("cuarenta y dos", "es", 42), ("doscientas", "es", 200),
    ("ciento cinco", "es", 105), ("veintiún", "es", 21), ("twenty-one", "en", 21),
    ("three hundred and five", "en", 305), ("ninety nine", "en", 99)])
def test_cardinals_follow_the_grammar_of_number_names(text, lang, value):
    assert cardinals(lang)[text] == value


def test_a_compound_cardinal_in_words_renders_a_figure():
    assert compare_figures("Some 23 people were hurt.", "Unas veintitrés personas resultaron heridas.",
                           "en", "es") == []


def test_a_compound_cardinal_in_words_that_is_another_figure_is_named():
    assert compare_figures("Some 23 people were hurt.", "Unas veinticuatro personas resultaron heridas.",
                           "en", "es") == ["“23” is missing or changed"]


def test_an_amount_the_source_writes_in_words_is_compared():
    assert compare_figures("Revenue doubled to nine million dollars.",
                           "La facturación se duplicó hasta 9 millones de dólares.", "en", "es") == []
    assert compare_figures("Revenue doubled to nine million dollars.",
                           "La facturación se duplicó hasta 9 mil millones de dólares.", "en", "es") == [
        "“nine million” became “9 mil millones” (1,000 times larger)"]


def test_thousand_million_in_words_is_a_thousand_million():
    source = "We would pay three thousand million euros more."
    assert compare_figures(source, "Pagaríamos 3.000 millones de euros más.", "en", "es") == []
    assert compare_figures(source, "Pagaríamos 3.000 mil millones de euros más.", "en", "es") == [
        "“three thousand million” became “3.000 mil millones” (1,000 times larger)"]


def test_a_small_cardinal_in_source_words_may_be_reworded():
    assert compare_figures("Cooperation between the two countries grew.",
                           "La cooperación entre ambos países creció.", "en", "es") == []


def test_the_indefinite_article_before_a_figure_is_not_the_number_one():
    assert compare_figures("This variable climbed 1%.", "Esta variable subió un 3%.", "en", "es") == [
        "“1” is missing or changed"]
    assert compare_figures("Ireland managed an easy 1: 1.", "Irlanda consiguió un flojo 3-1.", "en", "es") == [
        "“1” is missing or changed"]


def test_the_number_one_before_a_noun_may_be_written_un():
    assert compare_figures("The term lasts 1 year.", "El mandato dura un año.", "en", "es") == []


def test_a_mixed_fraction_is_rendered_with_y_media():
    source = "A landmark 5 1 / 2-hour argument is expected."
    assert compare_figures(source, "Se espera un alegato histórico de 5 horas y media.", "en", "es") == []
    assert compare_figures("A 5 1/2-hour argument.", "Un alegato de 5 horas y media.", "en", "es") == []
    assert compare_figures(source, "Se espera un alegato histórico de 6 horas y media.", "en", "es") == [
        "“5 1 / 2” is missing or changed"]


def test_a_number_of_years_may_be_counted_in_decades():
    assert compare_figures("He worked for 30 years in a nuclear centre.",
                           "Trabajó durante tres decenios en un centro nuclear.", "en", "es") == []


def test_decades_do_not_stand_for_a_figure_that_is_no_number_of_years():
    assert compare_figures("Two decades of work, and on Sunday 20th a concert.",
                           "Dos décadas de trabajo, y el domingo 22 un concierto.", "en", "es") == [
        "“20” is missing or changed"]


def test_a_collective_numeral_renders_its_figure():
    assert compare_figures("Some 40 civilians were killed.", "Murieron una cuarentena de civiles.",
                           "en", "es") == []
    assert values("cientos de personas y centenares de casas", "es") == [[100.0]]


def test_a_wrong_figure_and_a_thousandfold_error_are_still_named():
    assert compare_figures("Sales rose by 25% to 12.7 million units.",
                           "Las ventas subieron un 26%, hasta 12,7 millones de unidades.", "en", "es") == [
        "“25” is missing or changed"]
    assert compare_figures("The order is worth $18 billion.", "El pedido vale 18 millones de dólares.",
                           "en", "es") == ["“18 billion” became “18 millones” (1,000 times smaller)"]


def test_digits_of_a_product_code_are_not_rendered_by_a_number_word():
    assert compare_figures("The console Nintendo 3DS plays in three dimensions.",
                           "La consola Nintendo 4DS juega en tres dimensiones.", "en", "es") == [
        "“3” is missing or changed"]


def test_an_ordinal_ending_is_no_product_code():
    assert compare_figures("The winner of the 3rd round.", "El ganador de la tercera ronda.", "en", "es") == []


def test_an_amount_in_words_is_not_matched_by_its_bare_number():
    # "nine million" -> "9" is a millionfold error, not a match on the 9.
    assert compare_figures("nine million people", "9 personas", "en", "es")
    assert compare_figures("three thousand million", "tres millones", "en", "es")
    assert compare_figures("nine million people", "nueve millones de personas", "en", "es") == []


@pytest.mark.parametrize("source,target", [
    ("31 women", "treinta y una mujeres"),
    ("101 days", "ciento un días"),
    ("201 women", "doscientas una mujeres"),
    ("21 days", "veintiún días"),
])
def test_spanish_cardinals_ending_in_one_agree_with_their_noun(source, target):
    assert compare_figures(source, target, "en", "es") == []


def test_a_half_added_by_the_translation_is_a_changed_figure():
    assert compare_figures("2 years", "2 años y medio", "en", "es")
    assert compare_figures("5 and a half hours", "5 horas y media", "en", "es") == []
