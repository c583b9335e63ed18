-- wrk script for bench/reliability: sends request paths from a file as they are written (already
-- percent-encoded, some deliberately broken), cycling through them, and counts answers by class.
-- Run as: wrk -t2 -c64 -d60s -s bench/hostile.lua http://127.0.0.1:PORT -- paths.txt
-- One RESULT line at the end: requests, answers 2xx/4xx/5xx, socket errors, p99.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_number", #threads)
end

local prepared = {}
local position = 0
ok, client_errors, server_errors = 0, 0, 0

function init(args)
  local file = assert(io.open(args[1], "r"), "cannot read the paths file " .. tostring(args[1]))
  for line in file:lines() do
    if line ~= "" then
      prepared[#prepared + 1] = wrk.format("GET", line)
    end
  end
  file:close()
  assert(#prepared > 0, "no paths in " .. args[1])
  position = ((thread_number or 0) * 7) % #prepared
end

function request()
  position = position % #prepared + 1
  return prepared[position]
end

function response(status, headers, body)
  if status >= 500 then
    server_errors = server_errors + 1
  elseif status >= 400 then
    client_errors = client_errors + 1
  else
    ok = ok + 1
  end
end

function done(summary, latency, requests)
  local o, c, s = 0, 0, 0
  for _, thread in ipairs(threads) do
    o = o + thread:get("ok")
    c = c + thread:get("client_errors")
    s = s + thread:get("server_errors")
  end
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d rps=%.1f ok=%d client_errors=%d server_errors=%d socket_errors=%d p99_ms=%.3f max_ms=%.3f\n",
    summary.requests, summary.requests / (summary.duration / 1e6), o, c, s,
    e.connect + e.read + e.write + e.timeout, latency:percentile(99) / 1000, latency.max / 1000))
end
