-- wrk script for Passage: GET /api/search?q=QUERY&size=10 for each query of the file, page 1 of
-- 10 hits with snippets and all four facet dimensions (the API always counts them).
-- Run as: wrk -t2 -c8 -d20s -s bench/passage.lua http://127.0.0.1:PORT -- queries.txt

function build_request(query)
  return wrk.format("GET", "/api/search?q=" .. url_encode(query) .. "&size=10")
end

dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "wrk-common.lua")
