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
sheet_rows "PostgreSQL: " "$pg_raw" "raw libpq" pg_put "$(pg_copy pg_put)"

# ---- GET p99 while 4 clients write sheets, and the reports ----------------------
streams_rows "PostgreSQL: " pg_streams "$(pg_copy pg_streams)"

log "PostgreSQL: reports (median of $REPORT_RUNS runs each)"
start_capdev pg_reports "$(pg_copy pg_reports)" all
CAPDEV_TOKEN=$(login "$SERVER_PORT")
funder_rows "PostgreSQL: " psql -X -q -At "$PG_BASE/pg_reports"
summary_row "PostgreSQL: " 100
stop "$SERVER_PID"
