#!/usr/bin/env bash
# The start and memory benchmark of issue 18 (docs/benchmarks.md, "Start and memory"): the packaged service (prod
# profile) started as the JVM image starts it (src/main/docker/jvm-options, the AOT cache of
# src/main/docker/aot-training.sh) inside a 256 MB memory cgroup, on the local PostgreSQL (127.0.0.1:5432, user
# postgres, a throw-away database): ready time and idle RSS over several launches, then the whole flow (invoice by
# WhatsApp, Pay tap, STK push, callback, receipts) under the limit; pgbench's single-row INSERT TPS beside it.
#
#   bash bench/start-bench.sh                    # the documented run (5 launches, 20 invoices; about 3 minutes)
#   bash bench/start-bench.sh --smoke            # CI: 1 launch, 2 invoices, short pgbench; checks it works, not numbers
#   bash bench/start-bench.sh --no-aot           # the same without the AOT cache (what it gains)
#   bash bench/start-bench.sh --jvm-options <file> --launches 9   # any option of StartBench.java
#
# A real memory limit needs a writable cgroup v1 memory hierarchy (/sys/fs/cgroup/memory, as root); without one the
# JVM is told the size (-XX:MaxRAM) and the peak RSS is checked instead, and the report says so. Needs pgbench
# (Debian: postgresql-client). Environment: JAVA_HOME (a JDK 25: the AOT cache), MVNW_ARGS (e.g. -o), SOAK_REBUILD=1
# to rebuild the packaged service.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
read -r -a MVNW_EXTRA <<< "${MVNW_ARGS:-}"
command -v pgbench >/dev/null || { echo "start-bench: pgbench is not installed (apt-get install postgresql-client)" >&2; exit 2; }

# The JVM package (type=jar, the aot-jar layout of bootstrap's application.properties). A later native build leaves a
# quarkus-app built for native (type=native-sources): rebuild then, as when nothing is there. --app <dir>: used as is.
if [[ " $* " == *" --app "* || " $* " == *" --app="* ]]; then
  :
elif [[ -n "${SOAK_REBUILD:-}" || ! -f bootstrap/target/quarkus-app/quarkus-run.jar ]] \
    || ! grep -qx 'type=jar' bootstrap/target/quarkus-artifact.properties 2>/dev/null; then
  echo "== start-bench: building the packaged service (./mvnw -DskipTests package -pl bootstrap -am)"
  ./mvnw -B -ntp -q "${MVNW_EXTRA[@]}" -DskipTests package -pl bootstrap -am
fi
echo "== start-bench: building the harness (bench/pom.xml)"
./mvnw -B -ntp -q "${MVNW_EXTRA[@]}" -f bench/pom.xml package
exec "$JAVA" -cp "bench/target/classes:$(cat bench/target/classpath.txt)" ke.invoiceiq.bench.StartBench "$@"
