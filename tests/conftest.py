import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SEED = SAMPLES / "trump-japan-rare-earths.en.txt"
sys.path.insert(0, str(Path(__file__).parent))  # argos_factory


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch):
    """Every test gets its own $HOME and data dir: nothing may touch the real ones."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for var in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LOCALIZE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.chdir(tmp_path)
    yield home


def _have_apertium_pair(mode: str) -> bool:
    if not shutil.which("apertium"):
        return False
    out = subprocess.run(["apertium", "-l"], capture_output=True, text=True).stdout.split()
    return mode in out


def require_apertium(mode: str = "eng-spa"):
    """Skip where Apertium is missing, except in CI, where .ci/run installs it: there it must run."""
    present = _have_apertium_pair(mode)
    if not present and os.environ.get("CI"):
        raise RuntimeError(f"CI must have Apertium {mode}: .ci/run installs it")
    return pytest.mark.skipif(not present, reason=f"Apertium {mode} not installed (make setup installs it)")
