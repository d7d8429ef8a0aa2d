"""Language codes: BCP-47 and gettext spellings name the same Language (contract 4)."""
import pytest
from hypothesis import given, strategies as st

from localize.errors import BadInput
from localize.languages import Language, language_code, parse_language, same_language


@pytest.mark.parametrize("text, gettext, bcp47, base", [
    ("es", "es", "es", "es"),
    ("ES", "es", "es", "es"),
    ("ca-valencia", "ca@valencia", "ca-valencia", "ca"),
    ("ca@valencia", "ca@valencia", "ca-valencia", "ca"),
    ("ca_ES@valencia", "ca_ES@valencia", "ca-ES-valencia", "ca"),
    ("pt-BR", "pt_BR", "pt-BR", "pt"),
    ("pt_br", "pt_BR", "pt-BR", "pt"),
    ("en_US", "en_US", "en-US", "en"),
    ("sr@latin", "sr@latin", "sr-Latn", "sr"),
    ("sr-Latn", "sr@latin", "sr-Latn", "sr"),
    ("ast", "ast", "ast", "ast"),
])
def test_both_spellings_parse_to_one_language(text, gettext, bcp47, base):
    lang = parse_language(text)
    assert (lang.gettext, lang.bcp47, lang.base) == (gettext, bcp47, base)
    assert parse_language(lang.bcp47) == lang == parse_language(lang.gettext)


@pytest.mark.parametrize("text", ["", "e", "english", "../es", "es/../../x", "es.po", "ca@", "pt-BR-",
                                  "es es", "ca@valencia/x", "123"])
def test_anything_else_is_refused_with_one_line(text):
    with pytest.raises(BadInput) as caught:
        parse_language(text)
    assert "is not a language code" in caught.value.line()


def test_variants_keep_their_base_language():
    assert parse_language("ca@valencia").is_variant and not parse_language("ca").is_variant
    assert same_language("ca@valencia", "ca") and not same_language("ca", "es")
    assert language_code("ca-valencia") == "ca@valencia"


@given(st.text(max_size=12))
def test_no_accepted_code_can_name_a_path(text):
    try:
        lang = parse_language(text)
    except BadInput:
        return
    for name in (lang.gettext, lang.bcp47):
        assert "/" not in name and "\\" not in name and "." not in name and name.strip() == name
    assert isinstance(lang, Language)
