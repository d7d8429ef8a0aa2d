#!/usr/bin/env bash
# Brings the public corpora the benchmarks read (nothing in the test suite needs them) as bare git
# clones into the layout the benchmarks expect: $MIRROR/OWNER+NAME/repo (default /work/.mirror, the
# same as UD_MIRROR / TRANSLATIONESE_MIRROR). Already present ones are skipped. Safe to run again.
# Licences: see each benchmark's section in BENCHMARKS.md. Needs network access to github.com.
set -euo pipefail
MIRROR=${MIRROR:-${UD_MIRROR:-/work/.mirror}}
repos=(
  devonzuegel/fiesta                       # WMT newstest2012/2013 en-es: checks, names, mixed, detect
  Softcatala/nmt-models                    # FLORES-200 devtest ca/fr/es: mixed, checks --split flores
  wmt-conference/wmt21-news-systems        # translationese corpus
  wmt-conference/wmt22-news-systems        # translationese corpus, exchange
  wmt-conference/wmt23-news-systems        # translationese corpus
)
for tb in English-EWT English-GUM English-PUD Spanish-GSD Spanish-AnCora Catalan-AnCora French-GSD \
          Galician-CTG Galician-TreeGal Portuguese-Bosque Portuguese-GSD German-GSD Italian-ISDT \
          Basque-BDT Dutch-Alpino Russian-GSD Arabic-PUD Japanese-GSD Chinese-GSD French-Sequoia; do
  repos+=("UniversalDependencies/UD_$tb")      # segmentation, detection (and its n-gram tables), glossary, exchange
done
for repo in "${repos[@]}"; do
  into="$MIRROR/${repo/\//+}/repo"
  if [ -d "$into" ]; then echo "have $repo"; continue; fi
  mkdir -p "$(dirname "$into")"
  echo "fetching $repo" >&2
  git clone -q --bare "https://github.com/$repo" "$into"
done
