-- wrk script for OpenSearch: the search requests Passage's OpenSearch engine sent, replayed as
-- they were sent. `passage bench record` wrote them while Passage answered every query once: one
-- request a line, METHOD PATH (with its query string: the search type and typed_keys), a tab,
-- and the body, byte for byte. So the load is exactly Passage's searches, without Passage.
-- Run as: wrk -t2 -c8 -d20s -s bench/opensearch-replay.lua http://127.0.0.1:PORT -- recorded.tsv

function build_request(line)
  local method, path, body = line:match("^(%u+) (%S+)\t(.*)$")
  assert(method, "not a recorded request: " .. line:sub(1, 80))
  return wrk.format(method, path, { ["Content-Type"] = "application/json" }, body)
end

dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "wrk-common.lua")
