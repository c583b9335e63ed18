-- wrk script for Passage: GET /api/search?q=QUERY&size=10 for each query of the file, page 1 of
-- 10 hits with snippets and all four facet dimensions (the API always counts them).
-- Run as: wrk -t2 -c8 -d20s -s bench/passage.lua http://127.0.0.1:PORT -- queries.txt

-- Percent-encodes every byte but the unreserved characters of RFC 3986, so spaces, quotes,
-- '&', '#', '+' and non-ASCII letters (as their UTF-8 bytes) all reach the server intact.
function url_encode(s)
  return (s:gsub("[^%w%-%._~]", function(c)
    return string.format("%%%02X", string.byte(c))
  end))
end

function build_request(query)
  return wrk.format("GET", "/api/search?q=" .. url_encode(query) .. "&size=10")
end

dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "wrk-common.lua")
