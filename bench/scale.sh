# Section 8 of bench/run.sh, sourced by it after postgres.sh: the programme
# at ten times its size (200,000 workshops, 2,000,000 people, some 19 million
# marks) on both engines: the funder report over all years against the plain
# aggregate, its totals against the aggregate's, and the programme summary.
# bench/results/bench10.db is generated once (BENCH_DB10; some minutes and
# 2 GB), then loaded into the PostgreSQL cluster of postgres.sh.
# BENCH_SCALE=0 skips the section.
# shellcheck shell=bash

if [ "${BENCH_SCALE:-1}" = 1 ]; then
  BENCH_DB10=$(realpath -m "${BENCH_DB10:-bench/results/bench10.db}")
  if [ ! -f "$BENCH_DB10" ]; then
    log "generating $BENCH_DB10 (once): 200,000 workshops, 2,000,000 people"
    "$BENCH_TOOLS/capdev_generate_data" "$BENCH_DB10" --workshops 200000 --people 2000000
  fi
  "$CAPDEV_BIN" migrate --db "$BENCH_DB10" >/dev/null
  echo "$PASSWORD" | "$CAPDEV_BIN" user add bench --role coordinator \
    --db "$BENCH_DB10" >/dev/null 2>&1 || true
  sqlite3 "$BENCH_DB10" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
  note "ten times: $(sqlite3 "$BENCH_DB10" "SELECT (SELECT COUNT(*) FROM workshops) || ' workshops, ' || (SELECT COUNT(*) FROM people) || ' people, ' || (SELECT COUNT(*) FROM attendance) || ' marks'")"

  log "ten times, SQLite: reports (median of $REPORT_RUNS runs each)"
  start_capdev ten_sqlite "$BENCH_DB10" all
  CAPDEV_TOKEN=$(login "$SERVER_PORT")
  funder_rows "10× SQLite: " sqlite3 -readonly "$BENCH_DB10"
  summary_row "10× SQLite: " 1,000
  stop "$SERVER_PID"

  t0=$(date +%s)
  CAPDEV_BIN=$CAPDEV_BIN bash "$BENCH_DIR/pg_load.sh" "$BENCH_DB10" "$(pg_create ten)"
  note "ten times: loaded into PostgreSQL in $(( $(date +%s) - t0 )) s"
  log "ten times, PostgreSQL: reports (median of $REPORT_RUNS runs each)"
  start_capdev ten_pg "$PG_BASE/ten" all
  CAPDEV_TOKEN=$(login "$SERVER_PORT")
  funder_rows "10× PostgreSQL: " psql -X -q -At "$PG_BASE/ten"
  summary_row "10× PostgreSQL: " 1,000
  stop "$SERVER_PID"
fi
