# Section 7 of bench/run.sh, sourced by it: the same measures on PostgreSQL,
# each against its reference in the same run: the GET against the nginx run
# of section 1, the sheet PUT against the same replace by libpq alone
# (capdev_raw_sheet_bench_pg), the funder report against
# reference_aggregate.sql in psql. A throwaway PostgreSQL 15 cluster (Debian's
# binaries, initdb in a temporary folder, a free port) holds copies of the
# write template, loaded with pg_load.sh. Uses run.sh's globals and lib.sh's
# helpers; scale.sh uses the cluster after it.
# shellcheck shell=bash

PG_BIN=/usr/lib/postgresql/15/bin
pg_owner() {  # PostgreSQL's server programs refuse to run as root
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
PG_WORK=$(mktemp -d "${TMPDIR:-/tmp}/capdev-bench-pg.XXXXXX")
chmod 755 "$PG_WORK"
[ "$(id -u)" -ne 0 ] || chown postgres: "$PG_WORK"
PG_PORT=$(free_port)
pg_stop() {
  pg_owner "$PG_BIN/pg_ctl" -D "$PG_WORK/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_WORK"
}
trap 'pg_stop; cleanup' EXIT

log "PostgreSQL: a throwaway cluster on port $PG_PORT"
pg_owner "$PG_BIN/initdb" -D "$PG_WORK/data" -U capdev -A trust -E UTF8 \
  --locale=C.UTF-8 --no-sync >/dev/null
# Durable as capdev asks (fsync, synchronous_commit on: the defaults), with
# memory for the data set as a database server would have.
cat >>"$PG_WORK/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$PG_WORK'
shared_buffers = 2GB
effective_cache_size = 8GB
work_mem = 64MB
maintenance_work_mem = 1GB
max_wal_size = 8GB
log_min_messages = fatal
log_min_error_statement = panic
EOF
pg_owner "$PG_BIN/pg_ctl" -D "$PG_WORK/data" -l "$PG_WORK/log" -w -t 120 \
  -o "-p $PG_PORT" start >/dev/null
PG_BASE=postgresql://capdev@127.0.0.1:$PG_PORT
pg_sql() {  # pg_sql DATABASE SQL
  psql -X -q -At -v ON_ERROR_STOP=1 "$PG_BASE/$1" -c "$2"
}
pg_create() {  # pg_create NAME [TEMPLATE]: a database as capdev wants it
  pg_sql postgres "CREATE DATABASE $1 TEMPLATE ${2:-template0} ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'"
  echo "$PG_BASE/$1"
}
t0=$(date +%s)
CAPDEV_BIN=$CAPDEV_BIN bash "$BENCH_DIR/pg_load.sh" "$WORK/template.db" "$(pg_create template_pg)"
note "PostgreSQL: the write template (bench.db plus the sheet's registrations) loaded in $(( $(date +%s) - t0 )) s (pg_load.sh: COPY)"
# Each benchmark on its own copy (CREATE DATABASE ... TEMPLATE: a file copy).
pg_copy() { pg_create "$1" template_pg; }

# ---- GET one workshop, against the nginx run of section 1 ----------------------
log "PostgreSQL: GET one workshop, capdev on core $SERVER_CPU (PostgreSQL unpinned), wrk on core $CLIENT_CPU"
start_capdev pg_read "$(pg_copy pg_read)" "$SERVER_CPU" --max-connections-per-address 128
CAPDEV_TOKEN=$(login "$SERVER_PORT")
base=http://127.0.0.1:$SERVER_PORT
cmp -s <(curl -sf -H "Authorization: Bearer $CAPDEV_TOKEN" "$base$GET_PATH") \
  "$WORK/nginx/www$GET_PATH" ||
  { echo "bench: the workshop's bytes differ on PostgreSQL" >&2; exit 1; }
warm_up "$CLIENT_CPU" "$base$GET_PATH"
pg_workshop=$(wrk_run "$CLIENT_CPU" 1 64 get.lua "$base$GET_PATH")
stop "$SERVER_PID"
crps=$(field "$pg_workshop" rps) nrps=$(field "$nginx_workshop" rps)
ratio=$(calc "$crps / $nrps" 2)
row "PostgreSQL: GET /api/v1/workshops/1234, 64 connections, req/s" "$(calc "$crps" 0)" \
  "$(calc "$nrps" 0) (nginx, static file, section 1)" "$ratio" "≥ 0.8×" "$ratio" ">=" 0.8
note "PostgreSQL GET: capdev p99 $(field "$pg_workshop" p99_ms) ms, non-2xx $(field "$pg_workshop" non2xx); the same bytes as on SQLite"

# ---- the attendance sheet PUT, against raw libpq --------------------------------
log "PostgreSQL: attendance sheet, raw libpq for ${DURATION} s"
pg_raw=$("$BENCH_TOOLS/capdev_raw_sheet_bench_pg" "$(pg_copy pg_raw)" "$SHEET_WORKSHOP" \
  "$SHEET_SESSION" "$WORK/sheet.txt" --seconds "$DURATION")
echo "$pg_raw" >&2
log "PostgreSQL: attendance sheet PUT, 4 clients"
start_capdev pg_put "$(pg_copy pg_put)" all --max-connections-per-address 128
CAPDEV_TOKEN=$(login "$SERVER_PORT")
pg_put=$(wrk_run all 2 4 put_sheet.lua "http://127.0.0.1:$SERVER_PORT$SHEET_PATH")
stop "$SERVER_PID"
put_rate=$(field "$pg_put" rps) raw_rate=$(field "$pg_raw" sheets_per_s)
ratio=$(calc "$put_rate / $raw_rate" 2)
row "PostgreSQL: attendance sheet PUT ($SHEET_ROWS rows), 4 clients, sheets/s" \
  "$(calc "$put_rate" 0)" "$(calc "$raw_rate" 0) (raw libpq, 1 connection)" "$ratio" \
  "≥ 0.8×" "$ratio" ">=" 0.8
put_p99=$(calc "$(field "$pg_put" p99_ms)" 1)
row "PostgreSQL: attendance sheet PUT, p99 ms" "$put_p99" \
  "$(calc "$(field "$pg_raw" p99_ms)" 1) (raw libpq)" "—" "≤ 50 ms" "$put_p99" "<=" 50
note "PostgreSQL sheet PUT: non-2xx $(field "$pg_put" non2xx); raw libpq: $pg_raw"

# ---- GET p99 while 4 clients write sheets ---------------------------------------
start_capdev pg_streams "$(pg_copy pg_streams)" all --max-connections-per-address 128
CAPDEV_TOKEN=$(login "$SERVER_PORT")
wrk -t1 -c4 -d"${DURATION}s" --latency -s "$BENCH_DIR/wrk/put_sheet.lua" \
  "http://127.0.0.1:$SERVER_PORT$SHEET_PATH" >"$WORK/pg_streams_put.txt" &
streams_put_pid=$!
PIDS+=("$streams_put_pid")
pg_streams_get=$(wrk_run all 1 60 get.lua "http://127.0.0.1:$SERVER_PORT$GET_PATH")
wait "$streams_put_pid"
forget "$streams_put_pid"
pg_streams_put=$(grep '^BENCH' "$WORK/pg_streams_put.txt") ||
  { cat "$WORK/pg_streams_put.txt" >&2; echo "bench: wrk gave no summary" >&2; exit 1; }
stop "$SERVER_PID"
get_p99=$(calc "$(field "$pg_streams_get" p99_ms)" 1)
row "PostgreSQL: GET one workshop while 4 clients write sheets, 60 connections, p99 ms" \
  "$get_p99" "—" "—" "≤ 10 ms" "$get_p99" "<=" 10
note "PostgreSQL GET while 4 clients PUT: GET $(calc "$(field "$pg_streams_get" rps)" 0) req/s; PUT $(calc "$(field "$pg_streams_put" rps)" 0) sheets/s, p99 $(field "$pg_streams_put" p99_ms) ms"

# ---- reports, against the plain aggregate in psql ---------------------------------
# report_rows ENGINE DB LABEL: the funder report over all years against
# reference_aggregate.sql (sqlite3 or psql), their totals compared, then the
# funder report of 2020 and the programme summary over all years. Prints
# "funder_ms summary_ms".
report_rows() {
  local engine=$1 db=$2 label=$3 client ref_ms expected actual same
  start_capdev "reports_$engine" "$db" all
  CAPDEV_TOKEN=$(login "$SERVER_PORT")
  base=http://127.0.0.1:$SERVER_PORT
  funder_all="$base/api/v1/reports/funder?organization_id=1&from=2015-01-01&to=2025-12-31"
  summary_all="$base/api/v1/reports/summary?from=2015-01-01&to=2025-12-31"
  warm_both "$funder_all"
  local funder_ms summary_ms
  funder_ms=$(ms_median "$funder_all")
  if [ "$engine" = sqlite ]; then
    client=(sqlite3 -readonly "$db")
  else
    client=(psql -X -q -At "$db")
  fi
  ref_ms=$(for ((i = 0; i < REPORT_RUNS; i++)); do
    t0=$(date +%s%N)
    "${client[@]}" <"$BENCH_DIR/reference_aggregate.sql" >"$WORK/aggregate_$engine.txt"
    echo $(( ($(date +%s%N) - t0) / 1000 ))
  done | median | awk '{printf "%.1f", $1 / 1000}')
  ratio=$(calc "$funder_ms / $ref_ms" 2)
  row "$label: funder report, organization 1, 2015–2025, ms" "$funder_ms" \
    "$ref_ms (${client[0]}, reference_aggregate.sql)" "$ratio" "≤ 0.3×" "$ratio" "<=" 0.3
  expected=$(tail -2 "$WORK/aggregate_$engine.txt" | awk -F'|' '{print $1, $3, $4}')
  actual=$(curl -s -H "Authorization: Bearer $CAPDEV_TOKEN" "$funder_all" | /usr/bin/python3 -c '
import json, sys
r = json.load(sys.stdin)
for i, t in enumerate([r["totals"], r["dates_uncertain"]["totals"]]):
    print(i, t["participant_days"], t["people_trained"])')
  same=0
  [ "$expected" = "$actual" ] && same=1
  row "$label: funder report totals equal the reference aggregate's" \
    "$(echo $actual)" "$(echo $expected)" "—" "equal" "$same" "==" 1
  warm_both "$summary_all"
  summary_ms=$(ms_median "$summary_all")
  stop "$SERVER_PID"
  REPORT_MS="$funder_ms $summary_ms"
}

log "PostgreSQL: reports (median of $REPORT_RUNS runs each)"
report_rows postgres "$(pg_copy pg_reports)" "PostgreSQL"
read -r _ pg_summary_ms <<<"$REPORT_MS"
row "PostgreSQL: programme summary, 2015–2025, ms" "$pg_summary_ms" "—" "—" "≤ 100 ms" \
  "$pg_summary_ms" "<=" 100
