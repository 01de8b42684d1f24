# Section 10 of bench/run.sh, sourced by it: a workshop's 100 certificates in
# one PDF (bench/certificates.py: the template with signatures and a logo,
# long names in both scripts), the median of 5 GETs; the reference, on the
# same server in the same run, the same register as JSON (the same reads,
# nothing drawn). A fresh database of its own. Uses run.sh's globals and
# lib.sh's helpers.
# shellcheck shell=bash

log "certificates: 100 in one PDF, against the same register as JSON"
cert_db="$WORK/certificates.db"
"$CAPDEV_BIN" migrate --db "$cert_db" >/dev/null
echo "$PASSWORD" | "$CAPDEV_BIN" user add bench --role coordinator --db "$cert_db" >/dev/null
start_capdev certificates "$cert_db" all
CAPDEV_TOKEN=$(login "$SERVER_PORT")
certs=$(python3 "$BENCH_DIR/certificates.py" --port "$SERVER_PORT" --token "$CAPDEV_TOKEN" 2>&1) ||
  echo "bench: certificates: $certs" >&2
certs=$(grep '^BENCH' <<<"$certs" || true)
stop "$SERVER_PID"

cert_ms=$(field "$certs" pdf_ms) cert_ref=$(field "$certs" json_ms)
cert_s="" cert_ratio="—"
[ "$(field "$certs" pages)" = 100 ] && cert_s=$(calc "$cert_ms / 1000" 2)
[ -z "$cert_s" ] || [ -z "$cert_ref" ] || cert_ratio=$(calc "$cert_ms / $cert_ref" 0)
row "100 certificates in one PDF (A4, fonts subset, QR codes, images), s" \
  "${cert_s:-failed}" "${cert_ref:-failed} ms (the register as JSON)" "$cert_ratio" \
  "< 2 s" "$cert_s" "<" 2
note "certificates: $certs"
