#!/usr/bin/env bash
# The soak test of issue 15 (docs/benchmarks.md): two instances of the packaged service (prod profile) on one
# throw-away PostgreSQL database, WhatsApp, M-PESA and Africa's Talking played in the harness's JVM with production
# limits and faults, a workload of merchant commands, REST calls and customers paying, one instance SIGKILLed and
# restarted; then invariants checked with SQL. Exit 0 when every invariant holds, 1 when one fails, 2 when the run
# could not be made.
#
#   bash bench/soak.sh --short              # CI's version (.ci/run): 75 s of load, at most 150 s of drain, ~4 min
#   bash bench/soak.sh --long               # 20 min of load, production job intervals, up to 20 min of drain
#   bash bench/soak.sh --short --seed 7     # any harness option after the profile overrides it (Soak.java)
#
# Environment: JAVA_HOME (a JDK >= 21; else `java` on PATH), MVNW_ARGS (extra ./mvnw arguments, e.g. -o),
# SOAK_REBUILD=1 to rebuild the packaged service even when bootstrap/target/quarkus-app exists.
# The database: a new one on the PostgreSQL at 127.0.0.1:5432 (user postgres), or --pg <jdbc url of an admin
# database>; with none answering, an embedded PostgreSQL (zonky, as the tests use). Kept when an invariant fails.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
read -r -a MVNW_EXTRA <<< "${MVNW_ARGS:-}"

profile=()
case "${1:-}" in
  --short)
    shift
    # Payment timings shortened (allowed by issue 15: intervals may be shortened, never switched off) so that an
    # unanswered prompt is settled within the drain time; everything else at production values.
    profile=(--duration 75 --rate 3 --drain-timeout 150 --outage 20
             --reconcile-every 10s --query-after PT20S --expire-after PT90S) ;;
  --long)
    shift
    profile=(--duration 1200 --rate 2 --drain-timeout 1200 --outage 120) ;;
esac

# The JVM package (type=jar). A later native build (.ci/run's sources-only step) leaves a quarkus-app built for native
# (type=native-sources in quarkus-artifact.properties): rebuild then, as when nothing is there.
# With --app <dir> the package given is used as it is.
if [[ " $* " == *" --app "* || " $* " == *" --app="* ]]; then
  :
elif [[ -n "${SOAK_REBUILD:-}" || ! -f bootstrap/target/quarkus-app/quarkus-run.jar ]] \
    || ! grep -qx 'type=jar' bootstrap/target/quarkus-artifact.properties 2>/dev/null; then
  echo "== soak: building the packaged service (./mvnw -DskipTests package -pl bootstrap -am)"
  ./mvnw -B -ntp -q "${MVNW_EXTRA[@]}" -DskipTests package -pl bootstrap -am
fi
echo "== soak: building the harness (bench/pom.xml)"
./mvnw -B -ntp -q "${MVNW_EXTRA[@]}" -f bench/pom.xml package
exec "$JAVA" -cp "bench/target/classes:$(cat bench/target/classpath.txt)" ke.invoiceiq.bench.Soak \
  "${profile[@]}" "$@"
