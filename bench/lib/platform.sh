# Shared by the benchmarks: start the local platform on its own ports and databases (prefix bench_) and stop it
# when the benchmark exits. Source it, then call start_platform RUN_DIR; it sets $launcher and sources the tokens.
export COMMERCE_DB_PREFIX=bench_ COMMERCE_KAFKA_PORT=19092 COMMERCE_CATALOG_PORT=18081 COMMERCE_CART_PORT=18082 \
  COMMERCE_ORDER_PORT=18083 COMMERCE_INVENTORY_PORT=18084 COMMERCE_PAYMENT_PORT=18085 COMMERCE_CUSTOMER_PORT=18086
export COMMERCE_SERVICE_JAVA_OPTS="${COMMERCE_SERVICE_JAVA_OPTS:--XX:+UseSerialGC -Xmx512m -Djava.net.preferIPv4Stack=true}"
# the services run on the JDK ./run-platform picks (Java 25+ when installed: 16.7-17.1 checkouts/s against 12.6-14.2 on
# Java 17, bench/checkout/REPORT.md); without a class data cache, whose training run would change the first run's figures
COMMERCE_SERVICE_JAVA_HOME=$(bin/service-java-home); export COMMERCE_SERVICE_JAVA_HOME  # empty: the launcher's JDK
export COMMERCE_CLASS_DATA_CACHE="${COMMERCE_CLASS_DATA_CACHE:-false}"

start_platform() { # run-dir
  [ "${NEEDS_WRK:-1}" = 0 ] || command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }
  [ "${SKIP_BUILD:-}" = 1 ] || ./mvnw -B -q install -DskipTests  # SKIP_BUILD=1: the jars are already built
  platform_log=$(mktemp)
  java -jar platform/local/target/platform-local.jar --home . --fresh --run-dir "$1" >"$platform_log" 2>&1 &
  launcher=$!
  trap 'kill -TERM $launcher 2>/dev/null; wait $launcher 2>/dev/null || true; rm -f "$platform_log"' EXIT
  for _ in $(seq 1 300); do grep -q 'Press Ctrl-C' "$platform_log" && break; kill -0 "$launcher" 2>/dev/null || break; sleep 1; done
  grep -q 'Press Ctrl-C' "$platform_log" || { cat "$platform_log"; exit 1; }
  # shellcheck disable=SC1090
  source "$1/tokens.env"
}

machine_summary() { # service-module
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(uname -r)"
  echo "service JVM command: $(tr '\0' ' ' < "/proc/$(pgrep -f "$1/target/quarkus-app/quarkus-run.jar")/cmdline" | cut -c1-400)"
  # autovacuum off (as on this project's CI machines) leaves dead rows behind: long runs slow down without it
  echo "postgres: autovacuum=$(PGPASSWORD="${COMMERCE_PG_PASSWORD:-commerce}" psql -h "${COMMERCE_PG_HOST:-127.0.0.1}" \
    -p "${COMMERCE_PG_PORT:-5432}" -U "${COMMERCE_PG_USER:-commerce}" -d postgres -Atc 'SHOW autovacuum' 2>/dev/null || echo unknown)"
}

ticks() { # pgrep pattern: CPU ticks (user + system) of the matching processes so far
  local total=0 pid fields
  for pid in $(pgrep -f "$1"); do
    read -r -a fields < "/proc/$pid/stat" 2>/dev/null || continue
    total=$(( total + fields[13] + fields[14] ))
  done
  echo "$total"
}
machine_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat; }

# PROFILE=1: JFR CPU samples of one JVM between jfr_start and jfr_stop (starting a recording mid-run makes the JIT
# compile again and cuts the throughput of the runs it covers here: use the samples' shares, not those figures).
jfr_start() { # pid recording-name file
  [ "${PROFILE:-}" = 1 ] || return 0
  mkdir -p "$(dirname "$3")"
  jcmd "$1" JFR.start name="$2" settings=profile filename="$3" >/dev/null
}
jfr_stop() { # pid recording-name file
  [ "${PROFILE:-}" = 1 ] || return 0
  jcmd "$1" JFR.stop name="$2" >/dev/null
  echo "JFR recording: $3 (read: jfr print --events jdk.ExecutionSample FILE | bench/lib/jfr-top.py)"
}

# RUNS open-loop runs at a fixed rate (bench/lib/FixedRate.java: 10 s warm-up, then SECONDS_PER_RUN measured, each
# latency from when the request was due), CONNECTIONS connections; prints "LABEL at RATE/s, run N: RESULT ...".
fixed_rate_runs() { # label base-url paths-file rate
  local run
  for run in $(seq 1 "$RUNS"); do
    echo "$1 at $4/s, run $run: $(java bench/lib/FixedRate.java "$2" "$3" "$4" "$SECONDS_PER_RUN" "$CONNECTIONS" 10)"
  done
}
