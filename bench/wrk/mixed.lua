-- 90% reads, 10% writes on each connection: nine GETs of GET_PATH, then one
-- PUT of the sheet in SHEET_BODY to SHEET_PATH, and again.
dofile(os.getenv("BENCH_DIR") .. "/wrk/common.lua")
local get_path = os.getenv("GET_PATH")
local put_path = os.getenv("SHEET_PATH")
local body = read_file(os.getenv("SHEET_BODY"))
local get_request, put_request
local n = 0

function init(args)
  get_request = wrk.format("GET", get_path, bench_headers())
  put_request = wrk.format("PUT", put_path,
    bench_headers({["Content-Type"] = "application/json"}), body)
end

function request()
  n = n + 1
  if n % 10 == 0 then return put_request end
  return get_request
end
