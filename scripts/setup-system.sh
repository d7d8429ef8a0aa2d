#!/usr/bin/env bash
# Installs the Debian packages localize needs (Apertium and its language pairs, GNU gettext for
# msgfmt; with --browser also chromium), only when some are missing; uses sudo when not root. Safe to run again.
set -euo pipefail
packages=(apertium apertium-eng-spa apertium-eng-cat apertium-spa-cat apertium-fra-cat
          apertium-por-cat apertium-es-pt gettext)
# --browser (make test): Debian's chromium as well, for the review page's browser tests (Playwright
# drives it; Playwright's own browser download is not used).
[ "${1:-}" = "--browser" ] && packages+=(chromium)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null; then
  echo "setup: apt-get not found; install these yourself: ${missing[*]}" >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "setup: installing ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
