"""Reading articles: roles from layout, exact round trips, encodings, one-line errors."""
import codecs

import pytest
from hypothesis import given, settings, strategies as st

from conftest import SAMPLES, SEED
from localize.articles import article_id, find_articles, parse_markdown, parse_text, read_article
from localize.errors import BadInput


def roles(article):
    return [(b.role, b.text.split()[0] if b.text else "") for b in article.blocks]


def test_seed_article_roles_come_from_layout():
    a = read_article(SEED)
    assert [r for r, _ in roles(a)] == [
        "kicker", "headline", "standfirst", "caption", "byline", "date", "reading_time",
        "body", "body", "body", "subhead", "body", "body", "body", "junk"]


def test_roles_do_not_depend_on_the_seed_words():
    text = ("Sport\n\nLocal club wins the regional cup after a tense final\n\nThe victory ends a "
            "twenty-year wait.\n\nPlayers celebrate on the pitch.\nAnna Berg\n03/05/2024\n4 min\n\n"
            + "The match was decided in extra time by a late goal from the captain. " * 3 + "\n\n"
            "Fans react\n\n" + "Thousands of supporters gathered in the square to welcome the team. " * 2
            + "\n\nshare\n")
    assert [b.role for b in read_article("x.txt", data=text.encode()).blocks] == [
        "kicker", "headline", "standfirst", "caption", "byline", "date", "reading_time", "body",
        "subhead", "body", "junk"]


@pytest.mark.parametrize("path", sorted(p for p in SAMPLES.iterdir() if p.suffix in (".txt", ".md")))
def test_every_sample_round_trips_byte_for_byte(path):
    assert read_article(path).to_bytes() == path.read_bytes()


def test_markdown_markup_stays_out_of_the_text():
    a = read_article(SAMPLES / "heatwave-explainer.en.md")
    by_role = {}
    for b in a.blocks:
        by_role.setdefault(b.role, []).append(b)
    assert by_role["headline"][0].text == "Why this summer's heatwave is breaking records"
    assert by_role["headline"][0].lead == "# "
    assert by_role["standfirst"][0].text.startswith("Temperatures")  # *...* hoisted into the layout
    assert all(not b.text.startswith(("- ", "> ", "#")) for b in a.blocks)
    assert [b.role for b in a.blocks].count("list_item") == 3
    assert by_role["byline"][0].text == "By Tom Harris"


line = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"), max_size=60)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(line, st.sampled_from(["", "  ", "# Title", "- item", "> quote", "```", "---", "2 min", "28/10/2025"])), max_size=25),
       st.sampled_from(["\n", "\r\n"]))
def test_any_text_round_trips(lines, newline):
    text = newline.join(lines)
    for parse in (parse_text, parse_markdown):
        head, blocks = parse(text)
        assert head + "".join(b.lead + b.text + b.trail for b in blocks) == text


@pytest.mark.parametrize("encoding,bom", [("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE),
                                          ("utf-16-be", codecs.BOM_UTF16_BE)])
def test_byte_order_marks_are_kept(encoding, bom):
    data = bom + "Título\n\nEl Gobierno aprobó ayer el presupuesto.\n".encode(encoding)
    a = read_article("x.txt", data=data)
    assert a.blocks[1].text.startswith("El Gobierno") and a.to_bytes() == data


def test_legacy_encoding_is_detected_and_reported():
    data = "Caf\u00e9 \u201cso\u201d \u2013 El Gobierno aprob\u00f3 ayer.\n".encode("cp1252")
    a = read_article("x.txt", data=data)
    assert a.encoding == "cp1252" and a.notes and "cp1252" in a.notes[0]
    assert a.to_bytes() == data


@pytest.mark.parametrize("data,what", [(b"", "empty"), (b"  \n\n", "empty"), (b"\x00\x01\x02PK", "binary"),
                                       (bytes(range(0, 32)) * 4 + b"\xff", "binary")])
def test_bad_input_is_one_clear_line(data, what):
    with pytest.raises(BadInput) as err:
        read_article("bad.txt", data=data)
    assert what in err.value.line() and "bad.txt" in err.value.line() and "\n" not in err.value.line()


def test_directories_and_missing_files_are_bad_input(tmp_path):
    with pytest.raises(BadInput, match="directory"):
        read_article(tmp_path)
    with pytest.raises(BadInput, match="no such file"):
        read_article(tmp_path / "nope.txt")


def test_article_ids_are_stable_and_drop_the_language_tag():
    assert article_id("samples/trump-japan-rare-earths.en.txt") == "samples/trump-japan-rare-earths"
    assert article_id("wire/Barça Wins!.md") == "wire/barça-wins"
    assert article_id("story.txt") == "story"


def test_folders_are_walked_skipping_readmes(tmp_path):
    (tmp_path / "w").mkdir()
    (tmp_path / "w" / "a.txt").write_text("A")
    (tmp_path / "w" / "README.md").write_text("R")
    (tmp_path / "w" / "b.md").write_text("B")
    paths, problems = find_articles([str(tmp_path / "w"), str(tmp_path / "missing.txt")])
    assert [p.rsplit("/", 1)[1] for p in paths] == ["a.txt", "b.md"]
    assert problems[0][0].endswith("missing.txt")


def test_hard_wrapped_paragraphs_stay_one_block():
    para = ("The council met on Monday evening to discuss the budget for the coming\n"
            "year, which includes new money for schools, roads and the city's two\n"
            "hospitals, officials said after the meeting.\n")
    text = "Council backs budget after long debate\n\n" + para + "\n" + para
    a = read_article("w.txt", data=text.encode())
    assert [b.role for b in a.blocks] == ["headline", "body", "body"]
    assert a.blocks[1].text.count("\n") == 2 and a.to_bytes() == text.encode()


@pytest.mark.parametrize("line,role", [("By Jane Doe, Reuters", "byline"), ("Nov. 25, 2026", "date"),
                                       ("25 de noviembre de 2026", "date"), ("2026-11-25", "date"),
                                       ("5 min read", "reading_time")])
def test_meta_lines_in_other_layouts(line, role):
    text = f"A headline about the budget vote\n\n{line}\n\n" + "The council approved the budget on Monday after a long debate. " * 4 + "\n"
    a = read_article("m.txt", data=text.encode())
    assert a.blocks[1].role == role


def test_roles_in_languages_without_spaces_or_latin_punctuation():
    ja = ("経済\n\n日本銀行が金利を据え置き\n\n2025年10月28日\n\n"
          "日本銀行は28日、金融政策決定会合で短期金利を0.5％に据え置くことを決めた。植田総裁は「物価の動向を注視する」と述べた。\n")
    assert [b.role for b in read_article("ja.txt", data=ja.encode()).blocks] == ["kicker", "headline", "date", "body"]
    ar = ("اقتصاد\n\nالبنك المركزي يبقي أسعار الفائدة دون تغيير\n\n"
          "قال البنك المركزي يوم الثلاثاء إنه سيبقي سعر الفائدة عند 5.5 في المئة. وأضاف المحافظ أن التضخم بدأ يتراجع ببطء.\n")
    assert [b.role for b in read_article("ar.txt", data=ar.encode()).blocks] == ["kicker", "headline", "body"]


# --------------------------------------------------------------------------- reading limits (contract 6)

@pytest.mark.parametrize("text,codec,lang", [
    ("Правительство вчера одобрило бюджет на следующий год. Министр финансов сообщил об этом.\n", "cp1251", "ru"),
    ("政府は昨日、来年度の予算を承認した。財務大臣が記者団に明らかにした。\n", "shift_jis", "ja"),
])
def test_legacy_encodings_are_read_right(text, codec, lang):
    from localize import detect

    data = text.encode(codec)
    a = read_article("legacy.txt", data=data)
    assert a.blocks[0].text == text.strip() and a.to_bytes() == data
    assert detect(a).article.code == lang


def test_utf8_with_one_stray_byte_is_refused_with_its_offset():
    good = "El Gobierno aprobó ayer la reforma. La oposición votó en contra.\n".encode("utf-8")
    data = good[:20] + b"\x92" + good[20:]
    with pytest.raises(BadInput) as err:
        read_article("stray.txt", data=data)
    assert "stray byte 0x92 at byte offset 20" in err.value.line()


def test_fifo_is_refused_without_blocking(tmp_path):
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(BadInput) as err:  # would block forever if opened
        read_article(fifo)
    assert "FIFO" in err.value.line()


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_devices_are_refused(device):
    with pytest.raises(BadInput) as err:
        read_article(device)
    assert "a device, not an article file" in err.value.line()


def test_stdin_reads_at_most_the_limit(monkeypatch):
    import io
    import sys

    from localize.articles import read_article_bytes

    class Endless(io.RawIOBase):  # stdin that never ends, like `yes | localize detect -`
        def readable(self):
            return True

        def readinto(self, buffer):
            buffer[:] = b"y" * len(buffer)
            return len(buffer)

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(Endless())))
    with pytest.raises(BadInput) as err:
        read_article_bytes("-", limit=1 << 20)
    assert "larger than 1 MiB" in err.value.line()


def test_files_over_the_limit_are_refused(tmp_path):
    from localize.articles import read_article_bytes

    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 300_000)
    with pytest.raises(BadInput):
        read_article_bytes(str(big), limit=1 << 20)


def _parse_cost(text: str, markdown: bool) -> float:
    """CPU seconds of this process to read and split an article, the best of three: process time,
    not wall time, so other work on a loaded machine does not move the ratio."""
    import time

    from localize.translate import article_segments

    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        article = read_article("x.md" if markdown else "x.txt", data=text.encode("utf-8"))
        article_segments(article, "en")
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize("make,markdown", [
    (lambda n: "# Title" + " " * n + "word\n\nA paragraph of text.\n", True),
    (lambda n: "- item" + " " * n + "word\n\nA paragraph of text.\n", True),
    (lambda n: "> quote" + " " * n + "word\n\nA paragraph of text.\n", True),
    (lambda n: "Title" + " " * n + "word.\n\nA paragraph of text.\n", False),
    (lambda n: "A sentence of plain words. " * (n // 27) + "\n", False),
    (lambda n: "\n\n".join(["A short paragraph, said the minister. It ends here."] * (n // 52)) + "\n", False),
])
def test_reading_is_linear_on_pathological_inputs(make, markdown):
    """Ten times the input (20k then 200k characters of one shape) costs about ten times as much: a
    quadratic parser would cost a hundred times as much. The bound (30x) sits between the two on a
    log scale, so neither machine load nor a constant start-up cost can flip the verdict."""
    small, large = _parse_cost(make(20_000), markdown), _parse_cost(make(200_000), markdown)
    assert large < 30.0 * small + 0.05


def test_two_megabytes_of_text_are_read_and_split(tmp_path):
    from localize.translate import article_segments

    sentence = "The council decided on the budget for the coming year after a long debate. "
    text = "\n\n".join(sentence * 20 for i in range(1_400)) + "\n"
    assert len(text) > 2_000_000
    article = read_article("big.txt", data=text.encode("utf-8"))
    assert len(article_segments(article, "en")) == 28_000


def test_a_fifo_on_the_command_line_is_one_line_and_a_failure(tmp_path):
    import os

    from typer.testing import CliRunner

    from localize.cli import app

    fifo = tmp_path / "wire.txt"
    os.mkfifo(fifo)
    result = CliRunner().invoke(app, ["detect", str(fifo)])
    assert result.exit_code != 0
    assert f"{fifo}: is a FIFO, not an article file" in result.stderr
    assert "Traceback" not in result.output


def test_html_on_stdin_is_read_as_html():
    from typer.testing import CliRunner

    from localize.cli import app

    page = "<!DOCTYPE html><html><body><h1>Council backs new budget</h1><p>The council approved the budget on Monday after a long debate.</p></body></html>"
    result = CliRunner().invoke(app, ["detect", "--json", "-"], input=page)
    assert result.exit_code == 0, result.output
    import json

    blocks = json.loads(result.stdout)["articles"][0]["blocks"]
    assert [b["role"] for b in blocks] == ["headline", "body"] and "<p>" not in blocks[1]["text"]
