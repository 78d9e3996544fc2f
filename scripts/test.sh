#!/usr/bin/env bash
# Runs everything CI runs: typecheck, lint, import-cycle check, then the whole jest suite (unit and
# integration). Checks Node.js, installs dependencies when needed and makes sure PostgreSQL and Redis
# answer first (scripts/services.sh). Extra arguments go to jest, e.g.
#   ./scripts/test.sh --selectProjects unit
#   ./scripts/test.sh test/auth.e2e-spec.ts
# Exits with the status of the first step that fails.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

SCRIPT_NAME='test'
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

require_node
install_dependencies

step "Making sure PostgreSQL and Redis answer"
# shellcheck source=scripts/services.sh
source scripts/services.sh

step "Typecheck"
npm run typecheck

step "Lint"
npm run lint

step "Import cycles"
npm run check:cycles

step "Tests"
status=0
npm test -- "$@" || status=$?
if ((status == 0)); then
  step "All checks passed"
else
  printf '\ntest: jest failed with status %s\n' "$status" >&2
fi
exit "$status"
