-- wrk script: POST /reservations, one line of one unit per order, a new order id per request.
-- Environment: PARTNER_TOKEN; HOT_SKU (every order takes the same SKU) or SPREAD_PREFIX + SPREAD_COUNT
-- (each order takes a random one of SPREAD_COUNT SKUs named SPREAD_PREFIX0000...); RUN_NONCE (8 hex digits,
-- so order ids of different runs never meet); IDEMPOTENCY_KEYS=1 sends Idempotency-Key (= order id) as well.
local threads = {}
local counter = 0

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  hot = os.getenv("HOT_SKU")
  keyed = os.getenv("IDEMPOTENCY_KEYS") == "1"
  spread_prefix = os.getenv("SPREAD_PREFIX")
  spread_count = tonumber(os.getenv("SPREAD_COUNT") or "0")
  nonce = tonumber(os.getenv("RUN_NONCE"), 16)
  math.randomseed(nonce + tid * 7919)
  headers = {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. os.getenv("PARTNER_TOKEN"),
  }
  created = 0
  refused = 0
end

function request()
  counter = counter + 1
  local sku = hot or string.format("%s%04d", spread_prefix, math.random(0, spread_count - 1))
  local order = string.format("%08x-%04x-4000-8000-%012x", nonce, tid, counter)
  local body = '{"orderId":"' .. order .. '","lines":[{"sku":"' .. sku .. '","quantity":1}]}'
  if keyed then headers["Idempotency-Key"] = order end
  return wrk.format("POST", "/reservations", headers, body)
end

function response(status, headers, body)
  if status == 201 then created = created + 1 else refused = refused + 1 end
end

function done(summary, latency, requests)
  local created_total, refused_total = 0, 0
  for _, thread in ipairs(threads) do
    created_total = created_total + thread:get("created")
    refused_total = refused_total + thread:get("refused")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d created=%d other=%d errors=%d req_per_s=%.0f p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f\n",
    summary.requests, created_total, refused_total,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000))
end
