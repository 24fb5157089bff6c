#!/usr/bin/env bash
# Cart throughput: add-item requests over many carts, and cart reads with full totals (tax, an automatic
# promotion, shipping). Starts the local platform (fresh bench_ databases, its own ports), creates SKUS products
# in the catalog with stock in inventory, a German tax rate, a shipping method and an automatic promotion, waits
# until the products reached cart-service through events, opens CARTS guest carts with three lines, an address and
# the shipping method each, then runs wrk (2 threads, CONNECTIONS connections): a warm-up and RUNS runs per mode.
#   bench/cart/run.sh [runs] [seconds]      (needs wrk: apt-get install wrk; builds the project first)
# Mode read-rate: cart reads at a fixed READ_RATE (3,000/s: the issue's rate) from bench/lib/FixedRate.java, timed
# from when each request was due (a 10 s warm-up, then RUNS runs; between the read and add modes, as adds grow carts).
#   PROFILE=1 records JFR samples of the cart JVM per mode (.run/bench-cart/cart-MODE.jfr; read with bench/lib/jfr-top.py)
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS="${1:-3}"
SECONDS_PER_RUN="${2:-30}"
CONNECTIONS="${CONNECTIONS:-32}"
SKUS="${SKUS:-100}"
CARTS="${CARTS:-2000}"
READ_RATE="${READ_RATE:-3000}"
RUN_DIR=.run/bench-cart
WORK=$(mktemp -d)
# shellcheck disable=SC1091
source bench/lib/platform.sh
start_platform "$RUN_DIR"
trap 'kill -TERM $launcher 2>/dev/null; wait $launcher 2>/dev/null || true; rm -rf "$WORK" "$platform_log"' EXIT
CATALOG="http://127.0.0.1:$COMMERCE_CATALOG_PORT"
INVENTORY="http://127.0.0.1:$COMMERCE_INVENTORY_PORT"
CART="http://127.0.0.1:$COMMERCE_CART_PORT"
admin() { curl -sf -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' "$@"; }
json() { curl -sf -H 'Content-Type: application/json' "$@"; }
id_of() { sed -E 's/.*"id":"([^"]+)".*/\1/'; }

warehouse=$(admin -d '{"code":"BENCH-1","name":"Bench","country":"DE","priority":1}' "$INVENTORY/warehouses" | id_of)
for i in $(seq -w 1 "$SKUS"); do
  sku="BENCH-$i"
  admin -d "{\"slug\":\"bench-$i\",\"name\":\"Bench product $i\",\"status\":\"ACTIVE\",\"taxCategory\":\"standard\",\"variants\":[{\"sku\":\"$sku\",\"weightGrams\":300,\"prices\":[{\"currency\":\"EUR\",\"amount\":\"$((10 + 10#$i)).90\"}]}]}" "$CATALOG/products" >/dev/null
  admin -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" -d '{"quantity":10000000,"reference":"bench"}' "$INVENTORY/stock/$sku/warehouses/$warehouse/receipts" >/dev/null
  echo "$sku" >> "$WORK/skus.txt"
done
admin -d '{"country":"DE","taxCategory":"standard","name":"VAT 19%","ratePercent":19}' "$CART/tax-rates" >/dev/null
zone=$(admin -d '{"name":"Germany","countries":["DE"]}' "$CART/shipping-zones" | id_of)
method=$(admin -d "{\"zoneId\":\"$zone\",\"name\":\"Standard\",\"basis\":\"WEIGHT\",\"bands\":[{\"currency\":\"EUR\",\"from\":\"0\",\"upTo\":\"2000\",\"price\":\"4.90\"},{\"currency\":\"EUR\",\"from\":\"2000\",\"price\":\"9.90\"}],\"freeAbove\":[{\"amount\":\"500.00\",\"currency\":\"EUR\"}]}" "$CART/shipping-methods" | id_of)
admin -d '{"name":"5% over 50","automatic":true,"conditions":{"minSubtotal":[{"amount":"50.00","currency":"EUR"}]},"action":{"type":"ORDER_PERCENTAGE","percent":5}}' "$CART/promotions" >/dev/null

# the last SKU reaching cart-service means the catalog and stock events arrived
probe=$(json -d '{"currency":"EUR"}' "$CART/carts" | id_of)
last=$(tail -1 "$WORK/skus.txt")
until json -d "{\"sku\":\"$last\",\"quantity\":1}" "$CART/carts/$probe/items" >/dev/null 2>&1; do sleep 1; done

open_cart() {
  local cart sku
  cart=$(json -d '{"currency":"EUR"}' "$CART/carts" | id_of)
  for n in 1 2 3; do
    sku=$(printf 'BENCH-%0*d' "${#SKUS}" $(( (RANDOM % SKUS) + 1 )))
    json -d "{\"sku\":\"$sku\",\"quantity\":$n}" "$CART/carts/$cart/items" >/dev/null || true
  done
  json -X PUT -d '{"email":"bench@example.com","shippingAddress":{"firstName":"B","lastName":"Ench","line1":"1 Str","postalCode":"10115","city":"Berlin","country":"DE"}}' "$CART/carts/$cart/addresses" >/dev/null
  json -X PUT -d "{\"methodId\":\"$method\"}" "$CART/carts/$cart/shipping-method" >/dev/null
  echo "$cart"
}
export -f open_cart json id_of
export CART SKUS method
started=$(date +%s)
seq 1 "$CARTS" | xargs -P 4 -I{} bash -c open_cart >> "$WORK/carts.txt"
echo "seeded $(wc -l < "$WORK/carts.txt") carts in $(( $(date +%s) - started ))s"

{
  machine_summary cart-service
  echo "date: $(date -u +%FT%TZ), wrk -t2 -c$CONNECTIONS, ${SECONDS_PER_RUN}s per run, $RUNS runs per mode, $SKUS SKUs, $CARTS carts"
}
bench() { # mode seconds: wrk's RESULT line, then the share of the machine's CPU time each process took
  local cart0 pg0 kafka0 all0 cart1 pg1 kafka1 all1 result
  cart0=$(ticks cart-service/target/quarkus-app); pg0=$(ticks '^postgres'); kafka0=$(ticks platform-local.jar); all0=$(machine_ticks)
  result=$(env MODE="$1" CARTS_FILE="$WORK/carts.txt" SKUS_FILE="$WORK/skus.txt" \
    wrk -t2 -c"$CONNECTIONS" -d"$2s" --latency -s bench/cart/cart.lua "$CART" | grep '^RESULT')
  cart1=$(ticks cart-service/target/quarkus-app); pg1=$(ticks '^postgres'); kafka1=$(ticks platform-local.jar); all1=$(machine_ticks)
  local busy=$(( all1 - all0 )); [ "$busy" -gt 0 ] || busy=1
  echo "$result cpu_busy_s=$(( busy / $(getconf CLK_TCK) )) cart_jvm=$(( 100 * (cart1 - cart0) / busy ))% postgres=$(( 100 * (pg1 - pg0) / busy ))% launcher_and_broker=$(( 100 * (kafka1 - kafka0) / busy ))% rest_incl_wrk=$(( 100 - 100 * (cart1 - cart0 + pg1 - pg0 + kafka1 - kafka0) / busy ))%"
}
cart_pid=$(pgrep -f cart-service/target/quarkus-app/quarkus-run.jar)
for mode in ${MODES:-read read-rate add}; do
  if [ "$mode" = read-rate ]; then
    # reads at the issue's rate from an open-loop generator, before adds grow the carts: the latency a shopper sees
    # at that load, which wrk's closed loop at saturation (its queue of CONNECTIONS requests) does not show
    sed 's|^|/carts/|' "$WORK/carts.txt" > "$WORK/read-paths.txt"
    fixed_rate_runs read "$CART" "$WORK/read-paths.txt" "$READ_RATE"
    continue
  fi
  echo "warm-up $mode: $(bench "$mode" "${WARMUP_SECONDS:-30}")"
  jfr_start "$cart_pid" "$mode" "$PWD/$RUN_DIR/cart-$mode.jfr"
  for run in $(seq 1 "$RUNS"); do
    echo "$mode run $run: $(bench "$mode" "$SECONDS_PER_RUN")"
  done
  jfr_stop "$cart_pid" "$mode" "$PWD/$RUN_DIR/cart-$mode.jfr"
done
echo "sample cart: $(curl -sf "$CART/carts/$(head -1 "$WORK/carts.txt")" | cut -c1-600)"
