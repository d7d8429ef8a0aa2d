"""localize models: an index and packages served from 127.0.0.1 inside the test, malicious zips."""
import http.server
import json
import threading
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argos_factory import build_package_dir, zip_package
from localize.cli import app

runner = CliRunner()


class Server:
    """A tiny HTTP server on 127.0.0.1 serving bytes by path; can drop a connection half way."""

    def __init__(self):
        self.files: dict[str, bytes] = {}
        self.drop_once: set[str] = set()
        self.requests: list[tuple[str, str]] = []
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *a):
                pass

            def do_GET(self):
                outer.requests.append((self.path, self.headers.get("Range", "")))
                data = outer.files.get(self.path)
                if data is None:
                    self.send_response(404)
                    self.end_headers()
                    return
                start = 0
                rng = self.headers.get("Range")
                if rng:
                    start = int(rng.split("=")[1].split("-")[0])
                    self.send_response(206)
                    self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
                else:
                    self.send_response(200)
                self.send_header("Content-Length", str(len(data) - start))
                self.end_headers()
                body = data[start:]
                if self.path in outer.drop_once:
                    outer.drop_once.discard(self.path)
                    self.wfile.write(body[: len(body) // 2])
                    self.wfile.flush()
                    self.connection.shutdown(2)  # the connection drops half way
                    return
                self.wfile.write(body)

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    s = Server()
    yield s
    s.close()


def package_bytes(tmp_path, source, target, seed=0, version="1.0"):
    folder = build_package_dir(tmp_path / f"build-{source}-{target}-{seed}" / f"translate-{source}_{target}",
                               source, target, seed=seed, version=version)
    return zip_package(folder, tmp_path / f"{source}_{target}.argosmodel").read_bytes()


def publish(server, tmp_path, pairs):
    index = []
    for s, t in pairs:
        data = package_bytes(tmp_path, s, t)
        path = f"/pkgs/translate-{s}_{t}.argosmodel"
        server.files[path] = data
        index.append({"from_code": s, "to_code": t, "package_version": "1.0", "name": f"{s}-{t}",
                      "type": "translate", "links": [server.url + path], "size": len(data)})
    server.files["/index.json"] = json.dumps(index).encode()
    return server.url + "/index.json"


def installed(tmp_path):
    doc = json.loads(runner.invoke(app, ["models", "list", "--json"]).stdout)
    return sorted((p["source"], p["target"]) for p in doc["pairs"] if p["engine"] == "argos")


def test_available_lists_the_index_and_falls_back_to_the_cache(server, tmp_path):
    url = publish(server, tmp_path, [("en", "xx"), ("xx", "en")])
    doc = json.loads(runner.invoke(app, ["models", "available", "--index", url, "--json"]).stdout)
    assert sorted((p["source"], p["target"]) for p in doc["packages"]) == [("en", "xx"), ("xx", "en")]
    assert doc["from_cache"] is False
    server.close()  # offline now
    result = runner.invoke(app, ["models", "available", "--index", url, "--json"])
    doc = json.loads(result.stdout)
    assert doc["from_cache"] is True and doc["age_seconds"] >= 0 and len(doc["packages"]) == 2


def test_install_from_the_index_then_translate_with_it(server, tmp_path):
    url = publish(server, tmp_path, [("en", "xx")])
    result = runner.invoke(app, ["models", "install", "en", "xx", "--index", url])
    assert result.exit_code == 0, result.output
    assert installed(tmp_path) == [("en", "xx")]
    art = tmp_path / "s.en.txt"
    art.write_text("The council approved the budget on Monday.\n")
    result = runner.invoke(app, ["translate", str(art), "--to", "xx", "--from", "en", "--engine", "argos"])
    assert result.exit_code == 0, result.output
    assert "translated by: argos en-xx" in Path("locales/xx/LC_MESSAGES/s.po").read_text()


def test_a_dropped_connection_is_resumed(server, tmp_path):
    url = publish(server, tmp_path, [("en", "xx")])
    server.drop_once.add("/pkgs/translate-en_xx.argosmodel")
    result = runner.invoke(app, ["models", "install", "en", "xx", "--index", url])
    assert result.exit_code == 0, result.output
    ranges = [r for p, r in server.requests if p.endswith(".argosmodel")]
    assert ranges[0] == "" and ranges[1].startswith("bytes=") and ranges[1] != "bytes=0-"
    assert installed(tmp_path) == [("en", "xx")]


def test_install_from_a_file_and_from_a_url_and_remove(server, tmp_path):
    f = tmp_path / "pkg.argosmodel"
    f.write_bytes(package_bytes(tmp_path, "fr", "en"))
    assert runner.invoke(app, ["models", "install", str(f)]).exit_code == 0
    server.files["/direct.argosmodel"] = package_bytes(tmp_path, "en", "xx")
    assert runner.invoke(app, ["models", "install", server.url + "/direct.argosmodel"]).exit_code == 0
    assert installed(tmp_path) == [("en", "xx"), ("fr", "en")]
    assert runner.invoke(app, ["models", "remove", "fr", "en"]).exit_code == 0
    assert installed(tmp_path) == [("en", "xx")]
    result = runner.invoke(app, ["models", "remove", "fr", "en"])
    assert result.exit_code == 3 and "no Argos package for fr-en" in result.stderr


def test_pivot_installs_both_halves(server, tmp_path):
    url = publish(server, tmp_path, [("fr", "en"), ("en", "xx")])
    result = runner.invoke(app, ["models", "install", "fr", "xx", "--pivot", "--index", url])
    assert result.exit_code == 0, result.output
    assert installed(tmp_path) == [("en", "xx"), ("fr", "en")]


def test_a_missing_pair_lists_what_the_index_has(server, tmp_path):
    url = publish(server, tmp_path, [("en", "xx")])
    result = runner.invoke(app, ["models", "install", "de", "xx", "--index", url])
    assert result.exit_code == 3 and "no de-xx package" in result.stderr and "en-xx" in result.stderr


def evil_zip(tmp_path, name, entries, symlink=None):
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for arc, data in entries.items():
            zf.writestr(arc, data)
        if symlink:
            info = zipfile.ZipInfo(symlink[0])
            info.external_attr = (0o120777 << 16)
            zf.writestr(info, symlink[1])
    return path


def good_entries(tmp_path):
    folder = build_package_dir(tmp_path / "good" / "translate-en_xx", "en", "xx")
    return {f"translate-en_xx/{f.relative_to(folder)}": f.read_bytes() for f in folder.rglob("*") if f.is_file()}


@pytest.mark.parametrize("case,message", [
    ("dotdot", "escapes its folder"), ("absolute", "escapes its folder"), ("symlink", "symbolic link"),
    ("bomb", "zip bomb"), ("no-metadata", "no metadata.json"), ("bad-metadata", "metadata.json"),
    ("no-model", "no model/model.bin"), ("no-tokenizer", "no sentencepiece.model"),
    ("not-a-zip", "not a zip"), ("broken-model", "does not load"),
])
def test_unsafe_or_broken_packages_are_refused_leaving_nothing(tmp_path, case, message, monkeypatch):
    entries = good_entries(tmp_path)
    symlink = None
    if case == "dotdot":
        entries["translate-en_xx/../../evil.txt"] = b"x"
    elif case == "absolute":
        entries["/tmp/evil.txt"] = b"x"
    elif case == "symlink":
        symlink = ("translate-en_xx/link", "/etc/passwd")
    elif case == "bomb":
        entries["translate-en_xx/zeros.bin"] = b"\0" * (3 * 2**20)
        monkeypatch.setattr("localize.models.MAX_UNPACKED", 2 * 2**20)
    elif case == "no-metadata":
        del entries["translate-en_xx/metadata.json"]
    elif case == "bad-metadata":
        entries["translate-en_xx/metadata.json"] = b"{not json"
    elif case == "no-model":
        entries = {k: v for k, v in entries.items() if "/model/" not in k}
    elif case == "no-tokenizer":
        del entries["translate-en_xx/sentencepiece.model"]
    elif case == "broken-model":
        entries["translate-en_xx/model/model.bin"] = b"garbage"
    path = tmp_path / "evil.argosmodel"
    if case == "not-a-zip":
        path.write_bytes(b"this is not a zip")
    else:
        path = evil_zip(tmp_path, "evil.argosmodel", entries, symlink)
    result = runner.invoke(app, ["models", "install", str(path)])
    assert result.exit_code != 0 and message in result.stderr, result.output
    assert len(result.stderr.strip().splitlines()) == 1
    packages = Path(tmp_path / "data" / "argos" / "packages")
    assert not packages.exists() or list(packages.iterdir()) == []  # nothing left behind
    assert not (tmp_path / "evil.txt").exists()


def test_a_package_for_another_pair_is_refused(server, tmp_path):
    data = package_bytes(tmp_path, "en", "yy")
    server.files["/pkgs/translate-en_xx.argosmodel"] = data
    server.files["/index.json"] = json.dumps([{"from_code": "en", "to_code": "xx", "package_version": "1",
                                               "links": [server.url + "/pkgs/translate-en_xx.argosmodel"]}]).encode()
    result = runner.invoke(app, ["models", "install", "en", "xx", "--index", server.url + "/index.json"])
    assert result.exit_code == 7 and "en-yy package, not en-xx" in result.stderr


def test_a_failed_upgrade_keeps_the_previous_package(tmp_path):
    good = tmp_path / "good.argosmodel"
    good.write_bytes(package_bytes(tmp_path, "en", "xx", version="1.0"))
    assert runner.invoke(app, ["models", "install", str(good)]).exit_code == 0
    entries = good_entries(tmp_path)
    entries["translate-en_xx/model/model.bin"] = b"garbage"
    bad = evil_zip(tmp_path, "bad.argosmodel", entries)
    assert runner.invoke(app, ["models", "install", str(bad)]).exit_code == 7
    doc = json.loads(runner.invoke(app, ["models", "list", "--json"]).stdout)
    assert [(p["source"], p["target"], p["version"]) for p in doc["pairs"] if p["engine"] == "argos"] == [("en", "xx", "1.0")]


def test_interrupted_install_restores_the_previous_package(tmp_path, monkeypatch):
    """Ctrl-C between moving the old package aside and moving the new one in."""
    import localize.models as models

    good = tmp_path / "good.argosmodel"
    good.write_bytes(package_bytes(tmp_path, "en", "xx"))
    assert runner.invoke(app, ["models", "install", str(good)]).exit_code == 0
    real_rename = Path.rename

    def interrupted(self, target):
        if self.name.startswith("translate-") and ".installing-" in str(self):
            raise KeyboardInterrupt
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", interrupted)
    from localize.settings import Settings

    with pytest.raises(KeyboardInterrupt):
        models.install_archive(good, Settings())
    monkeypatch.setattr(Path, "rename", real_rename)
    assert installed(tmp_path) == [("en", "xx")]
    assert [p.name for p in (tmp_path / "data" / "argos" / "packages").iterdir()] == ["translate-en_xx"]


def _package_with_meta(tmp_path, name, **meta_changes):
    """A real package whose metadata.json is then rewritten with hostile values."""
    folder = build_package_dir(tmp_path / name / "translate-en_xx", "en", "xx")
    meta = json.loads((folder / "metadata.json").read_text())
    meta.update(meta_changes)
    (folder / "metadata.json").write_text(json.dumps(meta))
    return zip_package(folder, tmp_path / f"{name}.argosmodel")


def test_a_package_whose_codes_name_a_path_outside_is_refused_and_nothing_outside_changes(tmp_path):
    good = tmp_path / "good.argosmodel"
    good.write_bytes(package_bytes(tmp_path, "en", "xx"))
    assert runner.invoke(app, ["models", "install", str(good)]).exit_code == 0
    # The victim sits where "translate-en_xx/../../.." walks to from the packages folder.
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "precious.txt").write_text("keep me")
    packages = tmp_path / "data" / "argos" / "packages"
    depth = len(packages.relative_to(tmp_path).parts)
    evil = _package_with_meta(tmp_path, "evil", to_code="xx/" + "../" * depth + "victim")
    result = runner.invoke(app, ["models", "install", str(evil)])
    assert result.exit_code == 7 and "not a language code" in result.stderr, result.output
    assert (victim / "precious.txt").read_text() == "keep me" and sorted(p.name for p in victim.iterdir()) == ["precious.txt"]
    assert not (tmp_path / "data" / "argos" / "victim").exists()
    assert sorted(p.name for p in packages.iterdir()) == ["translate-en_xx"]
    # The exact value, 12 levels up to /tmp/victim: refused as well.
    evil12 = _package_with_meta(tmp_path, "evil12", to_code="xx/" + "../" * 12 + "tmp/victim")
    result = runner.invoke(app, ["models", "install", str(evil12)])
    assert result.exit_code == 7 and "not a language code" in result.stderr
    assert sorted(p.name for p in packages.iterdir()) == ["translate-en_xx"]


@pytest.mark.parametrize("field,value", [("from_code", 1), ("from_code", ["en"]), ("to_code", {"a": 1}),
                                         ("to_code", "x.y"), ("to_code", "..")])
def test_language_codes_in_metadata_must_be_code_strings(tmp_path, field, value):
    evil = _package_with_meta(tmp_path, "odd", **{field: value})
    result = runner.invoke(app, ["models", "install", str(evil)])
    assert result.exit_code == 7 and f"{field}" in result.stderr and "Traceback" not in result.output
    packages = tmp_path / "data" / "argos" / "packages"
    assert not packages.exists() or list(packages.iterdir()) == []


def test_remove_takes_a_folder_name_for_a_package_with_broken_metadata(tmp_path):
    packages = tmp_path / "data" / "argos" / "packages"
    odd = packages / "translate-['en']_{'a': 1}"
    odd.mkdir(parents=True)
    (odd / "metadata.json").write_text(json.dumps({"from_code": ["en"], "to_code": {"a": 1}}))
    result = runner.invoke(app, ["models", "remove", odd.name])
    assert result.exit_code == 0, result.output
    assert list(packages.iterdir()) == []
    result = runner.invoke(app, ["models", "remove", "../../x"])
    assert result.exit_code == 3


def test_folder_names_are_proven_inside_the_packages_folder(tmp_path):
    """Second line of defence behind the code pattern: any name that leaves the root is refused."""
    from localize.errors import ModelInvalid
    from localize.models import _child_of

    root = tmp_path / "packages"
    root.mkdir()
    (tmp_path / "elsewhere").mkdir()
    (root / "link").symlink_to(tmp_path / "elsewhere")
    assert _child_of(root, "translate-en_xx", "t") == root / "translate-en_xx"
    for name in ("../x", "a/../../x", "/tmp/x", "link", "a/b"):
        with pytest.raises(ModelInvalid):
            _child_of(root, name, "t")
