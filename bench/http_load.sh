#!/usr/bin/env bash
# HTTP throughput on the generated database (make bench first), with wrk
# on loopback: a list page, one record and /healthz, each for 10 s.
#   bench/http_load.sh [build/release/app/capdev] [bench/results/bench.db]
set -euo pipefail
BIN=${1:-build/release/app/capdev}
DB=${2:-bench/results/bench.db}
PORT=18181
command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null
echo 'bench password 123' | "$BIN" user add bench --role viewer --db "$DB" >/dev/null 2>&1 || true
"$BIN" serve --db "$DB" --port $PORT --log-level warn &
SERVER=$!
trap 'kill -INT $SERVER; wait $SERVER' EXIT
sleep 1
TOKEN=$(curl -s -X POST localhost:$PORT/api/v1/auth/login -d '{"username":"bench","password":"bench password 123"}' |
        sed -E 's/.*"token":"([^"]+)".*/\1/')
for target in "/api/v1/workshops?limit=50&status=held" "/api/v1/workshops/1234" "/healthz"; do
  echo "== GET $target"
  wrk -t2 -c32 -d10s -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT$target" | grep -E "Requests/sec|Latency|Non-2xx"
done
