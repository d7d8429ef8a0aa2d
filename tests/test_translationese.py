"""Translationese: each signal on its own small examples; the seed reads translated, natives native."""
import pytest

from conftest import SAMPLES, SEED
from localize import detect, read_article
from localize.translationese import assess
from localize.translationese_model import load_model


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


@pytest.mark.parametrize("name", ["brussels-summit.en.txt", "heatwave-explainer.en.md"])
def test_native_english_samples_read_native(name):
    a = read_article(SAMPLES / name)
    assert assess(a, detect(a)).verdict == "native"


@pytest.mark.parametrize("name", ["valencia-metro.es.txt", "barcelona-habitatge.ca.txt", "lyon-velo.fr.txt",
                                  "hamburg-hafen.de.txt", "lisboa-turismo.pt.txt"])
def test_languages_without_a_model_are_not_judged(name):
    a = read_article(SAMPLES / name)
    r = assess(a, detect(a))
    assert r.verdict == "not judged" and r.score is None and r.as_dict()["score"] is None


def test_the_model_ships_with_the_package_and_says_how_it_was_made():
    model = load_model("en")
    assert model is not None and 0 < model.likely <= model.translated < 1
    assert "translationese_train.py" in model.provenance["script"]
    assert load_model("xx") is None


def test_model_probability_is_a_probability_and_tells_the_seed_from_a_native_sample():
    model = load_model("en")
    seed = "\n\n".join(b.text for b in read_article(SEED).blocks if b.translatable)
    native = "\n\n".join(b.text for b in read_article(SAMPLES / "brussels-summit.en.txt").blocks if b.translatable)
    p_seed, p_native = model.probability(seed), model.probability(native)
    assert 0 <= p_native < model.likely <= p_seed <= 1


LONG_NATIVE = (
    "Councillors voted on Wednesday to approve a network of protected cycle lanes across the city centre, "
    "ending a two-year row over parking. The scheme will cost about 18 million pounds and work is due to "
    "start in the spring, officials said.\n\nShopkeepers on the high street have complained that losing "
    "spaces will hurt trade, and a group of them asked for a delay until after the summer. Their request "
    "was turned down by a narrow margin.\n\nSupporters say the lanes will make it safer for children to "
    "ride to school. Police figures show that injuries to cyclists rose sharply last year, most of them "
    "at junctions where drivers turn left across traffic. Similar schemes elsewhere have cut such "
    "crashes by more than a third within two years, according to a study published in March.")


def test_one_rule_hit_never_flips_a_verdict():
    # A native sample with a near-homograph ("Gulf" beside "golf") added: the rule fires, is shown
    # as evidence, and leaves the verdict to the model.
    text = (SAMPLES / "brussels-summit.en.txt").read_text(encoding="utf-8") + (
        "\n\nHe loves golf and plays every week. Yesterday he met the Gulf champion at the club, "
        "where the two talked for an hour about the season ahead.\n")
    r = report(text)
    assert "near-homograph" in {e.signal for e in r.evidence} and r.rule_score >= 0.45
    assert r.score == r.model_probability
    assert r.verdict == "native"


def test_short_copy_is_not_judged_unless_slips_converge():
    assert report("The council met on Monday and approved the budget, officials said.\n").verdict == "not judged"
    slips = ("Maria Lopez, the mayor, has opened the library this Tuesday. She said the city needed it. "
             "Lopez then visited a school, where he promised 8,5% more money.")
    r = report(slips)
    assert len({e.signal for e in r.evidence}) >= 2 and r.verdict != "not judged" and r.model_probability is None


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
    assert {e.signal for e in r.evidence} == {"fused-dateline"} and r.verdict == "not judged"
    r = report("Politics\n\nA headline about the vote today\n\nParis" + LONG_NATIVE + "\n")
    assert "fused-dateline" in {e.signal for e in r.evidence} and r.verdict == "native"


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


# The false positives on native copy, each a single rule misfiring.

def test_near_homograph_ignores_first_and_last_letter_differences():
    assert "near-homograph" not in signals(
        "Banks will apply the new rules from May, and investors sold Apple shares after the report.")
    assert "near-homograph" not in signals(
        "She works from home most days. The Rome office will close in June, the company said.")


def test_a_possessive_before_a_name_is_not_that_persons_pronoun():
    text = ("Jacinda Ardern, the prime minister, spoke on Monday. Her deputy, Grant Robertson, said he would "
            "present the budget. Robertson said he expected growth to slow.")
    assert "pronoun-gender" not in signals(text)


def test_this_weekday_about_a_coming_event_is_english():
    assert "weekday-calque" not in signals(
        "Prices have risen over the past year, and the central bank will decide on rates this Tuesday.")
    assert "weekday-calque" in signals("The minister signed the agreement this Tuesday in Madrid.")


def test_detect_command_shows_the_verdict_the_model_and_the_slips():
    from typer.testing import CliRunner

    from localize.cli import app

    result = CliRunner().invoke(app, ["detect", str(SEED), str(SAMPLES / "valencia-metro.es.txt"), "--no-blocks"])
    assert result.exit_code == 0, result.output
    assert "reads as: translated (score" in result.output and ", model 0." in result.output
    assert "near-homograph" in result.output and "Gulf" in result.output
    assert "reads as: not judged" in result.output
