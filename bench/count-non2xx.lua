-- wrk script: counts every response outside 200-299 (wrk itself only reports >= 400) across all threads.
-- Used by .ci/steps/40-container.sh and bench/container.sh.
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) non2xx = 0 end
function response(status, headers, body) if status < 200 or status > 299 then non2xx = non2xx + 1 end end
function done(summary, latency, requests)
  local n = 0
  for _, t in ipairs(threads) do n = n + t:get("non2xx") end
  io.write(string.format("non-2xx responses: %d\n", n))
end
