"""Review decisions are safe: a stale decision never overwrites newer work (contract 3), and an
aborted or idle editor approves nothing."""
import pytest

from localize.errors import StaleEntry
from localize.memory import Catalog, TranslationUnit
from localize.pofile import read_catalog, write_catalog
from localize.review import ReviewIO, edit_in_editor, record_decision, run_review

SOURCES = ["The council approved the budget.", "The mayor spoke.", "Rain is expected."]


@pytest.fixture
def po(tmp_path):
    path = tmp_path / "locales" / "es" / "LC_MESSAGES" / "story.po"
    units = [TranslationUnit(s, f"machine {n}", references=[f"story:1.{n + 1}"],
                             notes=["origin: machine translation"]) for n, s in enumerate(SOURCES)]
    write_catalog(path, Catalog("story", "en", "es", units))
    return path


def unit(po, n):
    return read_catalog(po).find((None, SOURCES[n]))


def test_a_decision_on_what_was_seen_is_saved(po):
    record_decision(po, (None, SOURCES[0]), "el consejo", "Ana", seen=("machine 0", False))
    assert (unit(po, 0).target, unit(po, 0).approved) == ("el consejo", True)


def test_a_stale_decision_raises_and_writes_nothing(po):
    record_decision(po, (None, SOURCES[0]), "versión de Bea", "Bea", seen=("machine 0", False))
    before = po.read_bytes()
    with pytest.raises(StaleEntry) as caught:
        record_decision(po, (None, SOURCES[0]), "machine 0", "Ana", seen=("machine 0", False))
    assert caught.value.target == "versión de Bea" and caught.value.approved is True
    assert po.read_bytes() == before


def test_the_terminal_review_shows_the_newer_text_instead_of_overwriting(po):
    """Ana's session shows entry 1; meanwhile Bea approves her own edit; Ana's accept must not win."""
    shown, answers = [], iter(["a", "q"])

    def ask(prompt):
        answer = next(answers)
        if answer == "a" and not shown_stale():
            record_decision(po, (None, SOURCES[0]), "versión de Bea", "Bea")  # the other reviewer
        return answer

    def shown_stale():
        return any("changed meanwhile" in line for line in shown)

    counts = run_review(po, "Ana", ReviewIO(ask=ask, show=shown.append))
    assert shown_stale() and any("versión de Bea" in line for line in shown)
    assert counts["approved"] == 0
    u = unit(po, 0)
    assert u.target == "versión de Bea" and any("approved by Bea" in c for c in u.comments)
    assert not any("Ana" in c for c in u.comments)


@pytest.mark.parametrize("editor", ["false", "true"])  # aborted (exit 1, vim's :cq); saved nothing
def test_an_aborted_or_idle_editor_approves_nothing(po, monkeypatch, editor):
    monkeypatch.setenv("EDITOR", editor)
    monkeypatch.delenv("VISUAL", raising=False)
    before = po.read_bytes()
    shown = []
    answers = iter(["E", "q"])
    counts = run_review(po, "Ana", ReviewIO(ask=lambda p: next(answers), show=shown.append, edit=edit_in_editor))
    assert counts == {"approved": 0, "edited": 0, "skipped": 0}
    assert po.read_bytes() == before and any("not saved" in line for line in shown)


def test_an_editor_that_saves_approves_the_saved_text(po, monkeypatch, tmp_path):
    monkeypatch.setenv("EDITOR", "sed -i s/machine/humano/")
    monkeypatch.delenv("VISUAL", raising=False)
    answers = iter(["E", "q"])
    counts = run_review(po, "Ana", ReviewIO(ask=lambda p: next(answers), show=lambda s: None, edit=edit_in_editor))
    assert counts["edited"] == 1
    assert (unit(po, 0).target, unit(po, 0).approved) == ("humano 0", True)
