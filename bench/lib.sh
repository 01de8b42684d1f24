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

# ---- reports ------------------------------------------------------------------
ms_median() {  # ms_median URL: the median of REPORT_RUNS timed GETs, in ms
  local i
  for ((i = 0; i < REPORT_RUNS; i++)); do time_get "$1"; done |
    median | awk '{printf "%.1f", $1 * 1000}'
}
# A report worker's first report pays once for what it then keeps: its heap
# and its connection's map of the file (page faults, some 0.3 s on this kind
# of VM). Timed once, cold, then both workers run it together before the
# timed runs, as the GETs get a warm-up.
cold_ms() { time_get "$1" | awk '{printf "%.1f", $1 * 1000}'; }
warm_both() {  # warm_both URL: both report workers run it once, together
  local warm=() i
  for i in 1 2; do
    curl -s -o /dev/null -H "Authorization: Bearer $CAPDEV_TOKEN" "$1" &
    warm+=($!)
    PIDS+=($!)
  done
  wait "${warm[@]}"
  for i in "${warm[@]}"; do forget "$i"; done
}

# funder_rows PREFIX CLIENT...: with a server running (SERVER_PORT,
# CAPDEV_TOKEN), the funder report of organization 1 over all years (warmed,
# median) against reference_aggregate.sql run by CLIENT (sqlite3 or psql on
# the same data), and whether the report's totals equal the aggregate's:
# participant-days and people trained of each section. Sets FUNDER_MS.
funder_rows() {
  local prefix=$1 out ref_ms ratio expected actual same i t0
  shift
  local url="http://127.0.0.1:$SERVER_PORT/api/v1/reports/funder?organization_id=1&from=2015-01-01&to=2025-12-31"
  out=$WORK/aggregate_$SERVER_PORT.txt
  warm_both "$url"
  FUNDER_MS=$(ms_median "$url")
  ref_ms=$(for ((i = 0; i < REPORT_RUNS; i++)); do
    t0=$(date +%s%N)
    "$@" <"$BENCH_DIR/reference_aggregate.sql" >"$out"
    echo $(( ($(date +%s%N) - t0) / 1000 ))
  done | median | awk '{printf "%.1f", $1 / 1000}')
  ratio=$(calc "$FUNDER_MS / $ref_ms" 2)
  row "${prefix}funder report, organization 1, 2015–2025 (JSON over HTTP), ms" "$FUNDER_MS" \
    "$ref_ms ($1, reference_aggregate.sql)" "$ratio" "≤ 0.3×" "$ratio" "<=" 0.3
  note "${prefix}reference aggregate, totals by section (section workshops participant-days people): $(tail -2 "$out" | tr '\n' ' ')"
  expected=$(tail -2 "$out" | awk -F'|' '{print $1, $3, $4}')
  actual=$(curl -s -H "Authorization: Bearer $CAPDEV_TOKEN" "$url" | /usr/bin/python3 -c '
import json, sys
r = json.load(sys.stdin)
for i, t in enumerate([r["totals"], r["dates_uncertain"]["totals"]]):
    print(i, t["participant_days"], t["people_trained"])')
  same=0
  [ "$expected" = "$actual" ] && same=1
  row "${prefix}funder report totals (participant-days, people trained by section) equal the reference aggregate's" \
    "$(echo $actual)" "$(echo $expected)" "—" "equal" "$same" "==" 1
}

# summary_row PREFIX GOAL_MS: with a server running, the programme summary
# over all years (warmed, median).
summary_row() {
  local url="http://127.0.0.1:$SERVER_PORT/api/v1/reports/summary?from=2015-01-01&to=2025-12-31" ms
  warm_both "$url"
  ms=$(ms_median "$url")
  row "${1}programme summary, 2015–2025, ms" "$ms" "—" "—" "≤ $2 ms" "$ms" "<=" "${2//,/}"
}

# streams_rows PREFIX NAME DB: GET one workshop on 60 connections while 4
# clients PUT the sheet, on a server of its own over DB; the GET's p99.
streams_rows() {
  local prefix=$1 put_pid get put p99
  start_capdev "$2" "$3" all --max-connections-per-address 128
  CAPDEV_TOKEN=$(login "$SERVER_PORT")
  # wrk itself in the background (not a subshell), so that cleanup stops it.
  wrk -t1 -c4 -d"${DURATION}s" --latency -s "$BENCH_DIR/wrk/put_sheet.lua" \
    "http://127.0.0.1:$SERVER_PORT$SHEET_PATH" >"$WORK/$2_put.txt" &
  put_pid=$!
  PIDS+=("$put_pid")
  get=$(wrk_run all 1 60 get.lua "http://127.0.0.1:$SERVER_PORT$GET_PATH")
  wait "$put_pid"
  forget "$put_pid"
  put=$(grep '^BENCH' "$WORK/$2_put.txt") ||
    { cat "$WORK/$2_put.txt" >&2; echo "bench: wrk gave no summary" >&2; exit 1; }
  stop "$SERVER_PID"
  p99=$(calc "$(field "$get" p99_ms)" 1)
  row "${prefix}GET one workshop while 4 clients write sheets, 60 connections, p99 ms" \
    "$p99" "—" "—" "≤ 10 ms" "$p99" "<=" 10
  note "${prefix}GET one workshop while 4 clients PUT the sheet: GET $(calc "$(field "$get" rps)" 0) req/s, p99 $(field "$get" p99_ms) ms; PUT $(calc "$(field "$put" rps)" 0) sheets/s, p99 $(field "$put" p99_ms) ms"
}

# sheet_rows PREFIX RAW REFERENCE NAME DB: the attendance sheet PUT by 4
# clients on a server of its own over DB, against RAW (the raw reference's
# output line, REFERENCE naming it): sheets/s and p99.
sheet_rows() {
  local prefix=$1 raw=$2 reference=$3 put stored put_rate raw_rate ratio p99
  start_capdev "$4" "$5" all --max-connections-per-address 128
  CAPDEV_TOKEN=$(login "$SERVER_PORT")
  put=$(wrk_run all 2 4 put_sheet.lua "http://127.0.0.1:$SERVER_PORT$SHEET_PATH")
  stored=$(curl -sf -H "Authorization: Bearer $CAPDEV_TOKEN" \
    "http://127.0.0.1:$SERVER_PORT$SHEET_PATH" |
    python3 -c 'import json, sys; print(len(json.load(sys.stdin)["items"]))')
  stop "$SERVER_PID"
  put_rate=$(field "$put" rps) raw_rate=$(field "$raw" sheets_per_s)
  ratio=$(calc "$put_rate / $raw_rate" 2)
  row "${prefix}attendance sheet PUT ($SHEET_ROWS rows), 4 clients, sheets/s" \
    "$(calc "$put_rate" 0)" "$(calc "$raw_rate" 0) ($reference, 1 connection)" "$ratio" \
    "≥ 0.8×" "$ratio" ">=" 0.8
  p99=$(calc "$(field "$put" p99_ms)" 1)
  row "${prefix}attendance sheet PUT, p99 ms" "$p99" \
    "$(calc "$(field "$raw" p99_ms)" 1) ($reference)" "—" "≤ 50 ms" "$p99" "<=" 50
  note "${prefix}sheet PUT: non-2xx $(field "$put" non2xx), socket errors $(field "$put" socket_errors), $stored rows stored after the run; $reference: $raw"
}
