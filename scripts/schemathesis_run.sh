#!/usr/bin/env bash
# A long schemathesis run against /api/v1/openapi.json: the same test as the normal suite
# (tests/api/test_schema_conformance.py: real Bearer token, another user's ids, no 5xx, answers
# matching the schema), with many more cases per operation and fresh random ones each time.
#
#   scripts/schemathesis_run.sh [CASES_PER_OPERATION]     (default 300)
#
# PYTHON picks the interpreter (default python3; e.g. PYTHON=/tmp/venv/bin/python), WORKERS the
# pytest-xdist processes (default 2). SQLite, or PostgreSQL when DATABASE_URL is set.
# Ends with the number of cases sent, summed from Hypothesis' statistics.
set -euo pipefail
cd "$(dirname "$0")/.."
export SCHEMATHESIS_MAX_EXAMPLES="${1:-300}"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
"${PYTHON:-python3}" -m pytest -q -p no:cacheprovider -n "${WORKERS:-2}" \
  --hypothesis-show-statistics tests/api/test_schema_conformance.py >"$log" 2>&1 || status=$?
# The failures (if any) and pytest's summary, then the count of cases sent.
grep -E '^_+ test_|^E  |^ *\| *(\[[0-9]{3}\]|curl|- )|passed|failed' "$log" | cut -c1-300 | tail -n 80
awk '/ passing, / { for (i = 2; i <= NF; i++) if ($i == "passing,") sent += $(i - 1) }
     END { printf "cases sent: %d (%s per operation at most)\n", sent, ENVIRON["SCHEMATHESIS_MAX_EXAMPLES"] }' "$log"
exit "$status"
