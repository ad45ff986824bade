#!/usr/bin/env bash
# Runs a command with the clock moved to a New York wall time, to check that the tests pass whenever
# CI happens to run (open, pre-market, early close, holiday, midnight, first of the month...):
#   scripts/at-new-york-time.sh '2026-12-07 09:31' npx vitest run
#   TITM_E2E_PORT=47911 scripts/at-new-york-time.sh '2026-11-27 12:59:55' npx playwright test
# Debian's faketime moves the clock by an offset, so every process started under it (test runner,
# web servers, Chromium) shares one running clock; the app itself knows nothing of it.
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 'YYYY-MM-DD HH:MM[:SS]' (New York) command..." >&2
  exit 2
fi
command -v faketime >/dev/null || { echo "faketime is missing: apt-get install faketime" >&2; exit 2; }
target=$(TZ=America/New_York date -d "$1" +%s)
shift
offset=$((target - $(date +%s)))
[ "$offset" -ge 0 ] && offset="+$offset"
exec faketime -f "${offset}s" "$@"
