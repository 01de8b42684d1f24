-- 90% reads, 10% writes on each connection: nine GETs of GET_PATH, then one
-- PUT of the attendance sheet to SHEET_PATH (its 4 versions in turn, each
-- changing every mark), and again.
dofile(os.getenv("BENCH_DIR") .. "/wrk/common.lua")
local get_path = os.getenv("GET_PATH")
local put_path = os.getenv("SHEET_PATH")
local get_request
local put_requests = {}
local n = 0

function init(args)
  get_request = wrk.format("GET", get_path, bench_headers())
  for k, body in ipairs(sheet_bodies()) do
    put_requests[k] = wrk.format("PUT", put_path,
      bench_headers({["Content-Type"] = "application/json"}), body)
  end
end

function request()
  n = n + 1
  if n % 10 == 0 then return put_requests[math.floor(n / 10) % #put_requests + 1] end
  return get_request
end
