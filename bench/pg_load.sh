#!/usr/bin/env bash
# Copies a generated SQLite bench database into a PostgreSQL database at
# capdev's schema, table by table with COPY (the sqlite3 CLI writing CSV):
# minutes where row-by-row inserts through the triggers would take an hour at
# 200,000 workshops. Triggers and foreign keys are off during the copy
# (session_replication_role = replica): the participation table is copied as
# SQLite's triggers left it, which is what PostgreSQL's own would have made
# (PostgresTest compares the two). Identity sequences then start after the
# copied ids, and ANALYZE gives the planner its statistics.
#
#   bench/pg_load.sh SQLITE_DB POSTGRES_URI     (CAPDEV_BIN: the capdev to migrate with)
set -euo pipefail
db=$1 uri=$2
"${CAPDEV_BIN:?}" migrate --db "$uri" >/dev/null
tables=$(sqlite3 "$db" "SELECT name FROM sqlite_schema WHERE type = 'table'
  AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' ORDER BY name")
for table in $tables; do
  # Same columns in the same order on both engines (the schema test checks).
  sqlite3 -csv -nullvalue '\N' "$db" "SELECT * FROM $table" |
    psql -X -q -v ON_ERROR_STOP=1 "$uri" \
      -c "SET session_replication_role = replica" \
      -c "\\copy $table FROM pstdin WITH (FORMAT csv, NULL '\\N')"
done
psql -X -q -v ON_ERROR_STOP=1 "$uri" <<'SQL'
DO $$
DECLARE c record;
BEGIN
  FOR c IN SELECT table_name FROM information_schema.columns
           WHERE table_schema = current_schema() AND column_name = 'id'
             AND is_identity = 'YES' LOOP
    EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, ''id''), '
                   'COALESCE((SELECT max(id) FROM %I), 0) + 1, false)',
                   c.table_name, c.table_name);
  END LOOP;
END $$;
ANALYZE;
SQL
