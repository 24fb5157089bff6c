#!/usr/bin/env bash
# Footprint of the packaged services: time from process start to ready, and resident memory at rest.
# Runs the local launcher with --sequential (one service starts at a time, so each start-up is timed alone),
# waits for a quiet period, samples RSS of every service and of the launcher (which hosts the Kafka broker),
# then stops the platform. Repeats for each configuration below.
#   bench/footprint/measure.sh [runs]      (default 3 runs per configuration; build the services first)
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS="${1:-3}"
REST_SECONDS="${REST_SECONDS:-20}"
OUT="bench/footprint/results-$(date -u +%Y%m%dT%H%M%SZ).txt"
JDK17="${JDK17:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
JDK25="${JDK25:-$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -n 1)}"

# name | service JDK | COMMERCE_SERVICE_JAVA_OPTS ("-" = the launcher's defaults) | class data cache (AppCDS / AOT)
CONFIGS=(
  "jdk17-jvm-defaults|$JDK17|-Dbench=jvm-defaults|false"
  "jdk17-launcher-opts-appcds|$JDK17|-|true"
)
[ -n "$JDK25" ] && CONFIGS+=("jdk25-launcher-opts-aot-cache|$JDK25|-|true")

rss_mb() { awk '/VmRSS/ {printf "%d", $2/1024}' "/proc/$1/status"; }

{
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(uname -r)"
  echo "launcher JVM: $(java -version 2>&1 | head -1)"
  echo "date: $(date -u +%FT%TZ), runs per configuration: $RUNS, at rest after: ${REST_SECONDS}s"
} | tee "$OUT"

rm -rf .run/bench/aot   # the first Java 25 run trains the AOT cache; the following runs use it
for config in "${CONFIGS[@]}"; do
  IFS='|' read -r name jdk opts cache <<< "$config"
  for run in $(seq 1 "$RUNS"); do
    log=$(mktemp)
    export COMMERCE_SERVICE_JAVA_HOME="$jdk" COMMERCE_CLASS_DATA_CACHE="$cache"
    if [ "$opts" = "-" ]; then unset COMMERCE_SERVICE_JAVA_OPTS; else export COMMERCE_SERVICE_JAVA_OPTS="$opts"; fi
    java -jar platform/local/target/platform-local.jar --home . --sequential --run-dir .run/bench >"$log" 2>&1 &
    launcher=$!
    for _ in $(seq 1 300); do grep -q 'Press Ctrl-C' "$log" && break; kill -0 "$launcher" 2>/dev/null || break; sleep 1; done
    grep -q 'Press Ctrl-C' "$log" || { cat "$log"; kill -TERM "$launcher"; exit 1; }
    sleep "$REST_SECONDS"   # at rest: start-up garbage collected, JIT settled
    echo "--- $name run=$run (java $(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$jdk/release"), opts: ${COMMERCE_SERVICE_JAVA_OPTS:-launcher defaults}, class data cache: $cache)" | tee -a "$OUT"
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
