"""Translationese: each signal on its own small examples; the seed reads translated, natives native."""
import pytest

from conftest import SAMPLES, SEED
from localize import detect, read_article
from localize.translationese import assess


def report(text, name="x.txt"):
    article = read_article(name, data=text.encode())
    return assess(article, detect(article))


def signals(text):
    return {e.signal for e in report(text).evidence}


def test_seed_article_reads_translated_with_the_slips_as_evidence():
    r = assess(read_article(SEED), detect(read_article(SEED)))
    found = {e.signal for e in r.evidence}
    assert r.verdict == "translated"
    assert {"pronoun-gender", "near-homograph"} <= found
    assert any("Gulf" in e.passage for e in r.evidence if e.signal == "near-homograph")
    assert {"es", "ca"} & set(r.origin_candidates)


@pytest.mark.parametrize("name", ["brussels-summit.en.txt", "heatwave-explainer.en.md", "valencia-metro.es.txt",
                                  "barcelona-habitatge.ca.txt", "lyon-velo.fr.txt", "hamburg-hafen.de.txt",
                                  "lisboa-turismo.pt.txt"])
def test_native_samples_read_native(name):
    a = read_article(SAMPLES / name)
    assert assess(a, detect(a)).verdict == "native"


def test_pronoun_gender_for_one_person():
    text = ("Maria Lopez, the mayor, opened the new library on Friday. She said the city needed more "
            "space for children. Lopez then visited a school, where he promised new computers for every class.")
    assert "pronoun-gender" in signals(text)


def test_consistent_pronouns_are_fine():
    text = ("Maria Lopez, the mayor, opened the new library on Friday. She said the city needed more "
            "space for children. Lopez then visited a school, where she promised new computers.")
    assert "pronoun-gender" not in signals(text)


def test_near_homograph_in_context():
    text = "He loves golf and plays every week. Yesterday he met the Gulf champion Tiger Woods at the club."
    assert "near-homograph" in signals(text)
    assert "near-homograph" not in signals("Oil prices in the Gulf region rose sharply on Monday, traders said.")


def test_weekday_calque_and_perfect_with_a_date():
    s = signals("The minister has announced this Tuesday a new plan for the railways, officials said.")
    assert {"weekday-calque", "perfect-with-date"} <= s
    assert not {"weekday-calque", "perfect-with-date"} & signals(
        "The minister announced on Tuesday a new plan for the railways. She has worked on it for years.")


def test_false_friends():
    assert "false-friend" in signals("The spokesman assured that the talks would continue in the framework of the treaty.")
    assert "false-friend" not in signals("The spokesman said that the talks would continue under the treaty.")


def test_fused_dateline_alone_is_not_a_verdict():
    r = report("Politics\n\nA headline about the vote today\n\nParisThe vote took place on Sunday in calm conditions across the country, officials said.\n")
    assert {e.signal for e in r.evidence} == {"fused-dateline"} and r.verdict == "native"


def test_untranslated_sentence_outside_quotes_counts_but_quotes_do_not():
    base = "The council met on Monday to discuss the budget for next year and the new tram line. "
    foreign = "El ayuntamiento aprobará el presupuesto la semana que viene con el apoyo de la oposición."
    assert "untranslated" in signals(base * 2 + "\n\n" + foreign + "\n")
    assert "untranslated" not in signals(base * 2 + "\n\n\"" + foreign + "\"\n")


def test_number_format_carried_over():
    assert "number-format" in signals("The plan will cost 1,2 million euros and reach 8,5% of homes, the city said.")
    assert "number-format" not in signals("The plan will cost 1.2 million euros and reach 1,200 homes, the city said.")


def test_date_calques():
    assert "date-calque" in signals("The company announced the Thursday that it will open on the 15 of March.")
    assert "date-calque" not in signals("The company announced on Thursday that it will open on March 15.")


def test_his_for_an_institution():
    assert "inanimate-his" in signals("The company said that his profits fell by a third last year.")
    assert "inanimate-his" not in signals("The company said its profits fell. The chief executive said his team did well.")


def test_foreign_words_left_in_english():
    assert "foreign-word" in signals("The buses will divert and the police movilizará 600 agents in the centre.")
    assert "foreign-word" not in signals("They met for coffee at a café near the station in the centre.")


def test_function_word_profile():
    mt = ("The reinforcement of the service of the metre of the city will cost the half of the budget of the "
          "year. The council of the city of the coast approved the plan of the mayor of the town. ") * 3
    native = ("Councillors voted on Wednesday to approve a network of protected cycle lanes in the city "
              "centre. The scheme will cost £18 million and is due to start in spring, officials said. ") * 3
    assert "function-words" in signals(mt)
    assert "function-words" not in signals(native)


def test_two_people_of_different_genders_are_not_a_slip():
    text = ("Vladimir Putin met Angela Merkel in Berlin on Monday. She said the talks had been useful. "
            "Putin later told reporters that he was satisfied. Merkel praised him for his candour.")
    assert "pronoun-gender" not in signals(text)
