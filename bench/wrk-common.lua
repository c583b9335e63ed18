-- Shared by passage.lua, suggest.lua and opensearch.lua, which define build_request(query) and
-- then load this.
--
-- Run as: wrk ... -s bench/passage.lua URL -- QUERY_FILE
-- Every thread reads the query file once and prepares one HTTP request per query up front, so
-- the load loop only hands out ready strings and wrk's own CPU use stays small (it shares the
-- machine with the server it measures). When wrk is done, one line starting with RESULT gives the
-- numbers bench/run reads.

-- Percent-encodes every byte but the unreserved characters of RFC 3986, so spaces, quotes,
-- '&', '#', '+' and non-ASCII letters (as their UTF-8 bytes) all reach the server intact.
function url_encode(s)
  return (s:gsub("[^%w%-%._~]", function(c)
    return string.format("%%%02X", string.byte(c))
  end))
end

local thread_count = 0

-- Runs in wrk's main thread once per load thread: give each thread its own number.
function setup(thread)
  thread:set("thread_number", thread_count)
  thread_count = thread_count + 1
end

local function read_queries(path)
  local file = assert(io.open(path, "r"), "cannot read the query file " .. tostring(path))
  local queries = {}
  for line in file:lines() do
    local q = line:gsub("^%s+", ""):gsub("%s+$", "")
    if q ~= "" then
      queries[#queries + 1] = q
    end
  end
  file:close()
  assert(#queries > 0, "no queries in " .. path)
  return queries
end

local prepared = {}
local position = 0

function init(args)
  local path = args[1]
  assert(path, "pass the query file after --, as in: wrk ... URL -- queries.txt")
  for i, q in ipairs(read_queries(path)) do
    prepared[i] = build_request(q)
  end
  -- Threads start at different places in the list, so they do not ask the same query at once.
  position = ((thread_number or 0) * 97) % #prepared
end

-- Cycles through the queries in order, wrapping around at the end.
function request()
  position = position % #prepared + 1
  return prepared[position]
end

-- Runs once in the main thread. Latencies come in microseconds. wrk counts answers with a status
-- of 400 or more as status errors; bench/run checks every query once for a 200 before the load.
function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.3f rps=%.1f p50_ms=%.3f p99_ms=%.3f non2xx=%d socket_errors=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.status, e.connect + e.read + e.write + e.timeout))
end
