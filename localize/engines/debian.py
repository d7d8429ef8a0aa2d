"""Which Debian packages would add an Apertium pair: asked of apt at run time, never guessed.

Debian names Apertium pairs both with ISO 639-1 codes (apertium-en-es, older) and ISO 639-3
codes (apertium-eng-spa); a name built from the two codes of a request often does not exist
(there is no apertium-de-es), so we suggest only names that ``apt-cache pkgnames`` lists.
"""
from __future__ import annotations

import re
import shutil
import subprocess
from functools import lru_cache

APT_TIMEOUT_S = 10  # apt-cache reads local lists only; more than this means something is wrong


@lru_cache(maxsize=None)
def _apertium_package_names() -> tuple[str, ...]:
    if not shutil.which("apt-cache"):
        return ()
    try:
        proc = subprocess.run(["apt-cache", "pkgnames", "apertium-"], capture_output=True, text=True,
                              timeout=APT_TIMEOUT_S)
    except (OSError, subprocess.TimeoutExpired):
        return ()
    return tuple(sorted(proc.stdout.split()))


def apertium_packages(source: str, target: str) -> list[str]:
    """Debian packages whose Apertium pair joins ``source`` and ``target`` (base ISO 639-1 codes,
    either direction: one package holds both directions when the pair is bidirectional)."""
    from .apertium import _iso1

    wanted = {source.split("_")[0].split("@")[0], target.split("_")[0].split("@")[0]}
    found = []
    for name in _apertium_package_names():
        m = re.fullmatch(r"apertium-([a-z]{2,3})-([a-z]{2,3})", name)
        if m and {_iso1(m[1]), _iso1(m[2])} == wanted and len(wanted) == 2:
            found.append(name)
    # The ISO 639-3 names are the maintained packages; the two-letter ones are older or transitional.
    return sorted(found, key=lambda n: (len(n.split("-")[1]) != 3, n))


def install_hint(source: str, target: str) -> str:
    """How to add an engine for a pair: an Argos package, or Debian packages that exist."""
    base = [c.split("_")[0].split("@")[0] for c in (source, target)]
    argos = f"add one with `localize models install {base[0]} {base[1]}` (Argos)"
    packages = apertium_packages(source, target)
    if packages:
        return f"{argos} or `sudo apt-get install {packages[0]}` (Apertium)"
    if not _apertium_package_names():
        return f"{argos}, or an Apertium pair from your system's packages"
    return f"{argos}; Debian has no Apertium package for {base[0]}-{base[1]}"
