#!/usr/bin/env bash
# `make bench`: every benchmark of bench/README.md ("make bench"), each against
# its reference measured in the same run, then a table of ratios with the goal
# and PASS/MISS, printed and appended to bench/results/latest.md.
#
#   bench/run.sh                       (make bench builds the binaries first)
#   CAPDEV_BIN=path bench/run.sh       another server binary
#
# Settings (environment):
#   CAPDEV_BIN          the server (default build/$PRESET/app/capdev)
#   BENCH_TOOLS         capdev_generate_data and capdev_raw_sheet_bench
#                       (default build/$PRESET/bench)
#   BENCH_DB            the generated database (default bench/results/bench.db;
#                       generated when missing, never written by the write
#                       benchmarks: they work on copies)
#   BENCH_DURATION      seconds of each wrk run and of the raw SQLite loop (5)
#   BENCH_REPORT_RUNS   runs of each timed report, median taken (3)
#   BENCH_SERVER_CPU, BENCH_CLIENT_CPU   cores for the pinned runs (0 and 1)
#   BENCH_IN_PROCESS=1  also run capdev_report_bench (the in-process timings)
#   BENCH_CHECKIN_PARTICIPANTS, BENCH_CHECKIN_SECONDS   section 9's self
#                       check-in: how many within how many seconds (300, 60)
#
# Installs nothing itself except through scripts/deps.sh --bench. Every
# process it starts is stopped on exit, and its temporary folder removed.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
PRESET=${PRESET:-release}
CAPDEV_BIN=$(realpath "${CAPDEV_BIN:-build/$PRESET/app/capdev}")
BENCH_TOOLS=$(realpath "${BENCH_TOOLS:-build/$PRESET/bench}")
BENCH_DB=$(realpath -m "${BENCH_DB:-bench/results/bench.db}")
DURATION=${BENCH_DURATION:-5}
REPORT_RUNS=${BENCH_REPORT_RUNS:-3}
SERVER_CPU=${BENCH_SERVER_CPU:-0}
CLIENT_CPU=${BENCH_CLIENT_CPU:-1}
RESULTS=$ROOT/bench/results/latest.md
export BENCH_DIR=$ROOT/bench
PASSWORD='bench password 123'

bash scripts/deps.sh --bench
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
for tool in "$CAPDEV_BIN" "$BENCH_TOOLS/capdev_raw_sheet_bench" \
  "$BENCH_TOOLS/capdev_raw_sheet_bench_pg" wrk "$NGINX" sqlite3 psql python3 curl \
  taskset /usr/lib/postgresql/15/bin/initdb zbarimg; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing" >&2; exit 1; }
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/capdev-bench.XXXXXX")
PIDS=()
cleanup() {
  local pid
  # TERM: background jobs of a script ignore INT (capdev and nginx handle TERM).
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The helpers: starting and stopping processes, wrk, timing, the table.
source "$BENCH_DIR/lib.sh"
ROWS=()
NOTES=()

started=$(date +%s)
load_at_start=$(cut -d' ' -f1-3 /proc/loadavg)
log "capdev $CAPDEV_BIN; load average $load_at_start; work folder $WORK"

# ---- the database -----------------------------------------------------------
if [ ! -f "$BENCH_DB" ]; then
  log "generating $BENCH_DB (once)"
  mkdir -p "$(dirname "$BENCH_DB")"
  "$BENCH_TOOLS/capdev_generate_data" "$BENCH_DB"
fi
# At this capdev's schema before anything is copied: the raw SQLite reference
# then writes through the same triggers as capdev does.
"$CAPDEV_BIN" migrate --db "$BENCH_DB" >/dev/null
# The bench user (a coordinator: reads, writes attendance, runs reports).
echo "$PASSWORD" | "$CAPDEV_BIN" user add bench --role coordinator \
  --db "$BENCH_DB" >/dev/null 2>&1 || true
sqlite3 "$BENCH_DB" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null

# The write benchmarks' template: a copy of bench.db where one single-session
# held workshop has 100 registered participants (33 generated + 67 added), so
# that its session's sheet has 100 rows. Each write benchmark (raw SQLite,
# PUT, mixed) gets its own copy of this template: runs do not accumulate.
cp "$BENCH_DB" "$WORK/template.db"
read -r SHEET_WORKSHOP SHEET_SESSION < <(sqlite3 -separator ' ' "$WORK/template.db" "
  SELECT w.id, MIN(s.id) FROM workshops w JOIN sessions s ON s.workshop_id = w.id
  WHERE w.status = 'held' AND w.dates_estimated = 0 AND w.id <> 1234
    AND s.date <= date('now')
  GROUP BY w.id HAVING COUNT(*) = 1 ORDER BY w.id LIMIT 1")
sqlite3 "$WORK/template.db" "
  INSERT INTO registrations (workshop_id, person_id, role, status)
  SELECT $SHEET_WORKSHOP, p.id, 'participant', 'registered' FROM people p
  WHERE p.id NOT IN (SELECT person_id FROM registrations WHERE workshop_id = $SHEET_WORKSHOP)
  ORDER BY p.id
  LIMIT 100 - (SELECT COUNT(*) FROM registrations WHERE workshop_id = $SHEET_WORKSHOP);"
# The sheet: every registered person, 7 in 10 present, then late, excused, absent.
sqlite3 -separator ' ' "$WORK/template.db" "
  SELECT person_id, CASE (row_number() OVER (ORDER BY person_id)) % 10
    WHEN 7 THEN 'late' WHEN 8 THEN 'excused' WHEN 9 THEN 'absent' ELSE 'present' END
  FROM registrations WHERE workshop_id = $SHEET_WORKSHOP ORDER BY person_id" >"$WORK/sheet.txt"
# And 4 versions of it: version k moves every mark k steps along present ->
# late -> excused -> absent -> present, so a PUT of the next version changes
# every mark (the raw reference rotates the same way).
python3 -c '
import json, sys
cycle = ["present", "late", "excused", "absent"]
rows = [line.split() for line in open(sys.argv[1])]
for k in range(4):
    marks = [{"person_id": int(p), "status": cycle[(cycle.index(s) + k) % 4]} for p, s in rows]
    with open(sys.argv[2] + str(k) + ".json", "w") as out:
        out.write(json.dumps(marks, separators=(",", ":")) + "\n")
' "$WORK/sheet.txt" "$WORK/sheet"
SHEET_ROWS=$(wc -l <"$WORK/sheet.txt")
SHEET_PATH=/api/v1/workshops/$SHEET_WORKSHOP/sessions/$SHEET_SESSION/attendance
export SHEET_BODY=$WORK/sheet SHEET_PATH GET_PATH=/api/v1/workshops/1234
log "sheet: workshop $SHEET_WORKSHOP, session $SHEET_SESSION, $SHEET_ROWS rows"
write_copy() { cp "$WORK/template.db" "$WORK/$1.db"; echo "$WORK/$1.db"; }

# ---- 1. one workshop and /healthz, pinned, against nginx ----------------------
log "GET one workshop and /healthz: capdev on core $SERVER_CPU, wrk on core $CLIENT_CPU"
start_capdev read "$BENCH_DB" "$SERVER_CPU" --max-connections-per-address 128
export CAPDEV_TOKEN
CAPDEV_TOKEN=$(login "$SERVER_PORT")
base=http://127.0.0.1:$SERVER_PORT
mkdir -p "$WORK/nginx/www/api/v1/workshops"
# The same bytes, served by nginx as static files.
curl -sf -H "Authorization: Bearer $CAPDEV_TOKEN" "$base$GET_PATH" \
  -o "$WORK/nginx/www$GET_PATH"
curl -sf "$base/healthz" -o "$WORK/nginx/www/healthz"
warm_up "$CLIENT_CPU" "$base$GET_PATH"
capdev_workshop=$(wrk_run "$CLIENT_CPU" 1 64 get.lua "$base$GET_PATH")
warm_up "$CLIENT_CPU" "$base/healthz"
capdev_healthz=$(wrk_run "$CLIENT_CPU" 1 64 get.lua "$base/healthz")
stop "$SERVER_PID"

nginx_port=$(free_port)
user_line=""
[ "$(id -u)" -ne 0 ] || user_line="user root;"
mkdir -p "$WORK/nginx/tmp"
cat >"$WORK/nginx/nginx.conf" <<EOF
# One worker process, everything in the bench's temporary folder.
$user_line
daemon off;
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/tmp/body;
  proxy_temp_path $WORK/nginx/tmp/proxy;
  fastcgi_temp_path $WORK/nginx/tmp/fastcgi;
  uwsgi_temp_path $WORK/nginx/tmp/uwsgi;
  scgi_temp_path $WORK/nginx/tmp/scgi;
  keepalive_requests 1000000;
  keepalive_timeout 75s;
  # Static files as nginx is usually set up to serve them (Debian's sendfile
  # and tcp_nopush, plus a cache of open file descriptors).
  sendfile on;
  tcp_nopush on;
  open_file_cache max=64 inactive=60s;
  default_type application/json;
  server {
    listen 127.0.0.1:$nginx_port;
    root $WORK/nginx/www;
  }
}
EOF
taskset -c "$SERVER_CPU" "$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" \
  -e "$WORK/nginx/error.log" >"$WORK/nginx.log" 2>&1 &
nginx_pid=$!
PIDS+=("$nginx_pid")
wait_http "$nginx_port" "$nginx_pid" "$WORK/nginx/error.log"
nbase=http://127.0.0.1:$nginx_port
cmp -s <(curl -sf "$nbase$GET_PATH") "$WORK/nginx/www$GET_PATH" ||
  { echo "bench: nginx does not serve the workshop's bytes" >&2; exit 1; }
warm_up "$CLIENT_CPU" "$nbase$GET_PATH"
nginx_workshop=$(wrk_run "$CLIENT_CPU" 1 64 get.lua "$nbase$GET_PATH")
warm_up "$CLIENT_CPU" "$nbase/healthz"
nginx_healthz=$(wrk_run "$CLIENT_CPU" 1 64 get.lua "$nbase/healthz")
stop "$nginx_pid" QUIT

for pair in "workshop:GET /api/v1/workshops/1234:0.8" "healthz:GET /healthz:0.9"; do
  IFS=: read -r key label goal <<<"$pair"
  c=capdev_$key n=nginx_$key
  crps=$(field "${!c}" rps) nrps=$(field "${!n}" rps)
  ratio=$(calc "$crps / $nrps" 2)
  row "$label, 64 connections, req/s (server on 1 core)" "$(calc "$crps" 0)" \
    "$(calc "$nrps" 0) (nginx, static file)" "$ratio" "≥ $goal×" "$ratio" ">=" "$goal"
  note "$label: capdev p99 $(field "${!c}" p99_ms) ms, non-2xx $(field "${!c}" non2xx), socket errors $(field "${!c}" socket_errors); nginx p99 $(field "${!n}" p99_ms) ms, non-2xx $(field "${!n}" non2xx)"
done

# ---- 2. the attendance sheet PUT, against raw SQLite --------------------------
log "attendance sheet: raw SQLite for ${DURATION} s"
raw=$("$BENCH_TOOLS/capdev_raw_sheet_bench" "$(write_copy raw)" "$SHEET_WORKSHOP" \
  "$SHEET_SESSION" "$WORK/sheet.txt" --seconds "$DURATION")
echo "$raw" >&2
log "attendance sheet: PUT, 4 clients"
sheet_rows "" "$raw" "raw SQLite" put "$(write_copy put)"

# ---- 3. mixed reads and writes ------------------------------------------------
log "mixed: 90% GET one workshop, 10% PUT the sheet, 64 connections"
start_capdev mixed "$(write_copy mixed)" all --max-connections-per-address 128
CAPDEV_TOKEN=$(login "$SERVER_PORT")
mixed=$(wrk_run all 2 64 mixed.lua "http://127.0.0.1:$SERVER_PORT/")
stop "$SERVER_PID"
note "mixed 90% GET / 10% PUT, 64 connections (no goal since 2026-12: its p99 is the writer's queue): $(calc "$(field "$mixed" rps)" 0) req/s, p50 $(field "$mixed" p50_ms) ms, p99 $(field "$mixed" p99_ms) ms, max $(field "$mixed" max_ms) ms, non-2xx $(field "$mixed" non2xx), socket errors $(field "$mixed" socket_errors)"
# In that closed loop every connection waits for its PUT in the writer's
# queue, so the p99 is the queue: 64 connections over the writer's sheets per
# second. The goal is what a reader waits while sheets are written: the same
# load as two streams, GETs while 4 clients write sheets.
streams_rows "" streams "$(write_copy streams)"

# ---- 4. reports -----------------------------------------------------------------
log "reports (median of $REPORT_RUNS runs each)"
start_capdev reports "$BENCH_DB" all
CAPDEV_TOKEN=$(login "$SERVER_PORT")
base=http://127.0.0.1:$SERVER_PORT
funder_all="$base/api/v1/reports/funder?organization_id=1&from=2015-01-01&to=2025-12-31"
funder_year="$base/api/v1/reports/funder?organization_id=1&from=2020-01-01&to=2020-12-31"
summary_all="$base/api/v1/reports/summary?from=2015-01-01&to=2025-12-31"
funder_cold_ms=$(cold_ms "$funder_all")
funder_rows "" sqlite3 -readonly "$BENCH_DB"
note "funder report over all years, a report worker's first run (not counted): $funder_cold_ms ms"

# One workshop read, again and again, while 4 funder reports over all years run.
reports=()
for i in 1 2 3 4; do
  curl -s -o /dev/null -H "Authorization: Bearer $CAPDEV_TOKEN" "$funder_all" &
  reports+=($!)
  PIDS+=($!)
done
reads=()
deadline=$(( $(date +%s) + 120 ))
while [ "$(date +%s)" -lt "$deadline" ]; do
  t=$(time_get "$base$GET_PATH")
  reads+=("$t")
  running=0
  for pid in "${reports[@]}"; do kill -0 "$pid" 2>/dev/null && running=1; done
  [ $running = 1 ] || break
  sleep 0.05
done
for pid in "${reports[@]}"; do wait "$pid" 2>/dev/null || true; forget "$pid"; done
worst_ms=$(printf '%s\n' "${reads[@]}" | maximum | awk '{printf "%.1f", $1 * 1000}')
median_ms=$(printf '%s\n' "${reads[@]}" | median | awk '{printf "%.1f", $1 * 1000}')
row "one workshop read during 4 concurrent funder reports (all years), worst ms" \
  "$worst_ms" "—" "—" "≤ 100 ms" "$worst_ms" "<=" 100
note "reads during the 4 reports: ${#reads[@]}, median $median_ms ms, worst $worst_ms ms"

year_ms=$(ms_median "$funder_year")
row "funder report, organization 1, 2020, ms" "$year_ms" "—" "—" "≤ 50 ms" "$year_ms" "<=" 50
# The summary reads every project's workshops, most of them pages the funder
# report never mapped: warmed the same way.
summary_cold_ms=$(cold_ms "$summary_all")
summary_row "" 100
note "programme summary over all years, a report worker's first run (not counted): $summary_cold_ms ms"
stop "$SERVER_PID"

# ---- 5. memory with 1,000 idle keep-alive connections -------------------------
log "RSS with 1,000 idle keep-alive connections"
start_capdev rss "$BENCH_DB" all --max-connections 2000 \
  --max-connections-per-address 2000 --idle-timeout-ms 120000
CAPDEV_TOKEN=$(login "$SERVER_PORT")
idle=$(python3 "$BENCH_DIR/idle_connections.py" --port "$SERVER_PORT" \
  --pid "$SERVER_PID" --count 1000 --path "$GET_PATH" --token "$CAPDEV_TOKEN" 2>&1) ||
  echo "bench: idle connections: $idle" >&2
idle=$(grep '^BENCH' <<<"$idle" || true)
stop "$SERVER_PID"
rss_mib=$(calc "$(field "$idle" rss_kib) / 1024" 1)
[ "$(field "$idle" alive)" = 1000 ] || rss_mib=""
row "server RSS with 1,000 idle keep-alive connections, MiB" "${rss_mib:-failed}" "—" "—" \
  "≤ 64 MiB" "$rss_mib" "<=" 64
note "idle connections: $idle (RSS before them $(calc "$(field "$idle" rss_before_kib) / 1024" 1) MiB)"

# ---- 6. a participant list's import --------------------------------------------
source "$BENCH_DIR/import.sh"

# ---- 7. the same on PostgreSQL --------------------------------------------------
source "$BENCH_DIR/postgres.sh"

# ---- 8. ten times the programme, on both engines --------------------------------
source "$BENCH_DIR/scale.sh"

# ---- 9. self check-in at the start of a morning session --------------------------
source "$BENCH_DIR/checkin.sh"

# ---- 10. a workshop's certificates in one PDF --------------------------------------
source "$BENCH_DIR/certificates.sh"

# ---- the table ------------------------------------------------------------------
elapsed=$(( $(date +%s) - started ))
commit=$(git rev-parse --short HEAD 2>/dev/null || echo "?")
{
  echo
  echo "## $(date -u +%Y-%m-%dT%H:%M:%SZ), bench at commit $commit"
  echo
  echo "Server \`$CAPDEV_BIN\` (version $("$CAPDEV_BIN" --version 2>/dev/null || echo "?"), modified $(date -u -r "$CAPDEV_BIN" +%Y-%m-%dT%H:%M:%SZ)); $(nproc) cores; load average at the start $load_at_start;"
  echo "wrk runs of ${DURATION} s; reports: median of $REPORT_RUNS; $elapsed s in all."
  echo
  echo "| measure | capdev | reference | ratio | goal | result |"
  echo "|---|---:|---:|---:|---|---|"
  printf '%s\n' "${ROWS[@]}"
  echo
  printf '%s\n' "${NOTES[@]}"
} | tee -a "$RESULTS"

if [ "${BENCH_IN_PROCESS:-0}" = 1 ]; then
  log "in-process report timings (capdev_report_bench)"
  "$BENCH_TOOLS/capdev_report_bench" "$BENCH_DB" --runs "$REPORT_RUNS"
fi
