#!/usr/bin/env bash
# Runs the whole service locally in one command:
#   checks Node.js, installs dependencies when needed, makes sure PostgreSQL and Redis answer
#   (scripts/services.sh), builds, creates the database, migrates, seeds demo data, then runs the
#   api and the worker together in the foreground. Ctrl-C stops both; if either exits, so does the other.
#
# Settings come from the environment, then from .env if present (see .env.example), then app defaults.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

SCRIPT_NAME='demo'
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

# Reads KEY=value lines from .env without overriding variables already set in the environment.
load_dotenv() {
  [[ -f .env ]] || return 0
  local line key value
  while IFS= read -r line || [[ -n $line ]]; do
    [[ $line =~ ^[[:space:]]*(export[[:space:]]+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$ ]] || continue
    key=${BASH_REMATCH[2]}
    value=${BASH_REMATCH[3]}
    [[ -z ${!key+set} ]] || continue
    value=${value%$'\r'}
    if [[ $value =~ ^\"(.*)\"$ || $value =~ ^\'(.*)\'$ ]]; then value=${BASH_REMATCH[1]}; fi
    export "$key=$value"
  done <.env
  echo "demo: loaded settings from .env"
}

require_node
load_dotenv
install_dependencies

step "Making sure PostgreSQL and Redis answer"
# shellcheck source=scripts/services.sh
source scripts/services.sh

step "Building"
npm run build

step "Preparing the database"
node dist/src/cli.js create-database
node dist/src/cli.js migrate
node dist/src/cli.js seed

# ------------------------------------------------------------------ api and worker in the foreground

export MIGRATIONS_RUN=false # migrate ran above

# Where mail goes: SMTP_URL if set; else Mailpit when it answers on localhost:1025 (docker compose
# starts it); else each message becomes an .eml file under MAIL_DIR and the worker logs its path.
if [[ -z ${SMTP_URL:-} ]] && (exec 3<>/dev/tcp/127.0.0.1/1025) 2>/dev/null; then
  export SMTP_URL=smtp://127.0.0.1:1025
fi
if [[ -n ${SMTP_URL:-} ]]; then
  mail_note="mail goes to ${SMTP_URL}$([[ $SMTP_URL == smtp://127.0.0.1:1025 ]] && echo ' (Mailpit: http://localhost:8025)')"
else
  mail_note="no SMTP server: each mail is written to ${MAIL_DIR:-.data/mail}/*.eml (the worker logs each path)"
fi
port=${PORT:-3000}

# Both processes' output, prefixed, also goes to this file (emptied at each start), so the links in
# the demo's mails can be read from it (the README's "Try it" does).
demo_log=.data/demo.log
mkdir -p .data
: >"$demo_log"

# Prefixes each line of a process's output with its name, on the terminal and in the demo log.
prefix() {
  local tag=$1 line
  while IFS= read -r line || [[ -n $line ]]; do
    printf '%s %s\n' "$tag" "$line"
    printf '%s %s\n' "$tag" "$line" >>"$demo_log"
  done
}

api_pid=
worker_pid=

alive() { [[ -n $1 ]] && kill -0 "$1" 2>/dev/null; }

# Sends TERM to both, waits up to 15 s for a graceful shutdown, then KILLs what is left.
stop_both() {
  local pid deadline=$((SECONDS + 15))
  for pid in "$api_pid" "$worker_pid"; do
    if alive "$pid"; then kill -TERM "$pid" 2>/dev/null || true; fi
  done
  while { alive "$api_pid" || alive "$worker_pid"; } && ((SECONDS < deadline)); do sleep 0.2; done
  for pid in "$api_pid" "$worker_pid"; do
    if alive "$pid"; then
      echo "demo: process $pid did not stop within 15 s; killing it" >&2
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
  sleep 0.2 # let the prefixers print the last lines
}

on_signal() {
  trap - INT TERM HUP
  printf '\ndemo: stopping api and worker...\n' >&2
  stop_both
  exit "$1"
}
trap 'on_signal 130' INT
trap 'on_signal 143' TERM
trap 'on_signal 129' HUP

step "Starting api and worker (Ctrl-C stops both)"
echo "    Web site: http://localhost:${port}/  (kk, ru, en; sign in with a demo account below)"
echo "    API docs: http://localhost:${port}/api/docs"
echo "    Health:   http://localhost:${port}/api/health"
echo "    Mail:     ${mail_note}"
echo "    Log:      also written to ${demo_log} (each mail's links are in it)"

# Each child gets its own process group (set -m), so a Ctrl-C reaches only this script, which then
# stops the children once, with TERM, letting them shut down gracefully. The prefixers ignore INT
# and TERM and end when their process closes its output.
set -m
node dist/src/main.js </dev/null > >(trap '' INT TERM; prefix '[api]   ') 2>&1 &
api_pid=$!
node dist/src/worker.js </dev/null > >(trap '' INT TERM; prefix '[worker]') 2>&1 &
worker_pid=$!
set +m

announced=no
while true; do
  for name in api worker; do
    if [[ $name == api ]]; then pid=$api_pid; else pid=$worker_pid; fi
    if ! alive "$pid"; then
      status=0
      wait "$pid" || status=$?
      trap - INT TERM HUP
      echo "demo: the $name exited with status $status; stopping the other process" >&2
      stop_both
      if ((status == 0)); then status=1; fi
      exit "$status"
    fi
  done
  if [[ $announced == no ]] && (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    announced=yes
    printf '\n%s    Up: the site at http://localhost:%s/ and the API at /api/docs  (Ctrl-C stops api and worker)%s\n\n' "$bold" "$port" "$plain"
  fi
  sleep 1
done
