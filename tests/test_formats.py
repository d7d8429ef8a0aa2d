"""Formats: HTML and NITF read, translated with real Apertium and written back with every tag kept."""
import shutil
import xml.dom.minidom
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st
from typer.testing import CliRunner

from conftest import require_apertium
from localize import read_article
from localize.cli import app

DATA = Path(__file__).parent / "data"
HTML = DATA / "harbour-strike.en.html"
NITF = DATA / "harbour-strike.en.nitf"
NEWSML = DATA / "harbour-strike.en.xml"
runner = CliRunner()
TRANSLATED_ATTRIBUTES = {"alt", "title"}


class _Tags(HTMLParser):
    """The sequence of tags with their attributes (translated attribute values left out)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.seen = []

    def handle_starttag(self, tag, attrs):
        self.seen.append(("start", tag, tuple((k, None if k in TRANSLATED_ATTRIBUTES else v) for k, v in attrs)))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        self.seen.append(("end", tag))

    def handle_decl(self, decl):
        self.seen.append(("decl", decl))

    def handle_pi(self, data):
        self.seen.append(("pi", data))

    def handle_comment(self, data):
        self.seen.append(("comment", data))


def tags(text: str):
    parser = _Tags()
    parser.feed(text)
    parser.close()
    return parser.seen


def test_html_blocks_and_roles():
    article = read_article(HTML)
    roles = [(b.role, b.text) for b in article.blocks]
    assert ("headline", "Dock workers strike over new shift rules") in roles
    assert ("attribute", "Cranes stand still at the container terminal") in roles
    assert ("caption", "The container terminal was quiet on Tuesday morning.") in roles
    assert ("body", "The port authority said it was ready to meet the union this week.") in roles  # unclosed <p>
    assert [t for r, t in roles if r == "list_item"] == ["Night shifts were cut by two hours.", "Weekend pay was frozen."]
    texts = " ".join(t for _, t in roles)
    assert "var note" not in texts and "margin" not in texts and "related:" not in texts  # script, style, comment


def test_nitf_blocks_and_roles():
    article = read_article(NITF)
    roles = {b.role for b in article.blocks}
    assert {"headline", "subhead", "byline", "date", "standfirst", "body"} <= roles
    assert not any(b.translatable for b in article.blocks if b.role in ("byline", "date"))


def test_newsml_blocks_and_roles():
    article = read_article(NEWSML)
    assert article.format == "newsml"
    roles = {b.role: b.text for b in article.blocks}
    assert roles["headline"] == "Dock workers strike over new shift rules"
    assert roles["byline"] == "Ann Example" and roles["date"] == "Rotterdam, March 12"
    assert roles["standfirst"].startswith("Dock workers stopped work")
    assert [b.text for b in article.blocks if b.role == "body"][1] == \
        "The port authority said it was ready to meet the union this week."
    assert not any(b.translatable for b in article.blocks if b.role in ("byline", "date", "junk"))


@pytest.mark.parametrize("path", [HTML, NITF, NEWSML])
def test_reading_and_writing_give_the_same_bytes(path):
    assert read_article(path).to_bytes() == path.read_bytes()


_FRAGMENTS = ["<p>", "</p>", "<h1>", "</h1>", "<li>", "<ul>", "</ul>", "<b>", "</b>", "text", "Word. Next",
              "&amp;", " ", "\n", '<img alt="a b" title=\'c\'>', "<script>x<y</script>", "<!-- c -->", "<br/>",
              "<a href=\"u\">", "</a>", "<", ">", "&", "é", "<figure>", "<figcaption>", "</td>", "<td>"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), min_size=1, max_size=30))
def test_any_html_round_trips(parts):
    text = "".join(parts)
    if not text.strip():
        return
    from localize.formats import html

    head, blocks = html.parse(text)
    assert head + "".join(b.lead + b.text + b.trail for b in blocks) == text


pytestmark_apertium = require_apertium("eng-spa")


@pytestmark_apertium
@pytest.mark.parametrize("source", [HTML, NITF, NEWSML])
def test_translated_and_built_with_exactly_the_same_tags(tmp_path, source):
    path = tmp_path / source.name
    shutil.copy(source, path)
    result = runner.invoke(app, ["translate", str(path), "--to", "es"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["build", str(path), "--to", "es", "--out-dir", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    built = next(p for p in (tmp_path / "out").rglob("*") if p.is_file())
    assert ".es." in built.name
    assert built.suffix == source.suffix
    out = built.read_text(encoding="utf-8")
    assert tags(out) == tags(source.read_text(encoding="utf-8"))
    assert "Dock workers" not in out  # translated
    assert "<un " not in out and "<Ente" not in out
    if source.suffix in (".nitf", ".xml"):
        xml.dom.minidom.parseString(built.read_bytes())  # still well-formed XML
        assert "Ann Example</" in out  # the byline is kept
    else:
        assert 'href="https://example.org/union"' in out
        assert 'alt="Cranes stand still at the container terminal"' not in out  # alt translated


MARKDOWN = """# Port strike ends

The union said work would resume on <a href="https://example.org">Monday</a> morning.

    indented code stays as it is

```
fenced code too
```

<div class="box">
Boxed text in an HTML block.
</div>

- First point of the list
  continues on this line.
- Second point.

> A quoted line.
> Another quoted line.
"""


def test_markdown_keeps_code_and_html_blocks_and_list_continuations():
    article = read_article("story.md", data=MARKDOWN.encode())
    assert article.to_bytes() == MARKDOWN.encode()
    translatable = [b.text for b in article.blocks if b.translatable]
    assert not any("code" in t or "</div>" in t or "Boxed" in t for t in translatable)
    assert "First point of the list\n  continues on this line." in translatable
    assert {b.role for b in article.blocks if "code" in b.lead} == {"code"}
    assert [b.text for b in article.blocks if b.role == "quote"] == ["A quoted line.", "Another quoted line."]


@require_apertium("eng-spa")
def test_markdown_inline_html_keeps_its_tag_names(tmp_path):
    path = tmp_path / "story.en.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    assert runner.invoke(app, ["translate", str(path), "--to", "es"]).exit_code == 0
    result = runner.invoke(app, ["build", str(path), "--to", "es", "--out-dir", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    out = next((tmp_path / "out").rglob("*.md")).read_text(encoding="utf-8")
    assert '<a href="https://example.org">' in out and "<un href" not in out
    assert "    indented code stays as it is\n" in out and '<div class="box">\nBoxed text in an HTML block.\n</div>' in out
