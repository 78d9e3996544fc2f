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

# npm ci when node_modules is missing or older than the lock file. Some registry mirrors carry only
# the optional native binaries of this platform, so npm writes a lock file without the other
# platforms' entries, which npm 11's `npm ci` then refuses as out of sync. In that case the same
# lock file is installed with `npm install` (locked versions are kept).
install_dependencies() {
  if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
    step "Installing dependencies (npm ci)"
    local log
    log=$(mktemp)
    if ! npm ci --no-audit --no-fund >"$log" 2>&1; then
      if grep -q 'Missing: .* from lock file' "$log"; then
        echo "npm ci: the lock file lacks other platforms' optional binaries; installing it with npm install"
        npm install --no-audit --no-fund
      else
        cat "$log" >&2
        rm -f "$log"
        die "npm ci failed"
      fi
    fi
    rm -f "$log"
  fi
}
