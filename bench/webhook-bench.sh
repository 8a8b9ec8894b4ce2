#!/usr/bin/env bash
# The webhook acknowledgement benchmark of issue 15 (docs/benchmarks.md): signed WhatsApp webhooks at 100, 250 and
# 500 per second against one instance of the packaged service (prod profile) on the local PostgreSQL
# (127.0.0.1:5432, user postgres, a throw-away database), p50/p99 from the moment each request was due, how many
# acknowledged webhooks were not processed, and pgbench's single-row INSERT TPS on the same database.
#
#   bash bench/webhook-bench.sh                              # the documented run (about 6 minutes)
#   bash bench/webhook-bench.sh --rates 500 --duration 20    # any option of WebhookBench.java
#
# Needs pgbench (Debian: postgresql-client / postgresql-contrib). Environment: JAVA_HOME, MVNW_ARGS (e.g. -o),
# SOAK_REBUILD=1 to rebuild the packaged service.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
read -r -a MVNW_EXTRA <<< "${MVNW_ARGS:-}"
command -v pgbench >/dev/null || { echo "webhook-bench: pgbench is not installed (apt-get install postgresql-client)" >&2; exit 2; }

# The JVM package (type=jar). A later native build (.ci/run's sources-only step) leaves a quarkus-app built for native
# (type=native-sources in quarkus-artifact.properties): rebuild then, as when nothing is there.
# With --app <dir> the package given is used as it is.
if [[ " $* " == *" --app "* || " $* " == *" --app="* ]]; then
  :
elif [[ -n "${SOAK_REBUILD:-}" || ! -f bootstrap/target/quarkus-app/quarkus-run.jar ]] \
    || ! grep -qx 'type=jar' bootstrap/target/quarkus-artifact.properties 2>/dev/null; then
  echo "== webhook-bench: building the packaged service (./mvnw -DskipTests package -pl bootstrap -am)"
  ./mvnw -B -ntp -q "${MVNW_EXTRA[@]}" -DskipTests package -pl bootstrap -am
fi
echo "== webhook-bench: building the harness (bench/pom.xml)"
./mvnw -B -ntp -q "${MVNW_EXTRA[@]}" -f bench/pom.xml package
exec "$JAVA" -cp "bench/target/classes:$(cat bench/target/classpath.txt)" ke.invoiceiq.bench.WebhookBench "$@"
