# Helpers of bench/run.sh, sourced by it (not run alone): processes, wrk,
# timing and the result table. They use run.sh's settings and globals
# (WORK, PIDS, CAPDEV_BIN, DURATION, BENCH_DIR, PASSWORD, CAPDEV_TOKEN,
# ROWS, NOTES).
# shellcheck shell=bash
log() { printf '== %s\n' "$*" >&2; }
# A free loopback port (never 8080: the kernel hands out ephemeral ones).
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}
# field LINE KEY: the value of KEY=value in a "BENCH ..." line.
field() {
  awk -v k="$2" '{for (i = 1; i <= NF; i++) { n = index($i, "=");
    if (n && substr($i, 1, n - 1) == k) print substr($i, n + 1) }}' <<<"$1"
}
median() { sort -g | awk '{v[NR] = $1} END {if (NR) print v[int((NR + 1) / 2)]}'; }
maximum() { sort -g | tail -1; }
calc() { awk "BEGIN {printf \"%.${2:-1}f\", $1}"; }

forget() {  # forget PID: ended, so never signalled again (its id may be reused)
  local kept=() pid
  for pid in "${PIDS[@]}"; do [ "$pid" = "$1" ] || kept+=("$pid"); done
  PIDS=("${kept[@]}")
}
stop() {  # stop PID [SIGNAL]: one of ours, by its id
  kill "-${2:-TERM}" "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
  forget "$1"
}

wait_http() {  # wait_http PORT PID LOG: until /healthz answers (or 120 s)
  local i
  for ((i = 0; i < 480; i++)); do
    curl -sf -o /dev/null "http://127.0.0.1:$1/healthz" && return 0
    kill -0 "$2" 2>/dev/null || { cat "$3" >&2; echo "bench: server exited" >&2; exit 1; }
    sleep 0.25
  done
  cat "$3" >&2
  echo "bench: no answer on port $1" >&2
  exit 1
}

# start_capdev NAME DB CPUS [serve options...]: sets SERVER_PID, SERVER_PORT.
# CPUS "all" leaves the server unpinned.
start_capdev() {
  local name=$1 db=$2 cpus=$3
  shift 3
  local pin=()
  [ "$cpus" = all ] || pin=(taskset -c "$cpus")
  SERVER_PORT=$(free_port)
  "${pin[@]}" "$CAPDEV_BIN" serve --db "$db" --host 127.0.0.1 \
    --port "$SERVER_PORT" --log-level warn --token-idle-seconds 3600 "$@" \
    >"$WORK/$name.log" 2>&1 &
  SERVER_PID=$!
  PIDS+=("$SERVER_PID")
  wait_http "$SERVER_PORT" "$SERVER_PID" "$WORK/$name.log"
}

login() {  # login PORT: prints a bearer token
  curl -sf -X POST "http://127.0.0.1:$1/api/v1/auth/login" \
    -H 'Content-Type: application/json' \
    -d "{\"username\":\"bench\",\"password\":\"$PASSWORD\"}" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])'
}

# wrk_run CPUS THREADS CONNECTIONS SCRIPT URL: prints wrk's BENCH line.
wrk_run() {
  local cpus=$1 threads=$2 connections=$3 script=$4 url=$5 out
  local pin=()
  [ "$cpus" = all ] || pin=(taskset -c "$cpus")
  out=$("${pin[@]}" wrk -t"$threads" -c"$connections" -d"${DURATION}s" \
    --latency -s "$BENCH_DIR/wrk/$script" "$url")
  grep '^BENCH' <<<"$out" || { echo "$out" >&2; echo "bench: wrk gave no summary" >&2; exit 1; }
}
warm_up() {  # warm_up CPUS URL: one second of load, not counted
  local pin=()
  [ "$1" = all ] || pin=(taskset -c "$1")
  "${pin[@]}" wrk -t1 -c64 -d1s -s "$BENCH_DIR/wrk/get.lua" "$2" >/dev/null
}

# time_get URL: seconds of one GET with the token (fails unless 200).
time_get() {
  local r
  r=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' \
    -H "Authorization: Bearer $CAPDEV_TOKEN" "$1")
  [ "${r%% *}" = 200 ] || { echo "bench: $1 answered ${r%% *}" >&2; exit 1; }
  echo "${r#* }"
}

# row MEASURE CAPDEV REFERENCE RATIO GOAL_TEXT VALUE OP LIMIT
# (VALUE OP LIMIT decides PASS or MISS; an empty VALUE is a MISS.)
row() {
  local result=MISS
  if [ -n "$6" ] && awk "BEGIN {exit !($6 $7 $8)}"; then result=PASS; fi
  ROWS+=("| $1 | $2 | $3 | $4 | $5 | $result |")
  printf '%s: %s (reference %s, ratio %s; goal %s) %s\n' "$1" "$2" "$3" "$4" "$5" "$result" >&2
}
note() { NOTES+=("- $*"); }
