#!/usr/bin/env bash
# Footprint of the packaged services: time from process start to ready, and resident memory at rest.
# Runs the local launcher with --sequential (one service starts at a time, so each start-up is timed alone),
# waits for a quiet period, samples RSS of every service and of the launcher (which hosts the Kafka broker),
# then stops the platform. Repeats for each JVM option set given in OPTION_SETS.
#   bench/footprint/measure.sh [runs]      (default 3 runs per option set; services must be built)
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS="${1:-3}"
REST_SECONDS="${REST_SECONDS:-20}"
OUT="bench/footprint/results-$(date -u +%Y%m%dT%H%M%SZ).txt"

# "launcher-default" leaves COMMERCE_SERVICE_JAVA_OPTS unset, so the launcher's own defaults apply;
# "jvm-default" passes a no-op property, so the JVM runs with its ergonomic defaults (G1, 1/4 of RAM as heap).
declare -A OPTION_SETS=(
  [jvm-default]="-Dbench.options=jvm-default"
  [launcher-default]=""
)

rss_mb() { awk '/VmRSS/ {printf "%d", $2/1024}' "/proc/$1/status"; }

{
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
  echo "date: $(date -u +%FT%TZ)"
} | tee "$OUT"

for name in "${!OPTION_SETS[@]}"; do
  for run in $(seq 1 "$RUNS"); do
    log=$(mktemp)
    if [ -n "${OPTION_SETS[$name]}" ]; then export COMMERCE_SERVICE_JAVA_OPTS="${OPTION_SETS[$name]}"; else unset COMMERCE_SERVICE_JAVA_OPTS; fi
    java -jar platform/local/target/platform-local.jar --home . --sequential --run-dir .run/bench >"$log" 2>&1 &
    launcher=$!
    for _ in $(seq 1 300); do grep -q 'Press Ctrl-C' "$log" && break; kill -0 "$launcher" 2>/dev/null || break; sleep 1; done
    grep -q 'Press Ctrl-C' "$log" || { cat "$log"; kill -TERM "$launcher"; exit 1; }
    sleep "$REST_SECONDS"   # at rest: let start-up garbage be collected and JIT settle
    echo "--- options=$name run=$run: ${COMMERCE_SERVICE_JAVA_OPTS:-(launcher defaults)}" | tee -a "$OUT"
    grep -E '^[a-z]+-service ' "$log" | awk '{print $1, "ready_s=" $5}' | while read -r svc ready; do
      pid=$(pgrep -f "$svc/target/quarkus-app/quarkus-run.jar")
      echo "$svc $ready rss_mb=$(rss_mb "$pid")"
    done | tee -a "$OUT"
    total=0; for pid in $(pgrep -f quarkus-run.jar); do total=$((total + $(rss_mb "$pid"))); done
    echo "services_total_rss_mb=$total launcher_with_kafka_rss_mb=$(rss_mb "$launcher")" | tee -a "$OUT"
    kill -TERM "$launcher"; wait "$launcher" || true
    rm -f "$log"
  done
done
echo "results: $OUT"
