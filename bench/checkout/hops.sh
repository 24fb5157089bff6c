#!/usr/bin/env bash
# Where a checkout's time goes between the services: the median (and p90) time of each hop of the saga over the last
# N orders placed, from the timestamps the services record themselves (order status changes, reservations,
# payments) in the bench_ databases, which bench/checkout/run.sh leaves behind. Each hop is one relay, the broker and
# one consumer, except payment -> authorized (the provider's call).
#   bench/checkout/hops.sh [N]      (default 400)
set -euo pipefail
N="${1:-400}"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
query() { # database (without the bench_ prefix), SQL -> CSV on stdout
  PGPASSWORD="${COMMERCE_PG_PASSWORD:-commerce}" psql -h "${COMMERCE_PG_HOST:-127.0.0.1}" -p "${COMMERCE_PG_PORT:-5432}" \
    -U "${COMMERCE_PG_USER:-commerce}" -d "bench_$1" -AtF, -c "$2"
}
query orders "WITH recent AS (SELECT id, placed_at FROM customer_order ORDER BY placed_at DESC LIMIT $N)
  SELECT r.id, extract(epoch FROM r.placed_at),
         extract(epoch FROM max(c.changed_at) FILTER (WHERE c.status = 'AWAITING_PAYMENT')),
         extract(epoch FROM max(c.changed_at) FILTER (WHERE c.status = 'CONFIRMED'))
  FROM recent r JOIN order_status_change c ON c.order_id = r.id GROUP BY r.id, r.placed_at" > "$WORK/orders.csv"
query inventory "SELECT order_id, extract(epoch FROM created_at) FROM reservation" > "$WORK/reservations.csv"
query payments "SELECT order_id, extract(epoch FROM created_at), extract(epoch FROM authorized_at) FROM payment
  WHERE authorized_at IS NOT NULL" > "$WORK/payments.csv"
python3 - "$WORK" <<'PY'
import csv, statistics, sys
work = sys.argv[1]
reserved = {row[0]: float(row[1]) for row in csv.reader(open(f"{work}/reservations.csv"))}
payments = {row[0]: (float(row[1]), float(row[2])) for row in csv.reader(open(f"{work}/payments.csv"))}
hops = {name: [] for name in ("placed -> stock reserved", "reserved -> AWAITING_PAYMENT", "-> payment recorded",
                              "payment -> authorized", "authorized -> CONFIRMED", "placed -> CONFIRMED")}
for order_id, placed, awaiting, confirmed in csv.reader(open(f"{work}/orders.csv")):
    if not awaiting or not confirmed or order_id not in reserved or order_id not in payments:
        continue
    placed, awaiting, confirmed = float(placed), float(awaiting), float(confirmed)
    paid, authorized = payments[order_id]
    for name, seconds in zip(hops, (reserved[order_id] - placed, awaiting - reserved[order_id], paid - awaiting,
                                    authorized - paid, confirmed - authorized, confirmed - placed)):
        hops[name].append(seconds * 1000)
for name, ms in hops.items():
    if ms:
        ms.sort()
        print(f"hop {name}: n={len(ms)} p50_ms={statistics.median(ms):.0f} p90_ms={ms[int(len(ms) * 0.9)]:.0f}")
PY
