#!/usr/bin/env bash
# Runs everything CI runs: typecheck, formatting, lint, import-cycle check, the module layering check
# (dependency-cruiser), the whole jest suite (unit and integration, with the browser tests in
# test/browser on Debian's Chromium, installed with apt-get when missing) on Node.js 24 LTS, then the fault
# suite (test/faults: PostgreSQL and Redis of its own, stopped and crashed during bursts of writes,
# worker processes killed; about a minute). Checks Node.js,
# installs dependencies when needed and makes sure PostgreSQL and Redis answer first
# (scripts/services.sh). When the node on PATH is older than 24 (this machine's is 20), the unit
# project runs once on it, so it keeps working, and everything then runs on Node.js 24 fetched from
# the npm registry into .tools/ (scripts/lib.sh). Extra arguments go to jest and skip the fault suite, e.g.
#   ./scripts/test.sh --selectProjects unit
#   ./scripts/test.sh test/auth.e2e-spec.ts
# The fault suite alone: npx jest -c test/faults/jest.config.ts
# Exits with the status of the first step that fails.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

SCRIPT_NAME='test'
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

require_node
install_dependencies

ensure_chromium

step "Making sure PostgreSQL and Redis answer"
# shellcheck source=scripts/services.sh
source scripts/services.sh

if (($# == 0 && $(node_major) < NODE_SUPPORTED_MAJOR)); then
  step "Unit tests on the machine's Node.js $(node -v)"
  npx jest --selectProjects unit
fi
ensure_supported_node

step "Typecheck"
npm run typecheck

step "Formatting (Prettier)"
npm run format:check

step "Lint"
npm run lint

step "Import cycles"
npm run check:cycles

step "Module layering (dependency-cruiser)"
npm run check:deps

step "Tests"
status=0
npm test -- "$@" || status=$?
# Its own step, after the main suite: it needs redis-server and the PostgreSQL server binaries
# (initdb, postgres; PG_BIN_DIR if they are not under /usr/lib/postgresql), not the shared services.
if ((status == 0 && $# == 0)); then
  step "Fault suite (own PostgreSQL and Redis stopped and crashed, worker killed)"
  npx jest -c test/faults/jest.config.ts || status=$?
fi
if ((status == 0)); then
  step "All checks passed"
else
  printf '\ntest: jest failed with status %s\n' "$status" >&2
fi
exit "$status"
