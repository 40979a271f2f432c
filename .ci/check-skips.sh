#!/usr/bin/env bash
# Fails when a test suite skipped a test for a reason the installer could remove. ctest reports a
# suite that QSKIPs as passed and --output-on-failure prints nothing of it, so a missing tool
# (poppler-utils once) silently turned checks off. Every suite writes its log to
# BUILD_DIR/test-logs/ (tests/CMakeLists.txt); this reads the SKIP lines there.
# Allowed: skips a developer opts into ("set PLUMBLINE_... to ...", e.g. saving screenshots).
# Usage: .ci/check-skips.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
logs="${1:-build}/test-logs"
shopt -s nullglob
files=("$logs"/*.txt)
[[ ${#files[@]} -gt 0 ]] || { echo "check-skips: no suite logs in $logs; run the tests first" >&2; exit 2; }

skipped=0 allowed=0
for log in "${files[@]}"; do
  while IFS= read -r line; do
    if [[ "$line" =~ ^SKIP[[:space:]]+:[^\)]*\)[[:space:]]+set\ PLUMBLINE_ ]]; then
      allowed=$((allowed + 1))
    else
      echo "check-skips: $(basename "$log" .txt): ${line#SKIP   : }"
      skipped=$((skipped + 1))
    fi
  done < <(grep -E '^SKIP' "$log" || true)
done
echo "check-skips: ${#files[@]} suite logs, $skipped skipped test(s), $allowed opt-in skip(s)"
[[ $skipped -eq 0 ]]
