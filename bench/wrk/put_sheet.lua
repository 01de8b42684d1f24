-- PUT the attendance sheet to the URL given to wrk
-- (/api/v1/workshops/W/sessions/S/attendance), its 4 versions in turn (each
-- changes every mark of the one before).
dofile(os.getenv("BENCH_DIR") .. "/wrk/common.lua")
local requests = {}
local n = 0

function init(args)
  for k, body in ipairs(sheet_bodies()) do
    requests[k] = wrk.format("PUT", nil,
      bench_headers({["Content-Type"] = "application/json"}), body)
  end
end

function request()
  n = n + 1
  return requests[(n % #requests) + 1]
end
