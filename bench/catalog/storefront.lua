-- wrk script for the storefront. MODE=product: GET /storefront/products/{random id of IDS_FILE};
-- MODE=category: a page of 20 of a random category of CATEGORIES_FILE, by price, with facets;
-- MODE=search: a page of 20 for a random word of WORDS, by relevance, with facets;
-- MODE=suggest: type-ahead for the first 3 to 6 letters of a random word of WORDS;
-- MODE=ceiling: GET / (the service's static index document through every filter): the stack's own ceiling.
local function lines(path)
  local list = {}
  for line in io.lines(path) do
    if line ~= "" then table.insert(list, line) end
  end
  return list
end

local threads = {}
function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  mode = os.getenv("MODE")
  math.randomseed(os.time() + tid * 7919)
  if mode == "product" then ids = lines(os.getenv("IDS_FILE")) end
  if mode == "category" then categories = lines(os.getenv("CATEGORIES_FILE")) end
  if mode == "search" or mode == "suggest" then
    words = {}
    for word in string.gmatch(os.getenv("WORDS"), "%S+") do table.insert(words, word) end
  end
  ok = 0
  other = 0
end

function request()
  if mode == "product" then
    return wrk.format("GET", "/storefront/products/" .. ids[math.random(#ids)] .. "?currency=EUR")
  elseif mode == "category" then
    return wrk.format("GET", "/storefront/products?currency=EUR&limit=20&sort=price_asc&category=" .. categories[math.random(#categories)])
  elseif mode == "suggest" then
    local word = words[math.random(#words)]
    return wrk.format("GET", "/storefront/suggestions?limit=8&q=" .. string.sub(word, 1, math.random(3, 6)))
  elseif mode == "ceiling" then
    return wrk.format("GET", "/")
  else
    return wrk.format("GET", "/storefront/products?currency=EUR&limit=20&q=" .. words[math.random(#words)])
  end
end

function response(status, headers, body)
  if status == 200 then ok = ok + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  local ok_total, other_total = 0, 0
  for _, thread in ipairs(threads) do
    ok_total = ok_total + thread:get("ok")
    other_total = other_total + thread:get("other")
  end
  io.write(string.format("RESULT requests=%d ok=%d other=%d errors=%d req_per_s=%.0f p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f\n",
    summary.requests, ok_total, other_total,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000))
end
