#!/usr/bin/env bash
# Commit-to-consumer latency of the event pipeline (outbox -> relay -> Kafka -> inbox), happy path.
# Runs EventLatencyBench (platform/messaging test sources; not part of ./mvnw verify) RUNS times and prints each
# run's summary line. Needs PostgreSQL like the tests (bin/ensure-postgres).
#   bench/event-latency/run.sh [runs] [samples]
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS="${1:-3}"
SAMPLES="${2:-1000}"
./mvnw -B -q install -DskipTests -pl platform/messaging -am
for run in $(seq 1 "$RUNS"); do
  ./mvnw -B -q test -pl platform/messaging -Dtest=EventLatencyBench -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.samples="$SAMPLES" 2>&1 | grep 'EVENT LATENCY' | sed "s/^/run $run: /"
done
