#!/usr/bin/env bash
# Runs everything CI runs: typecheck, lint, import-cycle check, then the whole jest suite (unit and
# integration). Checks Node.js, installs dependencies when needed and makes sure PostgreSQL and Redis
# answer first (scripts/services.sh). Extra arguments go to jest, e.g.
#   ./scripts/test.sh --selectProjects unit
#   ./scripts/test.sh test/auth.e2e-spec.ts
# Exits with the status of the first step that fails.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [[ -t 1 ]]; then bold=$'\033[1m' plain=$'\033[0m'; else bold='' plain=''; fi
step() { printf '\n%s==> %s%s\n' "$bold" "$*" "$plain"; }
die() {
  printf 'test: %s\n' "$*" >&2
  exit 1
}

require_node() {
  command -v node >/dev/null 2>&1 ||
    die "Node.js 20 or newer is needed, but 'node' is not on PATH. Install it from https://nodejs.org/ (or: nvm install 20)."
  command -v npm >/dev/null 2>&1 || die "npm is needed, but 'npm' is not on PATH (it ships with Node.js)."
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  if ! [[ $major =~ ^[0-9]+$ ]] || ((major < 20)); then
    die "Node.js 20 or newer is needed; found $(node -v). Install a newer one (nvm install 20)."
  fi
}

install_dependencies() {
  if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
    step "Installing dependencies (npm ci)"
    npm ci --no-audit --no-fund
  fi
}

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
