-- Shared by the wrk scripts of bench/run.sh: the bearer token (CAPDEV_TOKEN),
-- a file reader, and one machine-readable summary line at the end:
--   BENCH requests=N seconds=S rps=R p50_ms=.. p90_ms=.. p99_ms=.. max_ms=.. non2xx=N socket_errors=N
-- (non2xx: wrk counts responses with a status above 399.)

local token = os.getenv("CAPDEV_TOKEN") or ""

function bench_headers(extra)
  local h = {}
  if token ~= "" then h["Authorization"] = "Bearer " .. token end
  for k, v in pairs(extra or {}) do h[k] = v end
  return h
end

-- The 4 versions of the attendance sheet (SHEET_BODY0.json .. 3.json, see
-- bench/run.sh): each PUT sends the next, which changes every mark.
function sheet_bodies()
  local bodies = {}
  for k = 0, 3 do
    bodies[k + 1] = read_file(os.getenv("SHEET_BODY") .. k .. ".json")
  end
  return bodies
end

function read_file(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("*a")
  f:close()
  return s
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d seconds=%.2f rps=%.1f p50_ms=%.3f p90_ms=%.3f " ..
    "p99_ms=%.3f max_ms=%.3f non2xx=%d socket_errors=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000,
    e.status, e.connect + e.read + e.write + e.timeout))
end
