#!/usr/bin/env bash
# The search index alone, without HTTP or the platform (bench/catalog/IndexBench.java): searches or suggestions per
# second over the storefront benchmark's 10,000 products, in one JVM with the services' settings.
#   bench/catalog/index-bench.sh [search|suggest] [threads] [rounds]   (after ./mvnw -B install -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/../.."
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
./mvnw -B -q -o -pl catalog-service dependency:build-classpath -Dmdep.outputFile="$WORK/classpath.txt" >/dev/null
CLASSPATH="catalog-service/target/classes:$(cat "$WORK/classpath.txt")"
javac -nowarn -d "$WORK/classes" -cp "$CLASSPATH" bench/catalog/IndexBench.java
java -XX:+UseSerialGC -Xmx512m ${INDEX_BENCH_JAVA_OPTS:-} -cp "$WORK/classes:$CLASSPATH" dev.commerce.catalog.search.IndexBench "$@" 2>&1 \
  | grep -v -e '^WARN' -e 'LogManager' -e 'JBossLoggerFinder'
