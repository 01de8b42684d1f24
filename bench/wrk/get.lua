-- GET the URL given to wrk, with the bearer token (also sent to nginx, which
-- ignores it, so both servers read the same requests).
dofile(os.getenv("BENCH_DIR") .. "/wrk/common.lua")
for k, v in pairs(bench_headers()) do wrk.headers[k] = v end
