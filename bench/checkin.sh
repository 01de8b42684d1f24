# Section 9 of bench/run.sh, sourced by it: self check-in at the start of a
# morning session. 300 participants (BENCH_CHECKIN_PARTICIPANTS) check in
# within a minute (BENCH_CHECKIN_SECONDS) by the rotating QR code and their
# personal codes, each from a connection of its own (checkin.py: a wave of 50
# at once as the code goes up, the others thinning out; at most 50 in
# flight); then nothing may be missing from the attendance matrix. The
# reference, on the same server with the same arrival times: a one-mark
# attendance sheet PUT, the smallest durable write through the same writer.
# A fresh database of its own (an empty programme: the participants, their
# workshop and the reference's). Uses run.sh's globals and lib.sh's helpers.
# shellcheck shell=bash

CHECKIN_PARTICIPANTS=${BENCH_CHECKIN_PARTICIPANTS:-300}
CHECKIN_SECONDS=${BENCH_CHECKIN_SECONDS:-60}
log "self check-in: $CHECKIN_PARTICIPANTS participants within $CHECKIN_SECONDS s, then the reference (about $((2 * CHECKIN_SECONDS + 10)) s)"
checkin_db="$WORK/checkin.db"
"$CAPDEV_BIN" migrate --db "$checkin_db" >/dev/null
echo "$PASSWORD" | "$CAPDEV_BIN" user add bench --role coordinator --db "$checkin_db" >/dev/null
mkdir -p "$WORK/checkin"
# The server as deployed (default connection caps: every phone here comes
# from 127.0.0.1, as from one venue's Wi-Fi behind NAT).
start_capdev checkin "$checkin_db" all
CAPDEV_TOKEN=$(login "$SERVER_PORT")
checkin=$(python3 "$BENCH_DIR/checkin.py" --port "$SERVER_PORT" --token "$CAPDEV_TOKEN" \
  --participants "$CHECKIN_PARTICIPANTS" --seconds "$CHECKIN_SECONDS" \
  --work "$WORK/checkin" 2>&1) || echo "bench: check-in: $checkin" >&2
checkin=$(grep '^BENCH' <<<"$checkin" || true)
stop "$SERVER_PID"

checkin_p99=$(field "$checkin" p99_ms) checkin_ref=$(field "$checkin" ref_p99_ms)
checkin_ratio="—"
[ -z "$checkin_p99" ] || [ -z "$checkin_ref" ] ||
  checkin_ratio=$(calc "$checkin_p99 / $checkin_ref" 2)
row "self check-in: $CHECKIN_PARTICIPANTS participants within $CHECKIN_SECONDS s (50 at once, then thinning), p99 ms" \
  "${checkin_p99:-failed}" "${checkin_ref:-failed} (one-mark sheet PUT, same arrivals)" \
  "$checkin_ratio" "≤ 100 ms" "$checkin_p99" "<=" 100
# Lost: missing from the matrix. Every check-in must also have answered 200
# naming its participant, and the session's count must be all of them.
checkin_lost=$(field "$checkin" lost)
checkin_non200=$(field "$checkin" non200) checkin_errors=$(field "$checkin" errors)
checkin_failed=$(( ${checkin_non200:-0} + ${checkin_errors:-0} ))
checkin_failures=$(field "$checkin" failures)
checkin_whole=0
[ -n "$checkin" ] && [ "$checkin_lost" = 0 ] &&
  [ "$(field "$checkin" ok)" = "$CHECKIN_PARTICIPANTS" ] &&
  [ "$(field "$checkin" checked_in)" = "$CHECKIN_PARTICIPANTS" ] &&
  [ "$(field "$checkin" wrong_person)" = 0 ] && checkin_whole=1
row "self check-in: check-ins lost, and answered other than 200 (of $CHECKIN_PARTICIPANTS)" \
  "${checkin_lost:-failed}, $checkin_failed" "—" "—" "0, 0" "$checkin_whole" "==" 1
if [ -z "$checkin" ]; then
  note "self check-in: checkin.py gave no summary (its output is in the log above)"
else
  note "self check-in: p50 $(field "$checkin" p50_ms) ms, p90 $(field "$checkin" p90_ms) ms, p99 $checkin_p99 ms, max $(field "$checkin" max_ms) ms (from each participant's arrival to the answer's last byte, connect included; p99 the $(( (99 * CHECKIN_PARTICIPANTS + 99) / 100 ))th of $CHECKIN_PARTICIPANTS), at most $(field "$checkin" in_flight_max) in flight; $(field "$checkin" arrived_first_20s) arrived in the first 20 s; marked $(field "$checkin" present) present, $(field "$checkin" late) late (late from three quarters of the run), $(field "$checkin" self_checkin) with source self_checkin, checked_in $(field "$checkin" checked_in) of $(field "$checkin" registered), flags $(field "$checkin" flags), answers naming someone else $(field "$checkin" wrong_person); non-2xx $(field "$checkin" non200), connection errors $(field "$checkin" errors)${checkin_failures:+ ($checkin_failures)}; QR code read $(field "$checkin" qr_reads) times (zbarimg), $(field "$checkin" qr_codes) step codes used"
  note "self check-in reference (one-mark sheet PUT, the same arrivals): p50 $(field "$checkin" ref_p50_ms) ms, p99 $checkin_ref ms, max $(field "$checkin" ref_max_ms) ms, non-2xx $(field "$checkin" ref_non200), connection errors $(field "$checkin" ref_errors)"
fi
