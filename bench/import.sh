# Section 6 of bench/run.sh, sourced by it: a host's participant list of
# 5,000 rows matched against 10,000 people (half of them on the list), as a
# dry run and as a real run, and a write's latency while dry runs read.
# Uses run.sh's globals and lib.sh's helpers.
# shellcheck shell=bash

log "participant import: 10,000 people, then a list of 5,000 (2,500 known)"
import_db="$WORK/import.db"
"$CAPDEV_BIN" migrate --db "$import_db" >/dev/null
echo "$PASSWORD" | "$CAPDEV_BIN" user add bench --role coordinator --db "$import_db" >/dev/null
sqlite3 "$import_db" "
  INSERT INTO projects (id, code, title) VALUES (1, 'BENCH', 'Import benchmark');
  INSERT INTO workshops (id, project_id, title, kind, status, start_date, end_date)
  VALUES (1, 1, 'People, part 1', 'training', 'confirmed', '2025-03-03', '2025-03-05'),
         (2, 1, 'People, part 2', 'training', 'confirmed', '2025-04-07', '2025-04-09'),
         (3, 1, 'The list', 'training', 'confirmed', '2025-05-05', '2025-05-07');"
python3 "$BENCH_DIR/import_list.py" "$WORK/people1.csv" 0 5000
python3 "$BENCH_DIR/import_list.py" "$WORK/people2.csv" 5000 5000
python3 "$BENCH_DIR/import_list.py" "$WORK/list.csv" 7500 5000  # 7,500-9,999 known
start_capdev import "$import_db" all
CAPDEV_TOKEN=$(login "$SERVER_PORT")
base=http://127.0.0.1:$SERVER_PORT
upload() {  # upload WORKSHOP FILE QUERY: prints "seconds status"
  curl -s -o "$WORK/upload.json" -w '%{time_total} %{http_code}\n' \
    -H "Authorization: Bearer $CAPDEV_TOKEN" -H 'Content-Type: text/csv' \
    --data-binary @"$2" "$base/api/v1/workshops/$1/registrations/import?$3"
}
for part in 1 2; do
  read -r seconds status < <(upload "$part" "$WORK/people$part.csv" \
    'dry_run=false&create_organizations=true')
  [ "$status" = 200 ] || { cat "$WORK/upload.json" >&2; echo "bench: import failed" >&2; exit 1; }
  note "import of 5,000 new people (part $part, real run): $(calc "$seconds * 1000" 0) ms"
done

dry_ms=$(for ((i = 0; i < REPORT_RUNS; i++)); do upload 3 "$WORK/list.csv" dry_run=true; done |
  awk '{print $1 * 1000}' | median | awk '{printf "%.1f", $1}')
known=$(python3 -c 'import json, sys; a = json.load(open(sys.argv[1]))["summary"]["actions"]
print(a["match_person"], a["create_person"])' "$WORK/upload.json")
row "participant list dry run: 5,000 rows against 10,000 people, ms" "$dry_ms" "—" "—" \
  "≤ 1000 ms" "$dry_ms" "<=" 1000
same=0
[ "$known" = "2500 2500" ] && same=1
row "the dry run's people matched and created" "$known" "2500 2500" "—" "equal" "$same" "==" 1

# A write while dry runs of the list read: each write's time, the worst.
dry_runs=()
for i in 1 2 3; do
  upload 3 "$WORK/list.csv" dry_run=true >/dev/null &
  dry_runs+=($!)
  PIDS+=($!)
done
writes=()
for ((i = 0; i < 40; i++)); do
  writes+=("$(curl -s -o /dev/null -w '%{time_total}' -X POST \
    -H "Authorization: Bearer $CAPDEV_TOKEN" -H 'Content-Type: application/json' \
    -d "{\"name\": \"Agency $i during dry runs\", \"kind\": \"government\"}" \
    "$base/api/v1/organizations")")
  sleep 0.02
done
for pid in "${dry_runs[@]}"; do wait "$pid" 2>/dev/null || true; forget "$pid"; done
write_ms=$(printf '%s\n' "${writes[@]}" | maximum | awk '{printf "%.1f", $1 * 1000}')
row "a write while 3 dry runs of that list read, worst of 40, ms" "$write_ms" "—" "—" \
  "≤ 100 ms" "$write_ms" "<=" 100

read -r seconds status < <(upload 3 "$WORK/list.csv" dry_run=false)
real_ms=$(calc "$seconds * 1000" 1)
[ "$status" = 200 ] || real_ms=failed
row "participant list real run: 5,000 rows (2,500 new people), ms" "$real_ms" "—" "—" \
  "≤ 2000 ms" "$real_ms" "<=" 2000
stop "$SERVER_PID"
