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


@given(st.lists(st.sampled_from(["Ms. Smith came.", " ", "  ", "\n", '"Yes."', "It rose 2.5%.", "EE. UU.", "a.m.", "Why?", "x",
                                  "Storm hits", "<br />", "<b>Rain</b>", "\r\n"]), max_size=12))
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


@pytest.mark.parametrize("lang,text,expected", [
    # a line break ends a headline, a dateline or a caption that has no final punctuation
    ("en", "Storm closes the coast road\nThe road was shut on Monday after heavy rain.",
     ["Storm closes the coast road", "The road was shut on Monday after heavy rain."]),
    ("en", "Categories: Weather, Transport\nShare this story", ["Categories: Weather, Transport", "Share this story"]),
    # ... and after the closing quote of a passage opened in an earlier paragraph
    ("en", 'We could have scored early."\nAfter the match, the coach said, "We played well."',
     ['We could have scored early."', 'After the match, the coach said, "We played well."']),
    # a line that starts in lower case continues the sentence
    ("en", "The mayor said that the\nbridge would reopen.", ["The mayor said that the\nbridge would reopen."]),
])
def test_line_breaks(lang, text, expected):
    assert [s.text for s in split_sentences(text, lang)] == expected


def test_in_markup_the_line_break_is_br_and_a_line_feed_is_a_space():
    text = "Storm closes the <b>coast</b> road<br />\nThe road was shut on <a href=\"/x\">Monday</a>.\nMore rain fell."
    sentences = split_sentences(text, "en")
    assert [s.text for s in sentences] == ["Storm closes the <b>coast</b> road",
                                           'The road was shut on <a href="/x">Monday</a>.', "More rain fell."]
    assert sentences[0].gap == "<br />\n"
    released = "The report was released by <b>the</b>\nMinistry of Health on Monday."
    assert [s.text for s in split_sentences(released, "en")] == [released]


def test_hard_wrapped_prose_is_not_cut_at_its_line_breaks():
    text = ("The council met on Tuesday to discuss the new budget, which\n"
            "Mayor Ana Ruiz had presented to the press with the treasurer\n"
            "John Smith a week before the vote. Members asked for more time.")
    assert [s.text for s in split_sentences(text, "en")] == [text[:-len(" Members asked for more time.")],
                                                           "Members asked for more time."]


@pytest.mark.parametrize("lang,text,expected", [
    # an omission "[...]" before a capital ends the sentence
    ("en", '"The yields would improve [...] Pollution is the cause," she said.',
     ['"The yields would improve [...]', 'Pollution is the cause," she said.']),
    # a sentence does not start with a slash, a comma or a closing bracket
    ("es", "La densidad era de 7,63 hab. / km². Creció.", ["La densidad era de 7,63 hab. / km².", "Creció."]),
    # no sentence ends right after an abbreviation inside a parenthesis it opened
    ("es", "Nació en Lima (f. Ciudad de México, 2004). Fue actor.",
     ["Nació en Lima (f. Ciudad de México, 2004).", "Fue actor."]),
    # hyphenated abbreviations before a lower-case word
    ("fr", "Il fut dédié en 493 av. J.-C. par le consul. Puis il brûla.",
     ["Il fut dédié en 493 av. J.-C. par le consul.", "Puis il brûla."]),
    # dotted initials that open a sentence stay with it
    ("en", "Few were pleased. U.S. Senator Ann Ray issued a statement.",
     ["Few were pleased.", "U.S. Senator Ann Ray issued a statement."]),
    # English titles and company suffixes in the press of other languages
    ("fr", "Surnommé Mr. Angel, il joue encore. Il a 40 ans.", ["Surnommé Mr. Angel, il joue encore.", "Il a 40 ans."]),
    ("es", "Lo distribuyó Warner Bros. Records en 2003. Vendió mucho.",
     ["Lo distribuyó Warner Bros. Records en 2003.", "Vendió mucho."]),
])
def test_rules_from_the_dev_splits(lang, text, expected):
    assert [s.text for s in split_sentences(text, lang)] == expected
