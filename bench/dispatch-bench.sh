#!/usr/bin/env bash
# The dispatch throughput benchmark of issue 18 (docs/benchmarks.md, "The dispatch benchmark"): a backlog of invoices
# to distinct customers made through POST /invoices with the dispatcher off, then sent by one or two instances of the
# packaged service (prod profile) at production settings through the WhatsApp stand-in (Graph answering after a set
# latency); messages/s, the most requests in any sliding second against the configured throughput, the smallest gap
# between two messages to one person, and exactly-once, all from the stand-in's timestamps; pgbench's single-row
# INSERT TPS with 1 and 32 clients on the same PostgreSQL, in the same run.
#
#   bash bench/dispatch-bench.sh                          # scenarios A, B, C (about 10 minutes)
#   bash bench/dispatch-bench.sh --scenarios A --n 500    # any option of DispatchBench.java
#   bash bench/dispatch-bench.sh --smoke                  # .ci/run's check that the suite works (not the numbers)
#
# Exit 0 when every invariant held (targets missed or not), 1 when one failed (over the throughput, pacing broken,
# a duplicate, a lost invoice), 2 when the run could not be made.
# Needs pgbench (Debian: postgresql-client). Environment: JAVA_HOME, MVNW_ARGS (e.g. -o), SOAK_REBUILD=1 to rebuild
# the packaged service.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
read -r -a MVNW_EXTRA <<< "${MVNW_ARGS:-}"
command -v pgbench >/dev/null || { echo "dispatch-bench: pgbench is not installed (apt-get install postgresql-client)" >&2; exit 2; }

# The JVM package (type=jar); a native-flavoured quarkus-app (.ci/run's sources-only step) is rebuilt, as in soak.sh.
if [[ " $* " == *" --app "* || " $* " == *" --app="* ]]; then
  :
elif [[ -n "${SOAK_REBUILD:-}" || ! -f bootstrap/target/quarkus-app/quarkus-run.jar ]] \
    || ! grep -qx 'type=jar' bootstrap/target/quarkus-artifact.properties 2>/dev/null; then
  echo "== dispatch-bench: building the packaged service (./mvnw -DskipTests package -pl bootstrap -am)"
  ./mvnw -B -ntp -q "${MVNW_EXTRA[@]}" -DskipTests package -pl bootstrap -am
fi
echo "== dispatch-bench: building the harness (bench/pom.xml)"
./mvnw -B -ntp -q "${MVNW_EXTRA[@]}" -f bench/pom.xml package
exec "$JAVA" -cp "bench/target/classes:$(cat bench/target/classpath.txt)" ke.invoiceiq.bench.DispatchBench "$@"
