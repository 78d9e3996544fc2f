# shellcheck shell=bash
# Shared by demo.sh and test.sh (sourced, not run). Set SCRIPT_NAME before sourcing.
if [[ -t 1 ]]; then bold=$'\033[1m' plain=$'\033[0m'; else bold='' plain=''; fi
step() { printf '\n%s==> %s%s\n' "$bold" "$*" "$plain"; }
die() {
  printf '%s: %s\n' "${SCRIPT_NAME:-script}" "$*" >&2
  exit 1
}

# The supported runtime is Node.js 24 LTS; 20.19+ still works for development (Node 20 is past its
# end of life, so it only gets a warning).
NODE_SUPPORTED_MAJOR=24
# Exact version fetched by ensure_supported_node (the official binary, published on the npm registry).
NODE_PINNED_VERSION=24.22.3

node_major() { node -p 'process.versions.node.split(".")[0]'; }

require_node() {
  command -v node >/dev/null 2>&1 ||
    die "Node.js $NODE_SUPPORTED_MAJOR is needed, but 'node' is not on PATH. Install it from https://nodejs.org/ (or: nvm install $NODE_SUPPORTED_MAJOR)."
  command -v npm >/dev/null 2>&1 || die "npm is needed, but 'npm' is not on PATH (it ships with Node.js)."
  local major
  major=$(node_major)
  if ! [[ $major =~ ^[0-9]+$ ]] || ((major < 20)); then
    die "Node.js $NODE_SUPPORTED_MAJOR is needed (20.19 or newer still works); found $(node -v). Install a newer one (nvm install $NODE_SUPPORTED_MAJOR)."
  fi
  if ((major < NODE_SUPPORTED_MAJOR)); then
    printf '%s: warning: Node.js %s is past its end of life; the supported runtime is Node.js %s LTS (it still works for development)\n' \
      "${SCRIPT_NAME:-script}" "$(node -v)" "$NODE_SUPPORTED_MAJOR" >&2
  fi
}

# Puts Node.js $NODE_PINNED_VERSION first on PATH when the node on PATH is older than the supported
# major. The binary comes from the npm registry (package node-<os>-<arch>, the official build), is
# kept in .tools/ (ignored by git) and is checked with `node --version` before use.
ensure_supported_node() {
  if (($(node_major) >= NODE_SUPPORTED_MAJOR)); then return 0; fi
  local os arch dir
  os=$(node -p 'process.platform')
  arch=$(node -p 'process.arch')
  dir="$PWD/.tools/node-v$NODE_PINNED_VERSION-$os-$arch"
  if [[ ! -x $dir/bin/node || $("$dir/bin/node" --version 2>/dev/null) != "v$NODE_PINNED_VERSION" ]]; then
    step "Fetching Node.js $NODE_PINNED_VERSION from the npm registry (node-$os-$arch; the node on PATH is $(node -v))"
    local tmp
    tmp=$(mktemp -d)
    npm pack --silent --pack-destination "$tmp" "node-$os-$arch@$NODE_PINNED_VERSION" >/dev/null ||
      die "could not fetch node-$os-$arch@$NODE_PINNED_VERSION from the npm registry"
    rm -rf "$dir"
    mkdir -p "$dir"
    tar -xzf "$tmp"/node-*.tgz -C "$dir" --strip-components=1 package/bin/node package/LICENSE
    rm -rf "$tmp"
  fi
  local version
  version=$("$dir/bin/node" --version 2>/dev/null) || true
  [[ $version == "v$NODE_PINNED_VERSION" ]] || die "$dir/bin/node says '$version', expected v$NODE_PINNED_VERSION"
  export PATH="$dir/bin:$PATH"
  echo "Using Node.js $version from $dir"
}

# npm ci when node_modules is missing or older than the lock file. The lock file is complete (every
# platform's optional native binaries), so `npm ci` never rewrites it and a clone stays clean.
install_dependencies() {
  if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
    step "Installing dependencies (npm ci)"
    npm ci --no-audit --no-fund || die "npm ci failed (if it says the lock file is out of sync, run 'npm install' and commit package-lock.json)"
  fi
}

# The browser tests (test/browser) drive Debian's Chromium through playwright-core; no browser is
# ever downloaded by Playwright. Installs the `chromium` package when it is missing, with fonts that
# have every Kazakh letter (screenshots, text layout) and without its other recommends (as root, or
# through passwordless sudo), quietly: its output goes to a log that is shown only when it fails.
# CHROMIUM_PATH points the tests at another Chromium (then nothing is installed).
ensure_chromium() {
  local path=${CHROMIUM_PATH:-/usr/bin/chromium}
  if [[ -x $path ]]; then return 0; fi
  if [[ -n ${CHROMIUM_PATH:-} ]]; then die "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable"; fi
  local sudo=()
  if ((EUID != 0)); then
    command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null ||
      die "the browser tests need Chromium: run 'sudo apt-get install -y chromium' (Debian/Ubuntu), or set CHROMIUM_PATH"
    sudo=(sudo -n)
  fi
  command -v apt-get >/dev/null 2>&1 ||
    die "the browser tests need Chromium at /usr/bin/chromium (no apt-get here: install it, or set CHROMIUM_PATH)"
  step "Installing Chromium for the browser tests (apt-get install chromium)"
  local log
  log=$(mktemp)
  # The package lists may be missing or stale on a new machine: update once, then install.
  if ! { "${sudo[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq \
    --no-install-recommends chromium fonts-dejavu-core fonts-liberation; } >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    rm -f "$log"
    die "could not install Chromium with apt-get (see above)"
  fi
  rm -f "$log"
  [[ -x /usr/bin/chromium ]] || die "apt-get installed chromium, but /usr/bin/chromium is not there"
  echo "Using $(/usr/bin/chromium --version 2>/dev/null)"
}
