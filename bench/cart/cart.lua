-- wrk script for cart-service. MODE=add: POST /carts/{id}/items with a random cart of CARTS_FILE and a random SKU
-- of SKUS_FILE (one unit); MODE=read: GET /carts/{id} of a random cart (full totals: tax, promotions, shipping).
local threads = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

local function lines(path)
  local list = {}
  for line in io.lines(path) do
    if line ~= "" then table.insert(list, line) end
  end
  return list
end

function init(args)
  mode = os.getenv("MODE")
  carts = lines(os.getenv("CARTS_FILE"))
  skus = lines(os.getenv("SKUS_FILE"))
  math.randomseed(os.time() + tid * 7919)
  headers = { ["Content-Type"] = "application/json" }
  ok = 0
  other = 0
end

function request()
  local cart = carts[math.random(#carts)]
  if mode == "add" then
    local sku = skus[math.random(#skus)]
    return wrk.format("POST", "/carts/" .. cart .. "/items", headers, '{"sku":"' .. sku .. '","quantity":1}')
  end
  return wrk.format("GET", "/carts/" .. cart, headers)
end

function response(status, headers, body)
  if status == 200 or status == 201 then ok = ok + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  local ok_total, other_total = 0, 0
  for _, thread in ipairs(threads) do
    ok_total = ok_total + thread:get("ok")
    other_total = other_total + thread:get("other")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d ok=%d other=%d errors=%d req_per_s=%.0f p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f\n",
    summary.requests, ok_total, other_total,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000))
end
