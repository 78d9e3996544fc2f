#!/usr/bin/env bash
# Runs the README's "Try it" walk-through as written, top to bottom, against the demo, and checks
# that it went as the README says: every refusal is one the README announces, and the ranking, the
# books and the audit chain check out at the end. Keeps the README honest when the API changes.
#
#   ./scripts/demo.sh               # in one terminal (a fresh demo: npm run cli -- reset-demo first
#   ./scripts/try-readme.sh         #   if it has been walked through already), this in another
#
# Exits 1 and prints the walk-through's output when something went otherwise.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

for tool in curl jq; do
  command -v "$tool" >/dev/null || { echo "try-readme: $tool is needed" >&2; exit 2; }
done
curl -sf "${API:-http://localhost:3000/api}/health" >/dev/null || {
  echo "try-readme: the demo does not answer on ${API:-http://localhost:3000/api}; start ./scripts/demo.sh" >&2
  exit 2
}

walk=$(mktemp)
out=$(mktemp)
trap 'rm -f "$walk" "$out"' EXIT
# The shell blocks of the section, in order.
awk '/^## Try it/ { on = 1; next } /^## / { on = 0 } on' README.md |
  awk '/^```sh$/ { code = 1; next } /^```$/ { code = 0; next } code' >"$walk"

bash "$walk" >"$out" 2>&1 || true

problems=()
# Each refusal (curl's error line) must be followed by the code of one the README announces.
while IFS= read -r code; do
  case $code in
  APPLICATION.NOT_DRAFT | APPLICATION.SCREENING_REASON_REQUIRED | AWARD.FOUR_EYES | IDEMPOTENCY.KEY_REUSED) ;;
  *) problems+=("an unexpected refusal: ${code:-no error code}") ;;
  esac
done < <(grep -A1 '^curl: (' "$out" | grep -v '^curl: (\|^--$' | jq -r '.code // empty' 2>/dev/null || true)
expect() { grep -q -- "$1" "$out" || problems+=("$2"); }
expect '"status":"confirmed"' 'the address was not confirmed'
expect '"reference":"SU-TUP-2026-0001"' 'the application did not get its reference'
expect 'advance; ' 'the round has no results'
expect 'The published outcome matches the recomputation.' 'the recomputation did not match'
expect '"consistent":true' 'the budget report does not agree with the ledger'
expect '"valid":true' 'the audit chain did not verify'
if grep -q 'gave up after\|parse error\|command not found' "$out"; then problems+=("a step failed: $(grep -m1 'gave up after\|parse error\|command not found' "$out")"); fi

if ((${#problems[@]})); then
  cat "$out"
  printf '\ntry-readme: %s\n' "${problems[@]}" >&2
  exit 1
fi
echo "try-readme: the walk-through ran as the README says ($(wc -l <"$walk") lines of shell, $(grep -c '^curl: (' "$out") refusals, all announced)"
