"""The review page over HTTP (Starlette's TestClient): escaping, CSRF, stale pages, confinement.

The memory here is written with the library's own writer from the article's real segments, so these
tests need no engine; tests/test_web_browser.py drives the whole thing in chromium with Apertium.
"""
import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from localize.articles import read_article
from localize.memory import Catalog, TranslationUnit, contexts_for, po_path
from localize.pofile import read_catalog, write_catalog
from localize.review import record_decision
from localize.translate import article_segments
from localize.web.app import create_app
from localize.web.desk import open_desk

HOSTILE = """Markup in the copy

The minister wrote <img src=x onerror="document.title='pwned'"> in a post on Monday.

Officials said 1,200 jobs were at stake. <script>document.title='pwned'</script> The plan starts in May.
"""
TOKEN = "test-token"
URL = "http://127.0.0.1"


@pytest.fixture
def desk(tmp_path):
    article_path = tmp_path / "hostile.en.txt"
    article_path.write_text(HOSTILE, encoding="utf-8")
    article = read_article(article_path)
    segments = article_segments(article, "en")
    units = [TranslationUnit(s.source, f"<b>ES</b> {s.source}", ctx, references=[s.location], origin="machine")
             for s, ctx in zip(segments, contexts_for(segments))]
    units[0].set_machine_output("Marcado en la copia", "apertium eng-spa", "2026-01-01 00:00+0000")
    units[0].target = "<b>ES</b> Markup in the copy"  # edited since: the machine's words stay visible
    units[0].notes += ["suggestion: 92% Marcado en el texto (other-story)"]
    write_catalog(po_path(tmp_path / "locales", "es", article.id), Catalog(article.id, "en", "es", units))
    return open_desk([str(article_path)], tmp_path / "locales", reviewer="Ana Revisora")


@pytest.fixture
def client(desk):
    return TestClient(create_app(desk, csrf_token=TOKEN), base_url=URL)


def po_of(desk) -> Path:
    return po_path(desk.locales, "es", "hostile")


def form_for(html: str, number: int) -> dict:
    """The hidden fields and text box of entry ``number`` as the page rendered them."""
    block = html.split(f'id="e{number}"', 1)[1].split('class="entry', 1)[0]
    fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', block))
    fields["target"] = re.search(r"<textarea[^>]*>([^<]*)</textarea>", block).group(1)
    import html as htmlmod

    return {k: htmlmod.unescape(v) for k, v in fields.items()}


def test_article_markup_is_shown_as_text_never_as_markup(client):
    page = client.get("/a/es/hostile").text
    assert "&lt;img src=x onerror=" in page and "&lt;script&gt;" in page
    assert "<img" not in page and "<script>document" not in page
    assert "&lt;b&gt;ES&lt;/b&gt;" in page and "<b>ES" not in page  # translations too


def test_an_entry_shows_its_role_machine_output_and_memory_suggestion(client):
    page = client.get("/a/es/hostile").text
    first = page.split('id="e1"', 1)[1].split('class="entry', 1)[0]
    assert "machine output: Marcado en la copia" in first and "suggestion: 92% Marcado en el texto" in first
    assert "origin: person" in first  # the memory settles an edited machine text as a person's
    assert "Block 1 · headline" in page and "Block 2 · body" in page


def test_every_page_forbids_inline_script(client):
    for path in ("/", "/a/es/hostile", "/nowhere"):
        policy = client.get(path).headers["content-security-policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy


def test_index_lists_each_article_by_id_with_its_state(client):
    page = client.get("/").text
    assert '<a href="/a/es/hostile">hostile</a>' in page
    assert re.search(r'class="num machine">\s*4<', page)


def test_approve_without_the_csrf_token_is_refused_and_writes_nothing(client, desk):
    before = po_of(desk).read_bytes()
    fields = form_for(client.get("/a/es/hostile").text, 1)
    for bad in ({k: v for k, v in fields.items() if k != "csrf"}, {**fields, "csrf": "guess"}):
        response = client.post("/approve/es/hostile", data=bad, follow_redirects=False)
        assert response.status_code == 403
    assert client.get("/approve/es/hostile").status_code == 405  # no state change by GET
    assert po_of(desk).read_bytes() == before


def test_approve_saves_the_text_as_approved_by_the_reviewer(client, desk):
    fields = form_for(client.get("/a/es/hostile").text, 2)
    response = client.post("/approve/es/hostile", data={**fields, "target": "Texto\r\nrevisado."},
                           follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/a/es/hostile#e3"
    unit = read_catalog(po_of(desk)).find((fields["context"] or None, fields["source"]))
    assert unit.approved and unit.target == "Texto\nrevisado."
    assert any(c.startswith("approved by Ana Revisora") for c in unit.comments)
    assert subprocess.run(["msgfmt", "-c", "-o", os.devnull, str(po_of(desk))]).returncode == 0
    assert "Texto\nrevisado." in client.get("/a/es/hostile").text


def test_a_stale_page_gets_a_message_not_an_overwrite(client, desk):
    fields = form_for(client.get("/a/es/hostile").text, 1)
    # Meanwhile someone else approves the same entry (terminal review, another tab).
    record_decision(po_of(desk), (None, fields["source"]), "Lo que escribió otra persona.", "Otra")
    response = client.post("/approve/es/hostile", data={**fields, "target": "Mi versión."})
    assert response.status_code == 409
    assert "changed since the page was loaded" in response.text and "Mi versión." in response.text
    unit = read_catalog(po_of(desk)).find((None, fields["source"]))
    assert unit.target == "Lo que escribió otra persona."


@pytest.mark.parametrize("path", ["/a/es/..%2F..%2Fetc%2Fpasswd", "/a/..%2F..%2Fetc/hostile", "/a/es/nothere",
                                  "/a/fr/hostile", "/a/es/hostile%2F..%2F..", "/a/es/%2Fetc%2Fpasswd",
                                  "/a/es/hostile.en.txt", "/static/..%2F..%2Fdesk.py", "/static/../../pyproject.toml"])
def test_nothing_outside_the_given_articles_and_memory_is_reachable(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "import" not in response.text and "root:" not in response.text


def test_requests_for_another_host_name_are_refused(client):
    assert client.get("/", headers={"host": "attacker.example"}).status_code == 400


def test_checks_follow_the_edited_text(client, desk):
    page = client.get("/a/es/hostile").text
    fields = form_for(page, 3)
    assert "1,200" in fields["source"]
    check = lambda text: client.post("/check/es/hostile", data={**fields, "target": text}).json()  # noqa: E731
    assert [p["check"] for p in check("Se perdieron empleos.") if p["level"] == "error"] == ["numbers", "truncated"]
    assert not [p for p in check("Los funcionarios dijeron que 1.200 empleos estaban en juego.") if p["level"] == "error"]
    assert client.post("/check/es/hostile", data={**fields, "csrf": "x"}).status_code == 403


def test_problems_shown_on_an_entry_go_after_it_is_fixed(client, desk):
    page = client.get("/a/es/hostile").text
    fields = form_for(page, 3)
    record_decision(po_of(desk), (None, fields["source"]), "Se perdieron los empleos de los funcionarios, dijeron.", "Otra")
    page = client.get("/a/es/hostile").text
    entry = page.split('id="e3"', 1)[1].split('class="entry', 1)[0]
    assert "[numbers]" in entry
    fields = form_for(page, 3)
    client.post("/approve/es/hostile", data={**fields, "target": "Se dijo que 1.200 empleos estaban en juego."})
    entry = client.get("/a/es/hostile").text.split('id="e3"', 1)[1].split('class="entry', 1)[0]
    assert "[numbers]" not in entry


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _listening_addresses(port: int) -> set[str]:
    """Local addresses listening on ``port``, from the kernel's own table (Linux)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not Path(table).exists():
            continue
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hexport = local.split(":")
            if state == "0A" and int(hexport, 16) == port:
                found.add(address)
    return found


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads Linux's /proc/net/tcp")
def test_serve_prints_its_url_and_listens_on_loopback_only(desk):
    port = _free_port()
    article = desk.articles["hostile"]
    process = subprocess.Popen([sys.executable, "-m", "localize.cli", "serve", article, "--port", str(port),
                                "--locales", str(desk.locales), "--reviewer", "Ana"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline()
        assert f"http://127.0.0.1:{port}/" in line and "Ana" in line
        assert _listening_addresses(port) == {"0100007F"}  # 127.0.0.1, nothing else
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_serve_with_no_article_found_says_so_in_one_line(tmp_path):
    from typer.testing import CliRunner

    from localize.cli import app

    result = CliRunner().invoke(app, ["serve", str(tmp_path / "missing.txt")])
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert "missing.txt" in result.output


def test_approvals_from_the_page_and_the_terminal_at_once_all_survive(desk):
    """Each decision is a locked read-modify-write: none may overwrite another's entry."""
    import threading

    app = create_app(desk, csrf_token=TOKEN)
    page = TestClient(app, base_url=URL).get("/a/es/hostile").text
    forms = [form_for(page, n) for n in (1, 2, 3, 4)]

    def from_page(fields):
        TestClient(app, base_url=URL).post("/approve/es/hostile", data={**fields, "target": "web " + fields["number"]})

    def from_terminal(fields):
        record_decision(po_of(desk), (None, fields["source"]), "terminal " + fields["number"], "Otra")

    workers = [threading.Thread(target=from_page, args=(forms[0],)), threading.Thread(target=from_terminal, args=(forms[1],)),
               threading.Thread(target=from_page, args=(forms[2],)), threading.Thread(target=from_terminal, args=(forms[3],))]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    saved = {u.source: u.target for u in read_catalog(po_of(desk)).live() if u.approved}
    assert saved == {forms[0]["source"]: "web 1", forms[1]["source"]: "terminal 2",
                     forms[2]["source"]: "web 3", forms[3]["source"]: "terminal 4"}


@pytest.mark.parametrize("host,loopback", [("127.0.0.1", True), ("localhost", True), ("::1", True),
                                           ("0.0.0.0", False), ("192.168.1.5", False), ("::", False)])
def test_only_loopback_addresses_count_as_this_machine_only(host, loopback):
    from localize.web.app import is_loopback

    assert is_loopback(host) is loopback


def test_a_tampered_form_gets_an_answer_not_a_crash(client, desk):
    fields = form_for(client.get("/a/es/hostile").text, 1)
    response = client.post("/approve/es/hostile", data={**fields, "number": "x", "count": "9" * 50},
                           follow_redirects=False)
    assert response.status_code == 303
    gone = client.post("/approve/es/hostile", data={**fields, "source": "not in the memory", "seen_target": ""})
    assert gone.status_code == 409 and "no longer in the memory" in gone.text


def test_an_article_in_a_folder_is_reviewed_by_its_nested_id(tmp_path):
    folder = tmp_path / "wire" / "politics"
    folder.mkdir(parents=True)
    (folder / "story.en.txt").write_text("A headline here\n\nThe council met on Monday.\n", encoding="utf-8")
    article = read_article(folder / "story.en.txt")
    segments = article_segments(article, "en")
    units = [TranslationUnit(s.source, "ES " + s.source, ctx, references=[s.location])
             for s, ctx in zip(segments, contexts_for(segments))]
    po = po_path(tmp_path / "locales", "es", article.id)
    write_catalog(po, Catalog(article.id, "en", "es", units))
    desk = open_desk([str(folder / "story.en.txt")], tmp_path / "locales", reviewer="Ana")
    client = TestClient(create_app(desk, csrf_token=TOKEN), base_url=URL)
    assert '<a href="/a/es/wire/politics/story">wire/politics/story</a>' in client.get("/").text
    fields = form_for(client.get("/a/es/wire/politics/story").text, 2)
    response = client.post("/approve/es/wire/politics/story", data=fields, follow_redirects=False)
    assert response.status_code == 303
    assert read_catalog(po).find((None, "The council met on Monday.")).approved


def test_two_sentences_on_one_line_keep_their_own_problems(client, desk):
    """Both sentences of block 3 share one line (one PO reference); a problem stays on its own."""
    fields = form_for(client.get("/a/es/hostile").text, 3)
    record_decision(po_of(desk), (None, fields["source"]), "Se perdieron los empleos, dijeron.", "Otra")
    page = client.get("/a/es/hostile").text
    third, fourth = (page.split(f'id="e{n}"', 1)[1].split('class="entry', 1)[0] for n in (3, 4))
    assert "[numbers]" in third and "[numbers]" not in fourth
