-- wrk script for Passage's suggestions: GET /api/suggest?q=PREFIX&size=8 for each prefix of the
-- file, as a reader typing into the search box asks them.
-- Run as: wrk -t1 -c1 -d20s -s bench/suggest.lua http://127.0.0.1:PORT -- prefixes.txt

function build_request(prefix)
  return wrk.format("GET", "/api/suggest?q=" .. url_encode(prefix) .. "&size=8")
end

dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "wrk-common.lua")
