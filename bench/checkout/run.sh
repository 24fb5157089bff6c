#!/usr/bin/env bash
# Checkout throughput end to end: confirmed orders per second with SHOPPERS concurrent guest shoppers, each again and
# again: a new cart, two items, addresses, the shipping method, POST /orders with Prefer: wait=10 (bench/checkout/
# CheckoutBench.java, a closed loop). Starts the local platform (fresh bench_ databases, its own ports), seeds SKUS
# products with ample stock, German VAT and a shipping method, waits until they reached cart-service, then runs a
# warm-up and RUNS measured runs in one load-generator JVM, printing confirmed/s, p50/p90/p99 from POST /orders to
# CONFIRMED, the share of the machine's CPU each process took (the load generator's too), CPU ms per confirmed order
# each service's database transactions per confirmed order and the WAL bytes PostgreSQL wrote per confirmed order;
# then the median time of each hop of the saga over the last run's orders (bench/checkout/hops.sh).
#   bench/checkout/run.sh [runs] [seconds]      (builds the project first; SKIP_BUILD=1 to reuse the jars)
# The steady state takes many minutes of load (six JVMs compile on two cores): REPORT.md's figures come from
#   WARMUP_SECONDS=900 bench/checkout/run.sh 3 60
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS="${1:-3}"
SECONDS_PER_RUN="${2:-30}"
SHOPPERS="${SHOPPERS:-16}"
SKUS="${SKUS:-50}"
RUN_DIR=.run/bench-checkout
WORK=$(mktemp -d)
export NEEDS_WRK=0
# shellcheck disable=SC1091
source bench/lib/platform.sh
start_platform "$RUN_DIR"
trap 'kill -TERM $launcher 2>/dev/null; wait $launcher 2>/dev/null || true; rm -rf "$WORK" "$platform_log"' EXIT
CATALOG="http://127.0.0.1:$COMMERCE_CATALOG_PORT"
INVENTORY="http://127.0.0.1:$COMMERCE_INVENTORY_PORT"
CART="http://127.0.0.1:$COMMERCE_CART_PORT"
ORDER="http://127.0.0.1:$COMMERCE_ORDER_PORT"
admin() { curl -sf -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' "$@"; }
json() { curl -sf -H 'Content-Type: application/json' "$@"; }
id_of() { sed -E 's/^\{"id":"([^"]+)".*/\1/'; }

warehouse=$(admin -d '{"code":"BENCH-1","name":"Bench","country":"DE","priority":1}' "$INVENTORY/warehouses" | id_of)
for i in $(seq -w 1 "$SKUS"); do
  sku="CHK-$i"
  admin -d "{\"slug\":\"chk-$i\",\"name\":\"Checkout product $i\",\"status\":\"ACTIVE\",\"taxCategory\":\"standard\",\"variants\":[{\"sku\":\"$sku\",\"weightGrams\":300,\"prices\":[{\"currency\":\"EUR\",\"amount\":\"$((10 + 10#$i)).90\"}]}]}" "$CATALOG/products" >/dev/null
  admin -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" -d '{"quantity":10000000,"reference":"bench"}' "$INVENTORY/stock/$sku/warehouses/$warehouse/receipts" >/dev/null
  echo "$sku" >> "$WORK/skus.txt"
done
admin -d '{"country":"DE","taxCategory":"standard","name":"VAT 19%","ratePercent":19}' "$CART/tax-rates" >/dev/null
zone=$(admin -d '{"name":"Germany","countries":["DE"]}' "$CART/shipping-zones" | id_of)
method=$(admin -d "{\"zoneId\":\"$zone\",\"name\":\"Standard\",\"basis\":\"WEIGHT\",\"bands\":[{\"currency\":\"EUR\",\"from\":\"0\",\"price\":\"4.90\"}]}" "$CART/shipping-methods" | id_of)
probe=$(json -d '{"currency":"EUR"}' "$CART/carts" | id_of)
last=$(tail -1 "$WORK/skus.txt")
until json -d "{\"sku\":\"$last\",\"quantity\":1}" "$CART/carts/$probe/items" >/dev/null 2>&1; do sleep 1; done

{
  machine_summary order-service
  echo "date: $(date -u +%FT%TZ), $SHOPPERS shoppers (closed loop), ${SECONDS_PER_RUN}s per run, $RUNS runs, $SKUS SKUs"
}
PROCESSES=(catalog-service/target/quarkus-app cart-service/target/quarkus-app order-service/target/quarkus-app
  inventory-service/target/quarkus-app payment-service/target/quarkus-app customer-service/target/quarkus-app '^postgres'
  platform-local.jar CheckoutBench)
shares() { # the share of the machine's busy CPU time each process took between the two readings
  local busy=$(( $3 - $2 )) i out=""; [ "$busy" -gt 0 ] || busy=1
  local -n from=$1 to=$4
  for i in "${!PROCESSES[@]}"; do
    out+=" $(echo "${PROCESSES[$i]}" | sed -E 's#/target/quarkus-app##; s#\^##; s#platform-local.jar#broker+launcher#')=$(( 100 * (to[$i] - from[$i]) / busy ))%"
  done
  echo "cpu_busy_s=$(( busy / $(getconf CLK_TCK) ))$out"
}
# One load-generator JVM for the warm-up and the runs: it prints BEGIN and RESULT lines around each measured window,
# and the CPU counters of every process (itself included) are read at those lines.
# Transactions each service's database committed (or rolled back) so far: how many a checkout costs does not depend
# on the machine's speed, unlike its CPU time. PostgreSQL publishes these counters within about a second.
transactions() {
  PGPASSWORD="${COMMERCE_PG_PASSWORD:-commerce}" psql -h "${COMMERCE_PG_HOST:-127.0.0.1}" -p "${COMMERCE_PG_PORT:-5432}" \
    -U "${COMMERCE_PG_USER:-commerce}" -d postgres -AtF= -c "SELECT substr(datname, 7),
      xact_commit + xact_rollback FROM pg_stat_database WHERE datname LIKE 'bench\\_%' ORDER BY datname"
}
# Bytes of WAL the whole PostgreSQL server wrote so far (pg_stat_wal): the write cost of a checkout (rows, index
# entries, commits), which also does not depend on the machine's speed. Nothing else writes while the benchmark runs.
wal_bytes() {
  PGPASSWORD="${COMMERCE_PG_PASSWORD:-commerce}" psql -h "${COMMERCE_PG_HOST:-127.0.0.1}" -p "${COMMERCE_PG_PORT:-5432}" \
    -U "${COMMERCE_PG_USER:-commerce}" -d postgres -Atc "SELECT wal_bytes::bigint FROM pg_stat_wal"
}
per_order() { # transactions per confirmed order between two readings of transactions()
  local confirmed=$3 out="" db count
  [ "$confirmed" -gt 0 ] || confirmed=1
  declare -A start
  while IFS== read -r db count; do start[$db]=$count; done <<< "$1"
  while IFS== read -r db count; do
    out+=" $db=$(awk -v d=$(( count - ${start[$db]:-0} )) -v n="$confirmed" 'BEGIN {printf "%.1f", d / n}')"
  done <<< "$2"
  echo "transactions_per_confirmed:$out"
}
before=() after=()
while read -r line; do
  case "$line" in
    BEGIN*)
      if [ "${PROFILE:-}" = 1 ] && [ "$line" = "BEGIN run 1" ]; then # JFR CPU samples of every service in the runs
        mkdir -p "$RUN_DIR/jfr"
        for service in catalog cart order inventory payment; do
          jcmd "$(pgrep -f "$service-service/target/quarkus-app/quarkus-run.jar")" JFR.start name=bench settings=profile \
            filename="$PWD/$RUN_DIR/jfr/$service.jfr" >/dev/null
        done
      fi
      for i in "${!PROCESSES[@]}"; do before[$i]=$(ticks "${PROCESSES[$i]}"); done; all0=$(machine_ticks)
      xacts0=$(transactions); wal0=$(wal_bytes) ;;
    RESULT*)
      for i in "${!PROCESSES[@]}"; do after[$i]=$(ticks "${PROCESSES[$i]}"); done; all1=$(machine_ticks)
      confirmed=$(echo "$line" | sed -E 's/.* confirmed=([0-9]+) .*/\1/')
      echo "${line#RESULT } $(shares before "$all0" "$all1" after)" \
        "cpu_ms_per_confirmed=$(( (all1 - all0) * 1000 / $(getconf CLK_TCK) / (confirmed > 0 ? confirmed : 1) ))" \
        "$(per_order "$xacts0" "$(transactions)" "$confirmed")" \
        "wal_kb_per_confirmed=$(awk -v d=$(( $(wal_bytes) - wal0 )) -v n="$confirmed" 'BEGIN {printf "%.1f", d / 1024 / (n > 0 ? n : 1)}')" ;;
  esac
done < <(java bench/checkout/CheckoutBench.java "$CART" "$ORDER" "$WORK/skus.txt" "$method" "$SHOPPERS" \
  "${WARMUP_SECONDS:-30}" "$RUNS" "$SECONDS_PER_RUN")
# the saga's hops over the last run's orders (bench/checkout/hops.sh)
bench/checkout/hops.sh "${confirmed:-400}"
if [ "${PROFILE:-}" = 1 ]; then
  for service in catalog cart order inventory payment; do
    jcmd "$(pgrep -f "$service-service/target/quarkus-app/quarkus-run.jar")" JFR.stop name=bench >/dev/null
  done
  echo "JFR recordings: $RUN_DIR/jfr/*.jfr"
fi
