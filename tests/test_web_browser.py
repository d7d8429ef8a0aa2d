"""The review page in a real browser: Playwright driving Debian's chromium against `localize serve`.

Playwright's own browser download cannot run here, so the browser is Debian's (apt-get install
chromium; scripts/setup-system.sh installs it). In CI both must be present: the test fails rather
than skips there.
"""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

from conftest import SEED, require_apertium

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def require_chromium():
    present = Path(CHROMIUM).exists()
    try:
        import playwright.sync_api  # noqa: F401  (only whether it is installed)
    except ImportError:
        present = False
    if not present and os.environ.get("CI"):
        raise RuntimeError("CI must have chromium and playwright: .ci/run installs them")
    return pytest.mark.skipif(not present, reason="chromium or playwright missing (make setup installs them)")


pytestmark = [require_apertium("eng-spa"), require_chromium()]


def _localize(*args, cwd):
    return subprocess.run([sys.executable, "-m", "localize.cli", *args], cwd=cwd, capture_output=True, text=True)


@pytest.fixture
def served(tmp_path):
    """`localize serve` on the seed article translated into Spanish with Apertium; yields (url, po)."""
    article = tmp_path / SEED.name
    shutil.copy(SEED, article)
    done = _localize("translate", str(article), "--to", "es", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    process = subprocess.Popen([sys.executable, "-m", "localize.cli", "serve", str(article), "--port", "0",
                                "--reviewer", "Ana Revisora"], cwd=tmp_path,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline()
        url = line.split(" at ", 1)[1].split()[0]
        yield url, tmp_path / "locales" / "es" / "LC_MESSAGES" / "trump-japan-rare-earths.po"
    finally:
        process.terminate()
        process.wait(timeout=10)


def expect(locator):
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(locator)


@pytest.fixture
def page():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        tab = browser.new_page(viewport={"width": 1280, "height": 900})
        errors = []
        tab.on("pageerror", lambda e: errors.append(str(e)))
        yield tab
        browser.close()
        assert not errors, errors


def test_review_the_seed_article_in_the_browser(served, page):
    url, po = served
    page.goto(url)
    page.get_by_role("link", name="trump-japan-rare-earths").click()
    entries = polib.pofile(str(po))
    live = [e for e in entries if not e.obsolete]
    # The source sentences, one box and one Approve button per entry, the article's check warnings.
    for entry in live:
        assert page.get_by_text(entry.msgid, exact=True).count() >= 1
    assert page.locator("textarea").count() == len(live)
    assert page.get_by_role("button", name="Approve", exact=True).count() == len(live)
    checks = page.get_by_role("region", name="Checks")
    assert checks.locator("li.level-warning").count() >= 1
    assert "pronoun-gender" in checks.inner_text()

    first, third = page.locator(".entry").nth(0), page.locator(".entry").nth(2)
    first_text = first.locator("textarea").input_value()
    first.get_by_role("button", name="Approve").click()
    page.wait_for_load_state()
    third.locator("textarea").fill("Texto revisado por una persona.")
    third.get_by_role("button", name="Approve").click()
    page.wait_for_load_state()

    saved = {e.msgid: e for e in polib.pofile(str(po)) if not e.obsolete}
    one, three = saved[live[0].msgid], saved[live[2].msgid]
    assert one.msgstr == first_text and "fuzzy" not in one.flags
    assert three.msgstr == "Texto revisado por una persona." and "fuzzy" not in three.flags
    assert "approved by Ana Revisora" in three.tcomment
    assert subprocess.run(["msgfmt", "-c", "-o", os.devnull, str(po)]).returncode == 0

    # A later `localize translate` run keeps the reviewed words (machine output never replaces them).
    article = po.parents[3] / SEED.name
    assert _localize("translate", str(article), "--to", "es", cwd=po.parents[3]).returncode == 0
    page.reload()
    assert page.locator(".entry").nth(2).locator("textarea").input_value() == "Texto revisado por una persona."
    assert page.locator(".entry").nth(0).locator(".state").inner_text() == "approved"


def test_keyboard_approves_and_moves_between_entries(served, page):
    url, po = served
    page.goto(url + "a/es/trump-japan-rare-earths")
    boxes = page.locator("textarea")
    boxes.nth(0).focus()
    page.keyboard.press("Alt+ArrowDown")
    assert boxes.nth(1).evaluate("el => el === document.activeElement")
    page.keyboard.press("Alt+ArrowUp")
    assert boxes.nth(0).evaluate("el => el === document.activeElement")
    page.keyboard.press("Alt+ArrowDown")
    with page.expect_navigation():
        page.keyboard.press("Control+Enter")
    approved = [e for e in polib.pofile(str(po)) if not e.obsolete and "fuzzy" not in e.flags and e.msgstr]
    assert len(approved) == 1
    expect(page.locator("textarea").nth(2)).to_be_focused()  # on to the next entry


def test_problems_follow_the_text_while_editing(served, page):
    url, _ = served
    page.goto(url + "a/es/trump-japan-rare-earths")
    entry = page.locator(".entry").first
    problems = entry.locator(".problems li")
    expect(problems).to_have_count(0)
    machine = entry.locator("textarea").input_value()
    entry.locator("textarea").fill(f"({machine}")  # an unbalanced bracket: the quotes check
    expect(problems).to_have_count(1)
    expect(problems.first).to_contain_text("[quotes]")
    entry.locator("textarea").fill(machine)
    expect(problems).to_have_count(0)


def test_markup_in_an_article_is_shown_as_text_and_never_runs(tmp_path, page):
    article = tmp_path / "markup.en.txt"
    article.write_text("Markup in the copy\n\nThe minister posted <img src=x onerror=\"document.title='pwned'\"> "
                       "on Monday.\n\nOfficials said <script>document.title='pwned'</script> it was fine.\n",
                       encoding="utf-8")
    assert _localize("translate", str(article), "--to", "es", cwd=tmp_path).returncode == 0
    process = subprocess.Popen([sys.executable, "-m", "localize.cli", "serve", str(article), "--port", "0"],
                               cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        url = process.stdout.readline().split(" at ", 1)[1].split()[0]
        page.goto(url + "a/es/markup")
        assert page.get_by_text("<img src=x onerror=", exact=False).count() >= 1
        assert page.locator("main img, main script").count() == 0
        assert page.title() != "pwned"
    finally:
        process.terminate()
        process.wait(timeout=10)
