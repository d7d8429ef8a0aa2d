"""Take the README's screenshots of the review page: the seed article translated into Spanish with
Apertium, served by `localize serve`, photographed by Debian's chromium through Playwright.

    .venv/bin/python docs/screenshots.py      # writes docs/review-*.png
"""
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "trump-japan-rare-earths.en.txt"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / SEED.name
        shutil.copy(SEED, article)
        localize = [sys.executable, "-m", "localize.cli"]
        subprocess.run([*localize, "translate", str(article), "--to", "es"], cwd=tmp, check=True,
                       capture_output=True)
        server = subprocess.Popen([*localize, "serve", str(article), "--port", "0", "--reviewer", "Ana Revisora"],
                                  cwd=tmp, stdout=subprocess.PIPE, text=True)
        try:
            url = server.stdout.readline().split(" at ", 1)[1].split()[0]
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                            args=["--no-sandbox"])
                page = browser.new_page(viewport={"width": 1280, "height": 860})
                page.goto(url + "a/es/trump-japan-rare-earths")
                first = page.locator(".entry").first
                first.get_by_role("button", name="Approve").click()  # one approved entry in the picture
                page.wait_for_load_state()
                page.goto(url + "a/es/trump-japan-rare-earths")
                page.screenshot(path=str(ROOT / "docs" / "review-article.png"))
                page.goto(url)
                page.screenshot(path=str(ROOT / "docs" / "review-index.png"), clip={"x": 0, "y": 0, "width": 1280,
                                                                                   "height": 220})
                page.goto(url + "a/es/trump-japan-rare-earths")
                box = page.locator("#e5 textarea")
                box.fill(box.input_value() + " (")  # a live check appears while typing
                page.locator("#e5 .problems li.level-warning >> text=[quotes]").wait_for()
                page.locator("#e4").evaluate("el => el.scrollIntoView()")
                page.screenshot(path=str(ROOT / "docs" / "review-editing.png"))
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
