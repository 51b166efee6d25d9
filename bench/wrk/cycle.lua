-- wrk script: maintenance cycles of every enrolled client in turn.
-- Usage: wrk -s bench/wrk/cycle.lua http://127.0.0.1:PORT -- CYCLES_FILE
-- CYCLES_FILE is the harness's cycles.tsv: the Authorization value, a tab, the JSON body, one client a
-- line. Requests are formatted once in init, so wrk spends its time sending, not building strings.
-- The same requests go to the server and to the bare endpoint, which ignores what they say.

local requests = {}
local count = 0
local next_index = 0
local thread_count = 0

function setup(thread)
  -- Runs in the main state before the threads start: numbers each thread so they start apart.
  thread:set("thread_number", thread_count)
  thread_count = thread_count + 1
end

function init(args)
  local path = args[1] or error("usage: wrk -s cycle.lua URL -- CYCLES_FILE")
  for line in io.lines(path) do
    local tab = line:find("\t", 1, true) or error("no tab in a line of " .. path)
    count = count + 1
    requests[count] = wrk.format("POST", "/v1/access/L01/cycle",
      { ["Authorization"] = line:sub(1, tab - 1), ["Content-Type"] = "application/json" }, line:sub(tab + 1))
  end
  if count == 0 then error(path .. " holds no client") end
  -- Threads start at different clients so that no two send the same client at once.
  next_index = (thread_number or 0) * 7919 % count
end

function request()
  next_index = next_index % count + 1
  return requests[next_index]
end

function done(summary, latency, _)
  -- One machine-readable line for bench/load-access-point.sh (wrk's latencies are in microseconds).
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f non2xx=%d socket_errors=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.status, e.connect + e.read + e.write + e.timeout))
end
