#!/usr/bin/env bash
# The JDK 25 AOT cache (JEP 483/514/515) of the JVM image: one training run of the packaged service that records which
# classes it loads and links and which methods get hot, written to <app dir>/app.aot when the JVM exits. The next
# start with -XX:AOTCache=app.aot finds them ready. docs/deploy.md ("JVM image: start and memory") explains the choice.
#
#   bash src/main/docker/aot-training.sh <app dir> <jvm-options file>
#
# Called by Dockerfile.jvm (inside the image build, with the image's own JVM: a cache is only accepted by the very JVM
# build that wrote it, started with a compatible collector and the same class path) and by bench/start-bench.sh (on the
# packaged service, with the JDK that runs the benchmark). Run it as the user that will run the service.
#
# No database is needed: the training starts the prod profile with dummy settings, Flyway and Hibernate's schema
# check switched off and the datasource pointing at a closed port. Quarkus' runtime initialisation (CDI, Vert.x, the
# REST endpoints, the REST clients, the scheduler, the health checks) is the bulk of a start and runs in full; the
# readiness check is called once (it answers 503: no database) and the process is stopped with SIGTERM like a
# deployment stops it. Measured on the same machine, this cache starts the service as fast as one trained against a
# real PostgreSQL (docs/benchmarks.md, "Start and memory").
#
# The AOT cache must be used with the same -jar path: both this script and the image run <app dir>/quarkus-run.jar by
# its absolute path. The jars must not change after the training (the JVM compares their size and time stamp).
set -euo pipefail

app="$(cd "${1:?usage: aot-training.sh <app dir> <jvm-options file>}" && pwd)"
options="$(cd "$(dirname "${2:?usage: aot-training.sh <app dir> <jvm-options file>}")" && pwd)/$(basename "$2")"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
http_port="${AOT_TRAINING_HTTP_PORT:-18080}"
management_port="${AOT_TRAINING_MANAGEMENT_PORT:-19000}"

rm -f "$app/app.aot" "$app/app.aot.config"

# Dummy values for every setting the prod profile requires (none is a real secret; nothing is called).
env -i PATH="$PATH" HOME="${HOME:-/tmp}" \
  QUARKUS_HTTP_PORT="$http_port" QUARKUS_MANAGEMENT_PORT="$management_port" \
  QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_MANAGEMENT_HOST=127.0.0.1 \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:1/aot-training" QUARKUS_DATASOURCE_USERNAME=training \
  QUARKUS_FLYWAY_MIGRATE_AT_START=false QUARKUS_HIBERNATE_ORM_SCHEMA_MANAGEMENT_STRATEGY=none \
  MERCHANT_MSISDN=254700000000 MERCHANT_NAME=Training BASE_URL=https://training.invalid ADMIN_API_KEY=training \
  WABA_TOKEN=training WABA_PHONE_ID=100000000000000 WABA_APP_SECRET=training WABA_VERIFY_TOKEN=training \
  WABA_BASE_URL=http://127.0.0.1:1 WABA_INVOICE_TEMPLATE=training \
  SMS_USERNAME=training SMS_API_KEY=training SMS_CALLBACK_TOKEN=training SMS_BASE_URL=http://127.0.0.1:1 \
  MPESA_ENV=sandbox MPESA_CONSUMER_KEY=training MPESA_CONSUMER_SECRET=training MPESA_SHORTCODE=174379 \
  MPESA_PASSKEY=training MPESA_CALLBACK_TOKEN=training \
  MPESA_CALLBACK_URL=https://training.invalid/payments/stk/callback/training MPESA_BASE_URL=http://127.0.0.1:1 \
  "$java" "@$options" -XX:AOTCacheOutput="$app/app.aot" -jar "$app/quarkus-run.jar" \
  >"$app/aot-training.log" 2>&1 &
pid=$!

# bash's /dev/tcp: the runtime image has no curl guarantee. The HTTP status of GET <path> on the management port.
status() {
  local line
  exec 3<>"/dev/tcp/127.0.0.1/$management_port" || return 1
  printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$1" >&3
  read -r line <&3 || true
  exec 3<&- 3>&-
  echo "${line:9:3}"
}

started=""
for _ in $(seq 1 600); do
  kill -0 "$pid" 2>/dev/null || break
  if [[ "$(status /q/health/live 2>/dev/null)" == "200" ]]; then
    started=yes
    break
  fi
  sleep 0.2
done
if [[ -z "$started" ]]; then
  echo "aot-training: the service did not start; its log:" >&2
  tail -40 "$app/aot-training.log" >&2
  kill -KILL "$pid" 2>/dev/null || true
  exit 1
fi
# the probes' code path (503 without a database), twice, then a stop as the platform does it
status /q/health/ready >/dev/null || true
status /q/health/ready >/dev/null || true
sleep 2
kill -TERM "$pid"
wait "$pid" || true
if [[ ! -s "$app/app.aot" ]]; then
  echo "aot-training: no AOT cache was written; the log:" >&2
  tail -40 "$app/aot-training.log" >&2
  exit 1
fi
echo "aot-training: $(du -h "$app/app.aot" | cut -f1) AOT cache at $app/app.aot"
