#!/usr/bin/env bash
# Builds fuzz/corpus/<target>/ for every fuzz target from the kernel fixtures
# (tests/fixtures/*.bin): whole files and single messages, in each target's input format.
# The corpus directories are git-ignored; this script is how they are made.
#
# Usage: fuzz/seed.sh [FIXTURES_DIR]      (from any directory; needs rustc)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
fixtures="${1:-$here/../tests/fixtures}"
corpus="$here/corpus"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

rustc --edition 2024 -O -o "$tmp/seed" "$here/seed.rs"
mkdir -p "$corpus"
"$tmp/seed" "$fixtures" "$corpus"
