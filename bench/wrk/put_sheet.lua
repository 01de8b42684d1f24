-- PUT the attendance sheet in SHEET_BODY (a JSON array of marks) to the URL
-- given to wrk (/api/v1/workshops/W/sessions/S/attendance).
dofile(os.getenv("BENCH_DIR") .. "/wrk/common.lua")
wrk.method = "PUT"
wrk.body = read_file(os.getenv("SHEET_BODY"))
for k, v in pairs(bench_headers({["Content-Type"] = "application/json"})) do
  wrk.headers[k] = v
end
