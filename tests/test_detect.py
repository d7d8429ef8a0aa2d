"""Language detection per article and per block."""
import pytest

from conftest import SAMPLES, SEED
from localize import detect, guess_language, read_article

EXPECTED = {"trump-japan-rare-earths.en.txt": "en", "valencia-metro.es.txt": "es",
            "barcelona-habitatge.ca.txt": "ca", "lyon-velo.fr.txt": "fr", "hamburg-hafen.de.txt": "de",
            "lisboa-turismo.pt.txt": "pt", "brussels-summit.en.txt": "en", "heatwave-explainer.en.md": "en"}


@pytest.mark.parametrize("name,lang", EXPECTED.items())
def test_every_sample_gets_its_language(name, lang):
    result = detect(read_article(SAMPLES / name))
    assert result.article.code == lang and result.article.confidence > 0.9


def test_a_foreign_paragraph_inside_an_article_is_found():
    result = detect(read_article(SAMPLES / "brussels-summit.en.txt"))
    foreign = result.foreign_blocks
    assert len(foreign) == 1 and foreign[0].guess.code == "es" and foreign[0].text.startswith('"Hemos')


def test_short_blocks_inherit_the_article_language_and_say_so():
    result = detect(read_article(SEED))
    by_role = {b.role: b for b in result.blocks}
    for role in ("reading_time", "date", "byline", "junk", "kicker"):
        assert by_role[role].guess.code == "en" and by_role[role].guess.method == "inherited"
    assert not result.foreign_blocks


@pytest.mark.parametrize("text,lang", [
    ("O Goberno galego aprobou onte os orzamentos para o ano que vén, cun aumento do gasto en sanidade e educación.", "gl"),
    ("Eusko Jaurlaritzak datorren urterako aurrekontuak onartu ditu, osasun eta hezkuntzako gastua handituz.", "eu"),
    ("政府昨天批准了明年的预算，增加了卫生和教育支出。", "zh"),
    ("政府は昨日、来年度の予算を承認した。", "ja"),
    ("정부는 어제 내년 예산을 승인했다.", "ko"),
    ("Правительство вчера одобрило бюджет на следующий год.", "ru"),
    ("وافقت الحكومة أمس على ميزانية العام المقبل.", "ar"),
    ("De regering heeft gisteren de begroting voor volgend jaar goedgekeurd.", "nl"),
    ("Il governo ha approvato ieri il bilancio per il prossimo anno.", "it"),
    ("El Govern va aprovar ahir els pressupostos de l'any vinent.", "ca"),
])
def test_the_news_desk_languages(text, lang):
    assert guess_language(text).code == lang


def test_results_are_reproducible():
    text = "Le gouvernement a approuvé hier le budget de l'année prochaine."
    assert len({guess_language(text) for _ in range(5)}) == 1


def test_nothing_to_read_is_undetermined():
    assert guess_language("12/05/2024 — 3.5%").code == "und"
