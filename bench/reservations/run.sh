#!/usr/bin/env bash
# Reservations per second on one hot SKU and on SKUs spread over a catalog, through POST /reservations.
# Starts the local platform (fresh databases prefixed bench_, its own ports and run directory), seeds two
# warehouses, one hot SKU and SPREAD_COUNT spread SKUs with stock that never runs out, then runs wrk:
# a warm-up, and RUNS measured runs per mode. Checks afterwards that reserved units equal created reservations.
#   bench/reservations/run.sh [runs] [seconds]      (needs wrk: apt-get install wrk; builds the project first)
# COMMERCE_SERVICE_JAVA_OPTS chooses the service JVM options (default here: full JIT, see REPORT.md);
# MODES="hot" or "spread" runs one mode; WARMUP_SECONDS (default 30) the warm-up per mode;
# PROFILE=/tmp/inventory records each measured run with Java Flight Recorder (PROFILE-<mode>-<run>.jfr).
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS="${1:-3}"
SECONDS_PER_RUN="${2:-30}"
CONNECTIONS="${CONNECTIONS:-32}"
SPREAD_COUNT="${SPREAD_COUNT:-1000}"
RUN_DIR=.run/bench-reservations
PORT=18084
# shellcheck disable=SC1091
source bench/lib/platform.sh
start_platform "$RUN_DIR"
export PARTNER_TOKEN
BASE="http://127.0.0.1:$PORT"
admin() { curl -sf -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' "$@"; }

warehouses=()
for priority in 1 2; do
  warehouses+=("$(admin -d "{\"code\":\"BENCH-$priority\",\"name\":\"Bench $priority\",\"country\":\"DE\",\"priority\":$priority}" \
    "$BASE/warehouses" | sed -E 's/.*"id":"([^"]+)".*/\1/')")
done
receive() { admin -o /dev/null -d "{\"quantity\":$3}" "$BASE/stock/$1/warehouses/$2/receipts"; }
HOT_SKU=BENCH-HOT
receive "$HOT_SKU" "${warehouses[0]}" 1000000000
receive "$HOT_SKU" "${warehouses[1]}" 1000000000
for i in $(seq 0 $((SPREAD_COUNT - 1))); do
  receive "$(printf 'BENCH-SPREAD-%04d' "$i")" "${warehouses[$((i % 2))]}" 1000000000
done

{
  machine_summary inventory-service
  echo "date: $(date -u +%FT%TZ), wrk -t2 -c$CONNECTIONS, ${SECONDS_PER_RUN}s per run, $RUNS runs per mode, $SPREAD_COUNT spread SKUs"
}
# CPU seconds used so far by the inventory JVM, PostgreSQL, the launcher (it hosts the Kafka broker), the rest.
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
sum_ticks() { local total=0; for pid in "$@"; do total=$((total + $(ticks "$pid"))); done; echo "$total"; }
inventory_pid=$(pgrep -f "inventory-service/target/quarkus-app/quarkus-run.jar")
cpu_snapshot() {
  echo "$(sum_ticks "$inventory_pid") $(sum_ticks $(pgrep -x postgres)) $(sum_ticks "$launcher") $(awk 'NR == 1 {t = 0; for (i = 2; i <= NF; i++) t += $i; print t, $5 + $6}' /proc/stat)"
}
cpu_share() { # before after: each part's share of the machine's capacity (all cores) during the run
  read -r i0 p0 k0 a0 d0 <<< "$1"; read -r i1 p1 k1 a1 d1 <<< "$2"
  awk -v i=$((i1 - i0)) -v p=$((p1 - p0)) -v k=$((k1 - k0)) -v a=$((a1 - a0)) -v d=$((d1 - d0)) \
    'BEGIN { printf "cpu: inventory %d%%, postgres %d%%, kafka+launcher %d%%, rest (wrk, other services, kernel) %d%%, idle %d%%",
             100*i/a, 100*p/a, 100*k/a, 100*(a-i-p-k-d)/a, 100*d/a }'
}
bench() { # mode seconds
  if [ "$1" = hot ]; then env HOT_SKU=$HOT_SKU RUN_NONCE="$(openssl rand -hex 4)" wrk -t2 -c"$CONNECTIONS" -d"$2s" -s bench/reservations/reserve.lua "$BASE"
  else env SPREAD_PREFIX=BENCH-SPREAD- SPREAD_COUNT="$SPREAD_COUNT" RUN_NONCE="$(openssl rand -hex 4)" wrk -t2 -c"$CONNECTIONS" -d"$2s" -s bench/reservations/reserve.lua "$BASE"; fi \
    | grep '^RESULT'
}
psql_bench() { PGPASSWORD="${COMMERCE_PG_PASSWORD:-commerce}" psql -h 127.0.0.1 -U "${COMMERCE_PG_USER:-commerce}" -d bench_inventory "$@"; }
for mode in ${MODES:-hot spread}; do
  echo "warm-up $mode: $(bench $mode "${WARMUP_SECONDS:-30}")"
  # Statistics as a database in service has them: the tables were created empty seconds ago, and plans cached
  # while they were tiny would scan them whole (see REPORT.md). Autovacuum gets there too, minutes later.
  psql_bench -qc ANALYZE 2>/dev/null
  for run in $(seq 1 "$RUNS"); do
    before=$(cpu_snapshot)
    [ -n "${PROFILE:-}" ] && jcmd "$inventory_pid" JFR.start name=bench settings=profile >/dev/null
    result=$(bench $mode "$SECONDS_PER_RUN")
    [ -n "${PROFILE:-}" ] && jcmd "$inventory_pid" JFR.stop name=bench filename="$PROFILE-$mode-$run.jfr" >/dev/null
    echo "$mode run $run: $result; $(cpu_share "$before" "$(cpu_snapshot)")"
  done
done

# Correctness after the load: every reservation is in the ledger, and nothing was lost or doubled.
reserved=$(admin "$BASE/stock/$HOT_SKU" | grep -o '"reserved":[0-9]*' | head -1 | cut -d: -f2)
active=$(psql_bench -tAc \
  "SELECT COUNT(*) FROM reservation r JOIN reservation_line l ON l.reservation_id = r.id WHERE l.sku = '$HOT_SKU' AND r.status = 'ACTIVE'")
echo "check: hot SKU reserved units=$reserved, active hot reservations=$active"
