"""Downloads and the package index against hostile servers on 127.0.0.1: only http(s), time and
size limits (partial files kept for resume), a cache that only good answers of the same URL fill."""
import http.server
import json
import threading
import time

import pytest
from typer.testing import CliRunner

from localize.cli import app

runner = CliRunner()
TRICKLE_DELAY_S = 0.05  # the hostile server's pace; the client's limits are set far below real ones


class Hostile:
    """Serves ``files``; paths in ``trickle`` get one byte per TRICKLE_DELAY_S (a bounded loop),
    paths in ``no_length`` are sent without Content-Length."""

    def __init__(self):
        self.files, self.trickle, self.no_length, self.ranges = {}, set(), set(), []
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *a):
                pass

            def do_GET(self):
                data = outer.files.get(self.path)
                if data is None:
                    self.send_response(404)
                    self.end_headers()
                    return
                rng = self.headers.get("Range")
                outer.ranges.append(rng)
                start = int(rng.split("=")[1].split("-")[0]) if rng else 0
                self.send_response(206 if rng else 200)
                if rng:
                    self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
                if self.path not in outer.no_length:
                    self.send_header("Content-Length", str(len(data) - start))
                self.end_headers()
                try:
                    if self.path in outer.trickle:
                        for i in range(start, len(data)):
                            self.wfile.write(data[i:i + 1])
                            self.wfile.flush()
                            time.sleep(TRICKLE_DELAY_S)
                    else:
                        self.wfile.write(data[start:])
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()


@pytest.fixture
def server():
    s = Hostile()
    yield s
    s.httpd.shutdown()
    s.httpd.server_close()


def test_only_http_links_are_followed(server, tmp_path):
    server.files["/index.json"] = json.dumps([{"from_code": "en", "to_code": "xx", "type": "translate",
                                               "links": ["file:///etc/passwd"]}]).encode()
    result = runner.invoke(app, ["models", "install", "en", "xx", "--index", server.url + "/index.json"])
    assert result.exit_code == 3 and "only http:// and https://" in result.stderr
    result = runner.invoke(app, ["models", "available", "--index", "file:///etc/passwd"])
    assert result.exit_code == 3 and "only http" in result.stderr


def test_a_trickling_server_is_cut_off_and_the_partial_file_resumed(server, tmp_path, monkeypatch):
    import localize.models as models

    monkeypatch.setattr(models, "STALL_WINDOW_S", 0.3)
    monkeypatch.setattr(models, "STALL_MIN_BYTES", 1000)
    data = bytes(range(256)) * 40
    server.files["/slow.bin"] = data
    server.trickle.add("/slow.bin")
    dest = tmp_path / "dl" / "slow.bin"
    with pytest.raises(models.DownloadFailed) as failed:
        models.download(server.url + "/slow.bin", dest, retries=1)
    assert "bytes kept" in failed.value.what and not dest.exists()
    [part] = list(dest.parent.glob("*.part"))
    kept = part.stat().st_size
    assert 0 < kept < len(data)
    server.trickle.clear()  # the server recovers: the next run resumes where the last stopped
    assert models.download(server.url + "/slow.bin", dest).read_bytes() == data
    assert server.ranges[-1] == f"bytes={kept}-"


def test_a_huge_index_is_refused_without_reading_it(server, tmp_path, monkeypatch):
    import localize.models as models

    monkeypatch.setattr(models, "MAX_INDEX_BYTES", 4096)
    server.files["/big.json"] = b"[" + b" " * 20000 + b"]"
    result = runner.invoke(app, ["models", "available", "--index", server.url + "/big.json"])
    assert result.exit_code == 1 and "20002 bytes (limit 4096)" in result.stderr, result.output
    server.no_length.add("/big.json")  # no Content-Length: cut while reading
    result = runner.invoke(app, ["models", "available", "--index", server.url + "/big.json"])
    assert result.exit_code == 1 and "over the limit of 4096 bytes" in result.stderr, result.output


def test_a_bad_answer_never_replaces_a_good_cache(server, tmp_path):
    good = [{"from_code": "en", "to_code": "xx", "type": "translate", "links": [server.url + "/p"]}]
    server.files["/index.json"] = json.dumps(good).encode()
    url = server.url + "/index.json"
    assert runner.invoke(app, ["models", "available", "--index", url]).exit_code == 0
    for bad in (b'{"not": "a list"}', b"[1, 2", b"null"):
        server.files["/index.json"] = bad
        doc = json.loads(runner.invoke(app, ["models", "available", "--index", url, "--json"]).stdout)
        assert doc["from_cache"] is True and [p["target"] for p in doc["packages"]] == ["xx"]


def test_the_cache_of_one_index_is_never_used_for_another(server, tmp_path):
    good = [{"from_code": "en", "to_code": "xx", "type": "translate", "links": [server.url + "/p"]}]
    server.files["/index.json"] = json.dumps(good).encode()
    assert runner.invoke(app, ["models", "available", "--index", server.url + "/index.json"]).exit_code == 0
    result = runner.invoke(app, ["models", "install", "en", "xx", "--index", server.url + "/404.json"])
    assert result.exit_code == 1 and "cannot read the package index" in result.stderr, result.output
    assert [l for l in result.stderr.splitlines() if l] == [result.stderr.strip()]
