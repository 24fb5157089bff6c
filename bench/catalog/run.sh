#!/usr/bin/env bash
# Storefront reads under load: the stack's ceiling (GET /), product by id, a category page of 20 (prices,
# availability, facets), a search page of 20 (relevance, facets) and type-ahead, on 10,000 products with 3 variants.
# Starts the local platform (fresh bench_ databases, its own ports), creates 2 top categories with 5 subcategories
# each, imports the products through POST /products/imports (JSON lines), receives stock of the first SKU of each
# product in inventory-service, waits until catalog's search index holds all of it (it comes through the topics),
# then runs wrk (2 threads, CONNECTIONS connections): a warm-up and RUNS runs per mode.
#   bench/catalog/run.sh [runs] [seconds]      (needs wrk: apt-get install wrk; builds the project first)
# Then type-ahead at a fixed rate (SUGGEST_RATE, 5,000/s: the issue's rate) with bench/lib/FixedRate.java, an open-loop
# generator: wrk at saturation measures its own queue, not the latency a shopper sees at that load.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS="${1:-3}"
SECONDS_PER_RUN="${2:-30}"
CONNECTIONS="${CONNECTIONS:-32}"
PRODUCTS="${PRODUCTS:-10000}"
RUN_DIR=.run/bench-catalog
PORT=18081
SUGGEST_RATE="${SUGGEST_RATE:-5000}"
WORK=$(mktemp -d)
# shellcheck disable=SC1091
source bench/lib/platform.sh
start_platform "$RUN_DIR"
trap 'kill -TERM $launcher 2>/dev/null; wait $launcher 2>/dev/null || true; rm -rf "$WORK" "$platform_log"' EXIT
BASE="http://127.0.0.1:$PORT"
admin() { curl -sf -H "Authorization: Bearer $ADMIN_TOKEN" "$@"; }
psql_bench() { PGPASSWORD="${COMMERCE_PG_PASSWORD:-commerce}" psql -h 127.0.0.1 -U "${COMMERCE_PG_USER:-commerce}" -d bench_catalog -tAc "$1"; }
id_of() { sed -E 's/.*"id":"([^"]+)".*/\1/'; }

leaves=()
for root in 1 2; do
  parent=$(admin -H 'Content-Type: application/json' -d "{\"name\":\"Root $root\",\"slug\":\"root-$root\"}" "$BASE/categories" | id_of)
  for child in 1 2 3 4 5; do
    leaves+=("$(admin -H 'Content-Type: application/json' -d "{\"name\":\"Leaf $root.$child\",\"slug\":\"leaf-$root-$child\",\"parentId\":\"$parent\"}" "$BASE/categories" | id_of)")
  done
done
printf '%s\n' "${leaves[@]}" > "$WORK/categories.txt"

# 10,000 products: names and descriptions from a small vocabulary, so searches match hundreds of products.
WORDS="trail road running walking hiking winter summer light waterproof classic"
awk -v n="$PRODUCTS" -v words="$WORDS" -v cats="$(paste -sd' ' "$WORK/categories.txt")" 'BEGIN {
  split(words, w, " "); split(cats, c, " "); srand(42);
  colours[1] = "black"; colours[2] = "blue"; colours[3] = "red"; colours[4] = "green";
  for (i = 1; i <= n; i++) {
    a = w[int(rand() * 10) + 1]; b = w[int(rand() * 10) + 1]; d = w[int(rand() * 10) + 1];
    price = sprintf("%.2f", 10 + rand() * 290);
    printf "{\"slug\":\"product-%05d\",\"name\":\"%s %s shoe %d\",\"description\":\"A %s shoe for %s days\",\"status\":\"ACTIVE\",", i, a, b, i, d, a;
    printf "\"attributes\":{\"colour\":\"%s\",\"drop\":%d},\"categoryIds\":[\"%s\"],", colours[i % 4 + 1], i % 12, c[i % 10 + 1];
    printf "\"media\":[{\"url\":\"https://cdn.example.com/p%d.jpg\",\"type\":\"IMAGE\"}],\"variants\":[", i;
    for (v = 1; v <= 3; v++) {
      printf "%s{\"sku\":\"P%05d-%d\",\"options\":{\"size\":\"%d\"},\"prices\":[{\"currency\":\"EUR\",\"amount\":\"%s\"}]}", (v > 1 ? "," : ""), i, v, 40 + v, price;
    }
    printf "]}\n";
  }
}' > "$WORK/products.jsonl"
started=$(date +%s)
job=$(admin -H 'Content-Type: application/x-ndjson' --data-binary @"$WORK/products.jsonl" "$BASE/products/imports" | id_of)
until admin "$BASE/products/imports/$job" | grep -q '"status":"COMPLETED"'; do sleep 2; done
echo "import: $(admin "$BASE/products/imports/$job" | grep -o '"succeeded":[0-9]*,"failed":[0-9]*') in $(( $(date +%s) - started ))s"
INVENTORY="http://127.0.0.1:18084"
warehouse=$(admin -H 'Content-Type: application/json' -d '{"code":"BENCH-1","name":"Bench","country":"DE","priority":1}' "$INVENTORY/warehouses" | id_of)
started=$(date +%s)
seq -f "P%05g-1" 1 "$PRODUCTS" | xargs -P 6 -I{} curl -sf -o /dev/null -H "Authorization: Bearer $ADMIN_TOKEN" \
  -H 'Content-Type: application/json' -H "Idempotency-Key: bench-{}" -d '{"quantity":10,"reference":"PO-BENCH"}' \
  "$INVENTORY/stock/{}/warehouses/$warehouse/receipts"
echo "stock receipts: $PRODUCTS in $(( $(date +%s) - started ))s"
# the index is fed through catalog.product.v1 and inventory.stock-level.v1: wait until it holds everything
started=$(date +%s)
until curl -sf "$BASE/storefront/products?currency=EUR&limit=1" | grep -q "\"total\":$PRODUCTS,.*\"inStock\":$PRODUCTS"; do sleep 1; done
echo "search index complete $(( $(date +%s) - started ))s after the receipts"
psql_bench "SELECT id FROM product" > "$WORK/ids.txt"

{
  machine_summary catalog-service
  echo "date: $(date -u +%FT%TZ), wrk -t2 -c$CONNECTIONS, ${SECONDS_PER_RUN}s per run, $RUNS runs per mode, $(wc -l < "$WORK/ids.txt") products"
}
bench() { # mode seconds
  env MODE="$1" IDS_FILE="$WORK/ids.txt" CATEGORIES_FILE="$WORK/categories.txt" WORDS="$WORDS" \
    wrk -t2 -c"$CONNECTIONS" -d"$2s" -s bench/catalog/storefront.lua "$BASE" | grep '^RESULT'
}
catalog_pid=$(pgrep -f "catalog-service/target/quarkus-app/quarkus-run.jar")
for mode in ${MODES:-ceiling product category search suggest}; do
  echo "warm-up $mode: $(bench "$mode" "${WARMUP_SECONDS:-30}")"
  jfr_start "$catalog_pid" "$mode" "$PWD/$RUN_DIR/jfr/$mode.jfr"
  for run in $(seq 1 "$RUNS"); do
    echo "$mode run $run: $(bench "$mode" "$SECONDS_PER_RUN")"
  done
  jfr_stop "$catalog_pid" "$mode" "$PWD/$RUN_DIR/jfr/$mode.jfr"
done
if [[ " ${MODES:-suggest} " == *" suggest "* ]]; then
  # the wrk mode's requests: the first 3 to 6 letters of a random word
  awk -v words="$WORDS" 'BEGIN { split(words, w, " "); srand(7); for (i = 0; i < 20000; i++) {
    word = w[int(rand() * 10) + 1]; printf "/storefront/suggestions?limit=8&q=%s\n", substr(word, 1, 3 + int(rand() * 4)) } }' \
    > "$WORK/suggest-paths.txt"
  fixed_rate_runs suggest "$BASE" "$WORK/suggest-paths.txt" "$SUGGEST_RATE"
fi
