#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL 15 cluster (Debian's
# pg_virtualenv: initdb in a temporary folder, a free port, a random
# password), so that the tests on the second engine run; the cluster is
# dropped when the command ends. PGHOST, PGPORT, PGUSER and PGPASSWORD reach
# the command, and CAPDEV_TEST_POSTGRES=1 tells the tests the cluster is there
# (tests/support/pg_database.hpp).
#
# usage: tests/tools/with_postgres.sh COMMAND [ARGS...]
set -euo pipefail
if ! command -v pg_virtualenv >/dev/null || [ ! -x /usr/lib/postgresql/15/bin/initdb ]; then
  echo "with_postgres.sh: postgresql-15 is missing (scripts/deps.sh installs it)" >&2
  exit 1
fi
# Only what fails the tests reaches the log: the tests provoke errors on
# purpose (constraint violations, a statement timeout).
exec pg_virtualenv -t -v 15 \
  -o 'log_min_messages=fatal' -o 'log_min_error_statement=panic' \
  -o 'log_checkpoints=off' \
  env CAPDEV_TEST_POSTGRES=1 "$@"
