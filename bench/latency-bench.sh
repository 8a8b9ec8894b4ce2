#!/usr/bin/env bash
# The end-to-end latency benchmark of issue 18 (docs/benchmarks.md, "The end-to-end latency benchmark"): one instance
# of the packaged service (prod profile, production settings) on the local PostgreSQL, the providers played in the
# harness's JVM (Graph answering after --graph-latency-ms, 0 by default). Open loop at 20 invoices/s for 60 s: a
# merchant's signed `invoice …` webhook → the customer's Graph call; then each customer taps Pay and Safaricom's
# success callbacks come at 20/s → the customer's receipt and the merchant's paid notice; then a few callbacks one per
# 7 s (the merchant's pair pacing does not bind). p50/p90/p99/max, and pgbench's single-row INSERT TPS with 1 and 32
# clients on the same PostgreSQL, in the same run.
#
#   bash bench/latency-bench.sh                                  # the documented run (about 5 minutes)
#   bash bench/latency-bench.sh --graph-latency-ms 300 --rate 10 # any option of LatencyBench.java
#   bash bench/latency-bench.sh --smoke                          # .ci/run's check that the suite works (not the numbers)
#
# Exit 0 when every invariant held (targets missed or not), 1 when one failed (over the throughput, a message sent
# twice, an acknowledged command or callback that never reached its customer), 2 when the run could not be made.
# Needs pgbench (Debian: postgresql-client). Environment: JAVA_HOME, MVNW_ARGS (e.g. -o), SOAK_REBUILD=1 to rebuild
# the packaged service.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
read -r -a MVNW_EXTRA <<< "${MVNW_ARGS:-}"
command -v pgbench >/dev/null || { echo "latency-bench: pgbench is not installed (apt-get install postgresql-client)" >&2; exit 2; }

# The JVM package (type=jar); a native-flavoured quarkus-app (.ci/run's sources-only step) is rebuilt, as in soak.sh.
if [[ " $* " == *" --app "* || " $* " == *" --app="* ]]; then
  :
elif [[ -n "${SOAK_REBUILD:-}" || ! -f bootstrap/target/quarkus-app/quarkus-run.jar ]] \
    || ! grep -qx 'type=jar' bootstrap/target/quarkus-artifact.properties 2>/dev/null; then
  echo "== latency-bench: building the packaged service (./mvnw -DskipTests package -pl bootstrap -am)"
  ./mvnw -B -ntp -q "${MVNW_EXTRA[@]}" -DskipTests package -pl bootstrap -am
fi
echo "== latency-bench: building the harness (bench/pom.xml)"
./mvnw -B -ntp -q "${MVNW_EXTRA[@]}" -f bench/pom.xml package
exec "$JAVA" -cp "bench/target/classes:$(cat bench/target/classpath.txt)" ke.invoiceiq.bench.LatencyBench "$@"
