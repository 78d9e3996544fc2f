#!/usr/bin/env bash
# Makes sure PostgreSQL and Redis answer before the app or its tests need them.
#
#   ./scripts/services.sh            # run it
#   source scripts/services.sh       # or source it (demo.sh and test.sh do); fails the caller on error
#
# Order of attempts:
#   1. both already answer                      -> use them
#   2. a Docker engine answers (`docker info`)   -> docker compose up -d postgres redis mailpit, wait for healthy
#   3. local binaries (pg_ctlcluster, redis-server) -> start them, wait up to 30 s
#   4. otherwise stop with a message naming what is missing and how to provide it
#
# Where to probe comes from DATABASE_URL / REDIS_URL when they are simple URLs, else the local defaults
# 127.0.0.1:5432 and 127.0.0.1:6379. Only services on this machine are ever started.
#
# This file does not change the caller's shell options; every name it defines starts with _svc_.

_svc_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_svc_local_wait_seconds=30
_svc_docker_wait_seconds=120

_svc_log() { printf '[services] %s\n' "$*" >&2; }

# _svc_parse_url URL DEFAULT_HOST DEFAULT_PORT -> sets _svc_host and _svc_port.
# Understands scheme://[user[:password]@]host[:port][/...]; anything fancier falls back to the defaults.
_svc_parse_url() {
  local url=$1 re='^[A-Za-z][A-Za-z0-9+.-]*://([^@/?#]*@)?([^@:/?#]+)(:([0-9]+))?([/?#].*)?$'
  _svc_host=$2
  _svc_port=$3
  if [[ -n $url && $url =~ $re ]]; then
    _svc_host=${BASH_REMATCH[2]}
    if [[ -n ${BASH_REMATCH[4]} ]]; then _svc_port=${BASH_REMATCH[4]}; fi
  fi
  return 0
}

_svc_is_local_host() {
  case $1 in
    localhost | 127.* | ::1 | 0.0.0.0) return 0 ;;
    *) return 1 ;;
  esac
}

# Runs a command with a time limit when coreutils' timeout exists (it does not on stock macOS).
_svc_timeout() {
  local seconds=$1
  shift
  if command -v timeout >/dev/null 2>&1; then
    timeout "$seconds" "$@"
  else
    "$@"
  fi
}

_svc_tcp_open() {
  # shellcheck disable=SC2016 # expanded by the inner bash
  _svc_timeout 3 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _svc_tcp "$1" "$2" 2>/dev/null
}

_svc_pg_up() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h "$_svc_pg_host" -p "$_svc_pg_port" -t 3 >/dev/null 2>&1
  else
    _svc_tcp_open "$_svc_pg_host" "$_svc_pg_port"
  fi
}

_svc_redis_up() {
  if command -v redis-cli >/dev/null 2>&1; then
    local reply
    reply=$(_svc_timeout 5 redis-cli -h "$_svc_redis_host" -p "$_svc_redis_port" ping 2>&1) || true
    # NOAUTH: a password-protected Redis answers; the app authenticates with the URL's password.
    [[ $reply == PONG || $reply == *NOAUTH* ]]
  else
    _svc_tcp_open "$_svc_redis_host" "$_svc_redis_port"
  fi
}

_svc_pg_where() { printf '%s:%s' "$_svc_pg_host" "$_svc_pg_port"; }
_svc_redis_where() { printf '%s:%s' "$_svc_redis_host" "$_svc_redis_port"; }

# _svc_wait_both SECONDS -> 0 once both answer, 1 when the time runs out.
_svc_wait_both() {
  local deadline=$((SECONDS + $1))
  while true; do
    if _svc_pg_up && _svc_redis_up; then return 0; fi
    if ((SECONDS >= deadline)); then return 1; fi
    sleep 1
  done
}

_svc_report_down() {
  if ! _svc_pg_up; then _svc_log "PostgreSQL still does not answer at $(_svc_pg_where)"; fi
  if ! _svc_redis_up; then _svc_log "Redis still does not answer at $(_svc_redis_where)"; fi
}

# ---------------------------------------------------------------------------------------- Docker path

_svc_docker_engine_up() {
  command -v docker >/dev/null 2>&1 && _svc_timeout 20 docker info >/dev/null 2>&1
}

# Sets _svc_compose to the compose command (plugin preferred, standalone v1 accepted).
_svc_find_compose() {
  if docker compose version >/dev/null 2>&1; then
    _svc_compose=(docker compose)
  elif command -v docker-compose >/dev/null 2>&1; then
    _svc_compose=(docker-compose)
  else
    return 1
  fi
  _svc_compose+=(--project-directory "$_svc_root" -f "$_svc_root/docker-compose.yml")
}

# Health of a compose service's container: healthy | unhealthy | starting | running | exited | missing.
_svc_container_state() {
  local id
  id=$("${_svc_compose[@]}" ps -q "$1" 2>/dev/null | head -n 1) || true
  if [[ -z $id ]]; then
    echo missing
    return 0
  fi
  docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}' "$id" 2>/dev/null ||
    echo missing
}

# _svc_docker_start SERVICE... -> starts the given compose services plus mailpit, waits until healthy.
_svc_docker_start() {
  if [[ ! -f $_svc_root/docker-compose.yml ]]; then
    _svc_log "Docker answers but $_svc_root/docker-compose.yml is missing"
    return 1
  fi
  if ! _svc_find_compose; then
    _svc_log "Docker answers but neither 'docker compose' nor 'docker-compose' is installed"
    return 1
  fi
  if [[ $_svc_pg_port != 5432 || $_svc_redis_port != 6379 ]]; then
    _svc_log "note: docker-compose.yml publishes 5432 and 6379, but the URLs ask for $(_svc_pg_where) and $(_svc_redis_where)"
  fi

  _svc_log "starting with Docker: ${_svc_compose[*]:0:2} up -d $*"
  if ! "${_svc_compose[@]}" up -d "$@"; then
    _svc_log "'docker compose up -d $*' failed (a port already in use? see the messages above)"
    return 1
  fi
  # The mail catcher is a convenience; its failure (say, port 1025 or 8025 taken) must not block.
  if "${_svc_compose[@]}" up -d mailpit; then
    _svc_log "mail catcher (mailpit): web UI http://localhost:8025, SMTP localhost:1025"
  else
    _svc_log "warning: mailpit did not start; continuing without it"
  fi

  local deadline=$((SECONDS + _svc_docker_wait_seconds)) service state all_healthy
  while true; do
    all_healthy=yes
    for service in "$@"; do
      state=$(_svc_container_state "$service")
      if [[ $state == exited || $state == dead ]]; then
        _svc_log "container '$service' stopped; see: ${_svc_compose[*]:0:2} logs $service"
        return 1
      fi
      if [[ $state != healthy ]]; then all_healthy=no; fi
    done
    # Healthy inside the container is not enough: the published port must answer here too.
    if [[ $all_healthy == yes ]] && _svc_pg_up && _svc_redis_up; then return 0; fi
    if ((SECONDS >= deadline)); then
      for service in "$@"; do _svc_log "container '$service' is $(_svc_container_state "$service")"; done
      _svc_report_down
      _svc_log "gave up after ${_svc_docker_wait_seconds}s; see: ${_svc_compose[*]:0:2} logs $*"
      return 1
    fi
    sleep 2
  done
}

# ----------------------------------------------------------------------------------------- Local path

_svc_local_start_pg() {
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    _svc_missing+=("PostgreSQL: no server answers at $(_svc_pg_where) and pg_ctlcluster is not installed.
      Install it (Debian/Ubuntu: apt-get install postgresql), start Docker so docker-compose.yml can run it,
      or run PostgreSQL 15+ yourself where DATABASE_URL points (default postgres://postgres@127.0.0.1:5432/startup,
      user postgres, trust or password auth).")
    return 1
  fi
  local dir version started=no
  for dir in /etc/postgresql/*/main; do
    if [[ -d $dir ]]; then
      version=${dir#/etc/postgresql/}
      version=${version%/main}
      _svc_log "starting PostgreSQL: pg_ctlcluster --skip-systemctl-redirect $version main start"
      # Exit status 2 means "already running" (perhaps on another port); the wait below decides.
      pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
      started=yes
    fi
  done
  if [[ $started == no ]]; then
    _svc_missing+=("PostgreSQL: pg_ctlcluster exists but there is no cluster /etc/postgresql/<version>/main.
      Create one (pg_createcluster 15 main) or provide PostgreSQL another way (see above).")
    return 1
  fi
}

_svc_local_start_redis() {
  if ! command -v redis-server >/dev/null 2>&1; then
    _svc_missing+=("Redis: no server answers at $(_svc_redis_where) and redis-server is not installed.
      Install it (Debian/Ubuntu: apt-get install redis-server), start Docker so docker-compose.yml can run it,
      or run Redis 7 yourself where REDIS_URL points (default redis://127.0.0.1:6379).")
    return 1
  fi
  _svc_log "starting Redis: redis-server --daemonize yes --bind 127.0.0.1 -::1 --port $_svc_redis_port --save \"\" --appendonly no"
  if ! redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$_svc_redis_port" --save "" --appendonly no; then
    # Redis before 7 does not understand the optional "-::1" bind address.
    redis-server --daemonize yes --bind 127.0.0.1 --port "$_svc_redis_port" --save "" --appendonly no || true
  fi
}

# ---------------------------------------------------------------------------------------------- Main

_svc_main() {
  _svc_parse_url "${DATABASE_URL:-}" 127.0.0.1 5432
  _svc_pg_host=$_svc_host _svc_pg_port=$_svc_port
  _svc_parse_url "${REDIS_URL:-}" 127.0.0.1 6379
  _svc_redis_host=$_svc_host _svc_redis_port=$_svc_port

  if _svc_pg_up && _svc_redis_up; then
    _svc_log "PostgreSQL answers at $(_svc_pg_where), Redis answers at $(_svc_redis_where)"
    return 0
  fi

  local down=()
  if ! _svc_pg_up; then down+=(postgres); fi
  if ! _svc_redis_up; then down+=(redis); fi
  _svc_log "not answering: ${down[*]}"

  # Never try to start something that lives on another machine.
  local service remote=no
  for service in "${down[@]}"; do
    if [[ $service == postgres ]] && ! _svc_is_local_host "$_svc_pg_host"; then
      _svc_log "PostgreSQL at $(_svc_pg_where) (from DATABASE_URL) does not answer; it is not on this machine, so start it there"
      remote=yes
    fi
    if [[ $service == redis ]] && ! _svc_is_local_host "$_svc_redis_host"; then
      _svc_log "Redis at $(_svc_redis_where) (from REDIS_URL) does not answer; it is not on this machine, so start it there"
      remote=yes
    fi
  done
  if [[ $remote == yes ]]; then return 1; fi

  local docker_note="no Docker engine answers: 'docker info' failed"
  if _svc_docker_engine_up; then
    docker_note="Docker answers but could not bring them up"
    if _svc_docker_start "${down[@]}"; then
      _svc_log "ready (Docker): PostgreSQL at $(_svc_pg_where), Redis at $(_svc_redis_where)"
      return 0
    fi
    _svc_log "Docker did not bring the services up; trying local binaries"
  fi

  _svc_missing=()
  for service in "${down[@]}"; do
    case $service in
      postgres) _svc_local_start_pg || true ;;
      redis) _svc_local_start_redis || true ;;
    esac
  done
  if ((${#_svc_missing[@]} > 0)); then
    _svc_log "cannot provide the services this needs ($docker_note):"
    local item
    for item in "${_svc_missing[@]}"; do printf '  - %s\n' "$item" >&2; done
    return 1
  fi

  if _svc_wait_both "$_svc_local_wait_seconds"; then
    _svc_log "ready: PostgreSQL at $(_svc_pg_where), Redis at $(_svc_redis_where)"
    return 0
  fi
  _svc_report_down
  _svc_log "gave up after ${_svc_local_wait_seconds}s; check the server logs (PostgreSQL: /var/log/postgresql/)"
  return 1
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  set -euo pipefail
  _svc_main
else
  _svc_main
fi
