"""Segmentation: news sentences, exact gaps."""
import pytest
from hypothesis import given, strategies as st

from localize.segment import split_sentences

CASES = [
    ("en", 'He said "It is over." Then he left.', ['He said "It is over."', "Then he left."]),
    ("en", "Ms. Smith arrived. Mr. Jones left at 4 a.m. on Friday.", ["Ms. Smith arrived.", "Mr. Jones left at 4 a.m. on Friday."]),
    ("en", "The U.S. economy grew 2.5% to $490 billion. Analysts were surprised.",
     ["The U.S. economy grew 2.5% to $490 billion.", "Analysts were surprised."]),
    ("en", "J. R. R. Tolkien wrote it... He was British.", ["J. R. R. Tolkien wrote it...", "He was British."]),
    ("es", "El Sr. García llegó a las 10 a.m. del lunes. «Es el fin.» Luego se fue.",
     ["El Sr. García llegó a las 10 a.m. del lunes.", "«Es el fin.»", "Luego se fue."]),
    ("es", "Los EE. UU. y Japón firmaron el 28/10/2025. ¿Habrá más?", ["Los EE. UU. y Japón firmaron el 28/10/2025.", "¿Habrá más?"]),
    ("ca", "Va dir: «Ho farem.» Després va marxar. El Dr. Puig hi era.", ["Va dir: «Ho farem.»", "Després va marxar.", "El Dr. Puig hi era."]),
    ("fr", "« Nous voulons agir. » M. Durand l'a dit. La Dr. Moreau aussi.", ["« Nous voulons agir. »", "M. Durand l'a dit.", "La Dr. Moreau aussi."]),
    ("de", "„Die Lage bleibt schwierig.\" Dr. Axel Mattern sagte das am 02.08.2024. Gut.",
     ["„Die Lage bleibt schwierig.\"", "Dr. Axel Mattern sagte das am 02.08.2024.", "Gut."]),
    ("pt", "O Dr. Ferreira pediu 19% da receita. A medida foi aprovada.", ["O Dr. Ferreira pediu 19% da receita.", "A medida foi aprovada."]),
    ("it", "Il sig. Rossi è arrivato. Poi è partito.", ["Il sig. Rossi è arrivato.", "Poi è partito."]),
]


@pytest.mark.parametrize("lang,text,expected", CASES)
def test_news_sentences(lang, text, expected):
    assert [s.text for s in split_sentences(text, lang)] == expected


@given(st.lists(st.sampled_from(["Ms. Smith came.", " ", "  ", "\n", '"Yes."', "It rose 2.5%.", "EE. UU.", "a.m.", "Why?", "x"]), max_size=12))
def test_gaps_rebuild_the_block_exactly(parts):
    text = "".join(parts)
    assert "".join(s.text + s.gap for s in split_sentences(text, "en")) == text


@pytest.mark.parametrize("lang,text,expected", [
    # an opening quote belongs to the sentence it opens
    ("en", 'The mayor spoke first, he said. "We will rebuild the bridge." The council agreed.',
     ["The mayor spoke first, he said.", '"We will rebuild the bridge."', "The council agreed."]),
    # no split between a closing quote and its attribution
    ("en", "'Bring more water!'\" the captain added. Then the crew ran.",
     ["'Bring more water!'\" the captain added.", "Then the crew ran."]),
    # abbreviations are per language and case-sensitive: Spanish "no." is the word "no"
    ("es", "Ella dijo que no. Luego se fue.", ["Ella dijo que no.", "Luego se fue."]),
    ("en", "He lives at No. 10 with Sen. Ortiz. They met.", ["He lives at No. 10 with Sen. Ortiz.", "They met."]),
    # several sentences inside one quotation are still several sentences
    ("en", '"The flood came at night. Nobody was ready." She left.',
     ['"The flood came at night.', 'Nobody was ready."', "She left."]),
    # a lower-case word after "a.m." continues the sentence
    ("en", "We came back at 9 a.m. on the dot. It rained.", ["We came back at 9 a.m. on the dot.", "It rained."]),
])
def test_quotes_attributions_and_abbreviations(lang, text, expected):
    assert [s.text for s in split_sentences(text, lang)] == expected
