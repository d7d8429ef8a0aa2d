"""Language variants as targets of their own: Valencian through Apertium's Valencian modes."""
import shutil
import subprocess

import pytest

import polib
from typer.testing import CliRunner

from conftest import require_apertium
from localize.cli import app
from localize.engines.debian import apertium_packages, install_hint

runner = CliRunner()

# Written for this test: Valencian writes "eixir" where central Catalan writes "sortir", and a
# present subjunctive in -e ("vingues") where central Catalan has -i ("vinguis") (AVL grammar).
ARTICLE = ("Los vecinos tienen que salir de casa antes de las diez.\n\n"
           "El alcalde quiere que vengas a la reunión del martes.\n")


def po(lang):
    return polib.pofile(f"locales/{lang}/LC_MESSAGES/barrio.po")


@require_apertium("spa-cat_valencia")
def test_valencian_has_its_own_memory_that_differs_from_catalan(tmp_path):
    (tmp_path / "barrio.es.txt").write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["translate", "barrio.es.txt", "--from", "es", "--to", "ca,ca-valencia"])
    assert result.exit_code == 0, result.output
    catalan, valencian = po("ca"), po("ca@valencia")
    assert catalan.metadata["Language"] == "ca" and valencian.metadata["Language"] == "ca@valencia"
    assert [e.msgid for e in catalan] == [e.msgid for e in valencian]
    ca_text, va_text = " ".join(e.msgstr for e in catalan), " ".join(e.msgstr for e in valencian)
    assert "sortir" in ca_text and "eixir" in va_text and "sortir" not in va_text
    assert any("spa-cat_valencia" in e.comment for e in valencian)
    assert subprocess.run(["msgfmt", "-c", "-o", "/dev/null", f"locales/ca@valencia/LC_MESSAGES/barrio.po"]
                          ).returncode == 0


@require_apertium("spa-cat_valencia")
def test_gettext_spelling_is_the_same_target():
    result = runner.invoke(app, ["models", "list", "--json"])
    assert result.exit_code == 0
    assert '"target": "ca@valencia"' in result.stdout and '"name": "spa-cat_valencia"' in result.stdout
    assert '"name": "spa-cat_iec2017"' not in result.stdout  # a spelling standard, not a variant


def test_a_code_that_is_no_language_is_refused_on_the_command_line(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["translate", "a.txt", "--to", "../es"])
    assert result.exit_code == 2 and "is not a language code" in result.output


@pytest.mark.skipif(not shutil.which("apt-cache"), reason="no apt here to ask (Debian-only check)")
def test_install_suggestions_name_only_packages_debian_has():
    listed = subprocess.run(["apt-cache", "pkgnames", "apertium-"], capture_output=True, text=True).stdout.split()
    for pair in (("de", "es"), ("en", "es"), ("es", "ca@valencia"), ("fr", "ja")):
        for name in apertium_packages(*pair):
            assert name in listed
    assert "apertium-de-es" not in install_hint("de", "es")


def test_a_regional_variant_takes_its_languages_plural_rule(tmp_path):
    from localize.memory import Catalog
    from localize.pofile import PLURAL_FORMS, write_catalog

    write_catalog(tmp_path / "a.po", Catalog("a", "en", "fr_CA"))
    assert polib.pofile(str(tmp_path / "a.po")).metadata["Plural-Forms"] == PLURAL_FORMS["fr"]
