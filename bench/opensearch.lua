-- wrk script for OpenSearch: POST /passage/_search with the body of bench/opensearch-search.json,
-- its "@QUERY@" replaced by each query of the file in turn. That body asks what Passage's API
-- answers: a match on text with the AND operator (Passage ANDs the words), page 1 of 10 hits,
-- the unified highlighter giving one fragment of text (Passage's snippet), a terms aggregation of
-- size 10 per facet dimension, exact hit counts, and the stored fields but the paragraph text.
-- Run as: wrk -t2 -c8 -d20s -s bench/opensearch.lua http://127.0.0.1:PORT -- queries.txt

local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"

local function read_file(path)
  local file = assert(io.open(path, "r"), "cannot read " .. path)
  local text = file:read("*a")
  file:close()
  return text
end

-- The template on one line: only the line breaks and the indentation after them are removed.
local template = read_file(here .. "opensearch-search.json"):gsub("%s*\n%s*", "")
assert(template:find('"@QUERY@"', 1, true), "opensearch-search.json has no \"@QUERY@\"")

-- A JSON string literal: quotes and backslashes escaped, control characters dropped (as
-- json_string in bench/lib.sh, which checks the same bodies before the load).
function json_string(s)
  return '"' .. s:gsub("%c", ""):gsub('[\\"]', "\\%0") .. '"'
end

function build_request(query)
  local body = template:gsub('"@QUERY@"', function() return json_string(query) end)
  return wrk.format("POST", "/passage/_search", { ["Content-Type"] = "application/json" }, body)
end

dofile(here .. "wrk-common.lua")
