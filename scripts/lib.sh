# shellcheck shell=bash
# Shared by demo.sh and test.sh (sourced, not run). Set SCRIPT_NAME before sourcing.
if [[ -t 1 ]]; then bold=$'\033[1m' plain=$'\033[0m'; else bold='' plain=''; fi
step() { printf '\n%s==> %s%s\n' "$bold" "$*" "$plain"; }
die() {
  printf '%s: %s\n' "${SCRIPT_NAME:-script}" "$*" >&2
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

# npm ci when node_modules is missing or older than the lock file.
install_dependencies() {
  if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
    step "Installing dependencies (npm ci)"
    npm ci --no-audit --no-fund
  fi
}
