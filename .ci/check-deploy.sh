#!/usr/bin/env bash
# Checks the deployment files: what can be proved without a Docker engine, a Fly.io account or a cluster.
#
#  1. Dockerfiles (src/main/docker/): dockerfilelint (npm, installed into a cache directory when missing) passes on
#     all three, and the project's own rules hold (base images, non-root user, port 8080, the native build command,
#     every Maven module copied into the build stage, an explicit -Xmx, no ENTRYPOINT in the native images, the OCI
#     labels, and in the JVM image the third-party libraries in a layer before the project's own jars).
#  2. Kubernetes (k8s/: a kustomize base, the optional component prometheus-operator and two overlays):
#     `kubectl kustomize` renders each overlay offline, and yq (Debian's jq wrapper) finds in each the required
#     fields of the base: replicas, probes, resources, security context, image, Service, PDB, HPA, the migration
#     Job's -Dquarkus.init-and-exit=true, no Secret. The overlay production holds the ServiceMonitor and the
#     PrometheusRule; the overlay plain holds no monitoring.coreos.com object (a cluster without the operator).
#  3. The Secret template (k8s/base/secret.template.yaml) holds no value and, with the ConfigMap, every setting the
#     prod profile requires: the list is read from RequiredSecrets.IN_PROD (bootstrap), so a new required setting that
#     is missing from the deployment files fails here. Every required setting is also named in docs/RUNBOOK.md.
#  4. fly.toml essentials (python3 tomllib), and the shutdown budget against application.properties.
#
# Installs kubectl, yq, python3 and npm through apt-get (as root or `sudo -n`) when missing. Every failed check is
# printed as "FAIL: ..."; the script exits 1 if there is any. Run from anywhere: bash .ci/check-deploy.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

readonly DOCKERFILELINT_VERSION=1.8.0
readonly DOCKER_DIR=src/main/docker
readonly DOCKERFILES=("$DOCKER_DIR/Dockerfile.jvm" "$DOCKER_DIR/Dockerfile.native" "$DOCKER_DIR/Dockerfile.native-micro")
readonly K8S_DIR=k8s
# production: the base and the component prometheus-operator (ServiceMonitor, PrometheusRule); plain: the base only,
# for a cluster without the Prometheus Operator's CRDs. Each is rendered and checked on its own.
readonly OVERLAYS=(production plain)
readonly SECRET_TEMPLATE="$K8S_DIR/base/secret.template.yaml"
readonly REQUIRED_SOURCE=bootstrap/src/main/java/ke/invoiceiq/bootstrap/config/RequiredSecrets.java
readonly PROPERTIES=bootstrap/src/main/resources/application.properties
readonly RUNBOOK=docs/RUNBOOK.md
# The credentials (docs/configuration.md, "(secret)"), plus the staff numbers (personal data). Each must
# be a key of the Secret template, and none may appear in the ConfigMap or in fly.toml's [env].
readonly SECRET_KEYS=(
  DATABASE_URL ADMIN_API_KEY MERCHANT_MSISDN
  WABA_TOKEN WABA_APP_SECRET WABA_VERIFY_TOKEN
  SMS_API_KEY SMS_CALLBACK_TOKEN
  MPESA_CONSUMER_KEY MPESA_CONSUMER_SECRET MPESA_PASSKEY MPESA_CALLBACK_TOKEN MPESA_CALLBACK_URL
  # the optional next values of a rotation (docs/RUNBOOK.md, "Rotating secrets")
  ADMIN_API_KEY_NEXT WABA_APP_SECRET_NEXT WABA_VERIFY_TOKEN_NEXT SMS_CALLBACK_TOKEN_NEXT MPESA_CALLBACK_TOKEN_NEXT
)
# What a stopping instance spends outside quarkus.shutdown.timeout: the WhatsApp webhook workers' drain
# (WebhookDispatcher.DRAIN_SECONDS, 5 s) plus a margin for closing the datasource. On Kubernetes the preStop sleep
# (read from the Deployment) comes on top.
readonly SHUTDOWN_OVERHEAD_SECONDS=10

WORK="$ROOT/target/deploy-check"
rm -rf "$WORK"
mkdir -p "$WORK"

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
ok() { echo "   ok: $*"; }

# ---- tools -------------------------------------------------------------------------------------------------------
# shellcheck source=.ci/apt-install.sh
source "$ROOT/.ci/apt-install.sh"

if ! command -v kubectl >/dev/null 2>&1; then
  echo "== Installing kubectl (for kubectl kustomize)"
  apt_install kubectl || {
    echo "check-deploy: could not install kubectl with apt-get; install kubectl >= 1.27 (its built-in kustomize v5" \
      "renders k8s/overlays/*) and run again" >&2
    exit 1
  }
fi
if ! command -v yq >/dev/null 2>&1; then
  echo "== Installing yq (Debian's jq wrapper for YAML)"
  apt_install yq jq
fi
# Debian's yq wraps jq; the Go yq (mikefarah) takes another syntax and would misread every query below.
yq_help="$(yq --help 2>&1 || true)"
if [[ "$yq_help" != *--yaml-output* ]]; then
  echo "check-deploy: the yq on PATH ($(command -v yq)) is not the jq wrapper (Debian package yq, pip yq);" \
    "install that one" >&2
  exit 1
fi
if ! python3 -c 'import tomllib' >/dev/null 2>&1; then
  echo "== Installing python3 (>= 3.11, for tomllib)"
  apt_install python3
  python3 -c 'import tomllib' || { echo "check-deploy: python3 >= 3.11 needed (tomllib)" >&2; exit 1; }
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "== Installing npm (for dockerfilelint)"
  apt_install npm
fi
DOCKERFILELINT_HOME="${DOCKERFILELINT_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/invoiceiq-ci/dockerfilelint-$DOCKERFILELINT_VERSION}"
DOCKERFILELINT="$DOCKERFILELINT_HOME/node_modules/.bin/dockerfilelint"
if [[ ! -x "$DOCKERFILELINT" ]]; then
  echo "== Installing dockerfilelint@$DOCKERFILELINT_VERSION into $DOCKERFILELINT_HOME"
  mkdir -p "$DOCKERFILELINT_HOME"
  npm install --prefix "$DOCKERFILELINT_HOME" --no-audit --no-fund --no-save --loglevel=error \
    "dockerfilelint@$DOCKERFILELINT_VERSION"
  [[ -x "$DOCKERFILELINT" ]] || { echo "check-deploy: npm did not install dockerfilelint" >&2; exit 1; }
fi
echo "== Tools: $(kubectl version --client 2>/dev/null | tr '\n' ' ')| yq (jq $(jq --version 2>/dev/null)) |" \
  "$(python3 --version) | dockerfilelint $DOCKERFILELINT_VERSION"

# ---- 1. Dockerfiles ----------------------------------------------------------------------------------------------
echo "== Dockerfiles: dockerfilelint"
for f in "${DOCKERFILES[@]}"; do
  [[ -f "$f" ]] || { fail "$f is missing"; continue; }
  if "$DOCKERFILELINT" "$f" >"$WORK/lint.out" 2>&1; then
    ok "$f: dockerfilelint found no issue"
  else
    cat "$WORK/lint.out" >&2
    fail "$f: dockerfilelint reported issues (above)"
  fi
done

echo "== Dockerfiles: project rules"
# has <file> <fixed string> <what it means>
has() {
  if grep -qF -- "$2" "$1"; then ok "$1: $3"; else fail "$1: $3 (expected a line with: $2)"; fi
}
for f in "${DOCKERFILES[@]}"; do
  [[ -f "$f" ]] || continue
  for label in title description version source; do
    has "$f" "org.opencontainers.image.$label=" "OCI label org.opencontainers.image.$label"
  done
  has "$f" 'org.opencontainers.image.version="${VERSION}"' "the version label comes from the VERSION build ARG"
done
jvm="$DOCKER_DIR/Dockerfile.jvm"
if [[ -f "$jvm" ]]; then
  has "$jvm" "FROM registry.access.redhat.com/ubi9/openjdk-25-runtime:" "UBI 9 OpenJDK 25 runtime base (the AOT cache)"
  has "$jvm" "USER 185" "runs as user 185"
  has "$jvm" "EXPOSE 8080" "exposes 8080"
  for layer in lib/boot/ 'lib/main/[^k]*' 'lib/main/k*' '*.jar' app/ quarkus/; do
    has "$jvm" "bootstrap/target/quarkus-app/$layer" "copies quarkus-app/$layer as its own layer"
  done
  # The third-party libraries' layer comes before the project's own jars (ke.invoiceiq.*), so a code change reuses it.
  third_party="$(grep -n 'quarkus-app/lib/main/\[^k\]\*' "$jvm" | head -1 | cut -d: -f1)"
  own="$(grep -n 'quarkus-app/lib/main/k\*' "$jvm" | head -1 | cut -d: -f1)"
  if [[ -n "$third_party" && -n "$own" ]] && (( third_party < own )); then
    ok "$jvm: the third-party libraries are copied before the project's jars (a dependency-cache layer)"
  else
    fail "$jvm: copy lib/main/[^k]* (third-party libraries) before lib/main/k* (the project's ke.invoiceiq.* jars)"
  fi
  has "$jvm" "-Dquarkus.http.host=0.0.0.0" "the java command binds 0.0.0.0"
  has "$jvm" "-Djava.util.logging.manager=org.jboss.logmanager.LogManager" "the java command sets the log manager"
  # The JVM flags live in one file that bench/start-bench.sh measures with (docs/benchmarks.md, "Start and memory").
  has "$jvm" "@/deployments/jvm-options" "the java command reads src/main/docker/jvm-options"
  has "$jvm" "RUN bash /deployments/aot-training.sh" "the image trains its AOT cache with its own JVM"
  has "$jvm" "-XX:AOTCache=/deployments/app.aot" "the java command uses the AOT cache"
  has "$DOCKER_DIR/jvm-options" "-XX:MaxRAMPercentage=" "jvm-options caps the heap"
  has "$DOCKER_DIR/jvm-options" "-XX:+ExitOnOutOfMemoryError" "jvm-options ends the process on OutOfMemoryError"
fi
# The Maven modules of the reactor: each must reach the native build stage (the whole module, or at least its pom).
mapfile -t modules < <(sed -n 's#.*<module>\(.*\)</module>.*#\1#p' pom.xml)
(( ${#modules[@]} >= 4 )) || fail "pom.xml: could not read its <modules> (found ${#modules[@]})"
[[ -d bootstrap ]] || fail "the native build selects -pl bootstrap, but there is no bootstrap/ module"
for f in "$DOCKER_DIR/Dockerfile.native" "$DOCKER_DIR/Dockerfile.native-micro"; do
  [[ -f "$f" ]] || continue
  has "$f" "FROM quay.io/quarkus/ubi9-quarkus-mandrel-builder-image:jdk-25 AS build" "Mandrel JDK 25 builder stage (Quarkus 3.37 requires Mandrel 25)"
  has "$f" "RUN ./mvnw -B -ntp -Dnative -DskipTests package -pl bootstrap -am" "builds the native executable of bootstrap"
  for m in mvnw .mvn pom.xml "${modules[@]}"; do
    if grep -qE "^COPY .* ($m|$m/pom\.xml) /code/" "$f"; then ok "$f: copies $m into the build stage"
    else fail "$f: the build stage does not copy $m (a module of pom.xml, or the Maven wrapper)"; fi
  done
  has "$f" "COPY --from=build --chown=1001:root --chmod=0755 /code/bootstrap/target/*-runner /work/application" \
    "runtime stage takes only the runner executable"
  has "$f" "USER 1001" "runs as user 1001"
  has "$f" "EXPOSE 8080" "exposes 8080"
  cmd_line="$(grep -E '^CMD ' "$f" || true)"
  for part in '"./application"' '"-Dquarkus.http.host=0.0.0.0"' '"-Xmx'; do
    if [[ "$cmd_line" == *"$part"* ]]; then ok "$f: CMD has $part"; else fail "$f: CMD lacks $part"; fi
  done
  if grep -qE '^ENTRYPOINT' "$f"; then
    fail "$f: has an ENTRYPOINT; fly.toml's release_command and the migration Job replace the command line"
  else
    ok "$f: no ENTRYPOINT (release_command and the Job replace CMD)"
  fi
done
has "$DOCKER_DIR/Dockerfile.native-micro" "FROM quay.io/quarkus/ubi9-quarkus-micro-image:2.0" "micro runtime base"
has "$DOCKER_DIR/Dockerfile.native" "FROM registry.access.redhat.com/ubi9/ubi-minimal:" "ubi-minimal runtime base"
if [[ -f .dockerignore ]]; then
  for p in .git '**/target/' .invoiceiq/ node_modules/ '!bootstrap/target/quarkus-app/'; do
    if grep -qxF -- "$p" .dockerignore; then ok ".dockerignore: $p"; else fail ".dockerignore lacks the line $p"; fi
  done
else
  fail ".dockerignore is missing at the repository root"
fi

# ---- 2. Kubernetes -----------------------------------------------------------------------------------------------
# The overlay under check (it prefixes expect's lines) and its rendering, which q reads.
OVERLAY=""
RENDERED=""
# q <jq expression over the array of rendered objects>: its raw output
q() { yq -s -r "$1" "$RENDERED" 2>"$WORK/yq.err" || { cat "$WORK/yq.err" >&2; echo "<yq failed>"; }; }
# expect <what> <jq expression> <expected raw output>
expect() {
  local got
  got="$(q "$2")"
  if [[ "$got" == "$3" ]]; then ok "$OVERLAY: $1"
  else fail "$OVERLAY: $1: expected '$3', got '${got//$'\n'/ }' from: $2"; fi
}
D='(.[] | select(.kind == "Deployment" and .metadata.name == "invoiceiq"))'
C="($D | .spec.template.spec.containers[0])"
J='(.[] | select(.kind == "Job" and .metadata.name == "invoiceiq-migrate"))'
JC="($J | .spec.template.spec.containers[0])"
SVC='(.[] | select(.kind == "Service" and .metadata.name == "invoiceiq"))'
POD_LABELS="($D | .spec.template.metadata.labels)"

# check_base: what every overlay renders from k8s/base/.
check_base() {
  expect "every object has a kind and a name" '[.[] | select(.kind == null or .metadata.name == null)] | length' 0
  for kind in Namespace ConfigMap Deployment Service Job PodDisruptionBudget HorizontalPodAutoscaler; do
    expect "one $kind" "[.[] | select(.kind == \"$kind\")] | length" 1
  done
  expect "namespaced objects are in namespace invoiceiq" \
    '[.[] | select(.kind != "Namespace") | .metadata.namespace] | unique | join(",")' invoiceiq
  expect "no Secret is rendered (apply -k must never blank the real one)" '[.[] | select(.kind == "Secret")] | length' 0
  expect "common label part-of=invoiceiq on every object" \
    '[.[] | .metadata.labels["app.kubernetes.io/part-of"]] | unique | join(",")' invoiceiq

  # Deployment
  expect "Deployment replicas" "$D | .spec.replicas" 2
  expect "container image set through kustomize images: (registry/name:tag)" \
    "$C | .image | test(\"^[a-z0-9.-]+(:[0-9]+)?/[a-z0-9._/-]+:[A-Za-z0-9._-]+\$\")" true
  expect "container port http = 8080" "$C | .ports[] | select(.name == \"http\") | .containerPort" 8080
  expect "container port management = 9000 (Quarkus' management interface)" \
    "$C | .ports[] | select(.name == \"management\") | .containerPort" 9000
  expect "startup probe path" "$C | .startupProbe.httpGet.path" /q/health/started
  expect "liveness probe path" "$C | .livenessProbe.httpGet.path" /q/health/live
  expect "readiness probe path" "$C | .readinessProbe.httpGet.path" /q/health/ready
  expect "probes target the management port (/q/health is not served on 8080)" \
    "[$C | .startupProbe, .livenessProbe, .readinessProbe | .httpGet.port] | unique | join(\",\")" management
  expect "memory request" "$C | .resources.requests.memory" 64Mi
  expect "memory limit" "$C | .resources.limits.memory" 128Mi
  expect "cpu request and limit set" "$C | (.resources.requests.cpu != null and .resources.limits.cpu != null)" true
  expect "command line: the native executable, 0.0.0.0 and an explicit -Xmx" \
    "$C | ((.command // []) + (.args // [])) | (index(\"/work/application\") != null and index(\"-Dquarkus.http.host=0.0.0.0\") != null and any(.[]; startswith(\"-Xmx\")))" true
  expect "pod securityContext runAsNonRoot" "$D | .spec.template.spec.securityContext.runAsNonRoot" true
  expect "container readOnlyRootFilesystem" "$C | .securityContext.readOnlyRootFilesystem" true
  expect "container allowPrivilegeEscalation false" "$C | .securityContext.allowPrivilegeEscalation" false
  expect "container drops ALL capabilities" "$C | .securityContext.capabilities.drop | index(\"ALL\") != null" true
  expect "/tmp is a writable emptyDir" \
    "$C | [.volumeMounts[] | select(.mountPath == \"/tmp\")] | length" 1
  expect "preStop sleep so endpoints drain" "$C | .lifecycle.preStop != null" true
  expect "env from the ConfigMap and the Secret" \
    "$C | [.envFrom[] | (.configMapRef.name // .secretRef.name)] | sort | join(\",\")" invoiceiq-config,invoiceiq-secrets
  expect "the ConfigMap the pods read exists" \
    '[.[] | select(.kind == "ConfigMap" and .metadata.name == "invoiceiq-config")] | length' 1
  expect "prometheus.io annotations on the pod template" \
    "$D | .spec.template.metadata.annotations | [.[\"prometheus.io/scrape\"], .[\"prometheus.io/port\"], .[\"prometheus.io/path\"]] | join(\" \")" \
    "true 9000 /q/metrics"
  grace="$(q "$D | .spec.template.spec.terminationGracePeriodSeconds")"
  prestop="$(q "$C | .lifecycle.preStop | (.sleep.seconds // (.exec.command // [] | last)) // 0")"
  [[ "$prestop" =~ ^[0-9]+$ ]] || { fail "$OVERLAY: preStop: cannot read its sleep seconds (got '$prestop')"; prestop=0; }
  [[ "$grace" =~ ^[0-9]+$ ]] && ok "$OVERLAY: terminationGracePeriodSeconds = $grace" \
    || fail "$OVERLAY: Deployment terminationGracePeriodSeconds is not set (got '$grace')"
  expect "Deployment selector matches its pod labels" \
    "$D | (.spec.selector.matchLabels | to_entries) - (.spec.template.metadata.labels | to_entries) | length" 0

  # Service
  expect "Service port 80 named http" "$SVC | .spec.ports[] | select(.name == \"http\") | .port" 80
  expect "Service targetPort 8080" "$SVC | .spec.ports[] | select(.name == \"http\") | .targetPort" 8080
  expect "Service is ClusterIP (its management port stays inside the cluster)" "$SVC | .spec.type" ClusterIP
  expect "Service port management -> the container's management port" \
    "$SVC | .spec.ports[] | select(.name == \"management\") | \"\\(.port) \\(.targetPort)\"" "9000 management"
  expect "Service selects the Deployment's pods" \
    "(($SVC | .spec.selector | to_entries) - ($POD_LABELS | to_entries)) | length" 0

  # PDB, HPA
  PDB='(.[] | select(.kind == "PodDisruptionBudget"))'
  expect "PodDisruptionBudget minAvailable" "$PDB | .spec.minAvailable" 1
  expect "PodDisruptionBudget selects the Deployment's pods" \
    "(($PDB | .spec.selector.matchLabels | to_entries) - ($POD_LABELS | to_entries)) | length" 0
  HPA='(.[] | select(.kind == "HorizontalPodAutoscaler"))'
  expect "HPA apiVersion" "$HPA | .apiVersion" autoscaling/v2
  expect "HPA scales the Deployment" "$HPA | .spec.scaleTargetRef | \"\\(.kind)/\\(.name)\"" Deployment/invoiceiq
  expect "HPA on CPU" "$HPA | [.spec.metrics[] | select(.type == \"Resource\") | .resource.name] | join(\",\")" cpu
  expect "HPA keeps at least the Deployment's replicas" "$HPA | .spec.minReplicas >= 2" true

  # Migration Job
  expect "Job runs init-and-exit" "$JC | ((.command // []) + (.args // [])) | index(\"-Dquarkus.init-and-exit=true\") != null" true
  expect "Job runs the same image as the Deployment" "($JC | .image) == ($C | .image)" true
  expect "Job has the same environment as the Deployment" "($JC | .envFrom) == ($C | .envFrom)" true
  expect "Job restartPolicy Never" "$J | .spec.template.spec.restartPolicy" Never
  expect "Job pods are not selected by the Service" \
    "(($SVC | .spec.selector | to_entries) - ($J | .spec.template.metadata.labels | to_entries)) | length > 0" true
  expect "Job securityContext non-root, read-only root" \
    "[($J | .spec.template.spec.securityContext.runAsNonRoot), ($JC | .securityContext.readOnlyRootFilesystem)] | all" true
}

# check_prometheus_operator: the component's objects, which only the production overlay includes.
check_prometheus_operator() {
  local sm='(.[] | select(.kind == "ServiceMonitor"))' pr='(.[] | select(.kind == "PrometheusRule"))'
  for kind in ServiceMonitor PrometheusRule; do
    expect "one $kind" "[.[] | select(.kind == \"$kind\")] | length" 1
  done
  expect "ServiceMonitor apiVersion" "$sm | .apiVersion" monitoring.coreos.com/v1
  expect "ServiceMonitor endpoint port and path" "$sm | .spec.endpoints[0] | \"\\(.port) \\(.path)\"" "management /q/metrics"
  expect "ServiceMonitor selects the Service" \
    "(($sm | .spec.selector.matchLabels | to_entries) - ($SVC | .metadata.labels | to_entries)) | length" 0
  expect "PrometheusRule apiVersion" "$pr | .apiVersion" monitoring.coreos.com/v1
  # That its rules equal deploy/prometheus/alerts.yml is .ci/check-alerts.sh's job.
  expect "PrometheusRule holds alerting rules" "$pr | [.spec.groups[].rules[] | select(.alert != null)] | length > 0" true
}

for OVERLAY in "${OVERLAYS[@]}"; do
  dir="$K8S_DIR/overlays/$OVERLAY"
  echo "== Kubernetes: kubectl kustomize $dir/"
  RENDERED="$WORK/k8s-$OVERLAY.yaml"
  if kubectl kustomize "$dir/" >"$RENDERED" 2>"$WORK/kustomize.err"; then
    ok "$OVERLAY: rendered $(grep -c '^kind:' "$RENDERED") objects into target/deploy-check/k8s-$OVERLAY.yaml"
  else
    cat "$WORK/kustomize.err" >&2
    fail "kubectl kustomize $dir/ failed (above)"
    continue
  fi
  check_base
  case "$OVERLAY" in
    production) check_prometheus_operator ;;
    plain)
      expect "no monitoring.coreos.com object (apply -k must work without the Prometheus Operator's CRDs)" \
        '[.[] | select((.apiVersion // "") | startswith("monitoring.coreos.com/"))] | length' 0 ;;
    *) fail "$OVERLAY: no overlay-specific checks defined in .ci/check-deploy.sh" ;;
  esac
done

# ---- 3. Secret template against RequiredSecrets.IN_PROD ----------------------------------------------------------
echo "== Secret template: $SECRET_TEMPLATE against RequiredSecrets.IN_PROD"
secret_keys=()
config_keys=()
if [[ -f "$SECRET_TEMPLATE" ]]; then
  st() { yq -r "$1" "$SECRET_TEMPLATE"; }
  [[ "$(st '.kind') $(st '.metadata.name')" == "Secret invoiceiq-secrets" ]] \
    && ok "it is the Secret invoiceiq-secrets" || fail "$SECRET_TEMPLATE is not a Secret named invoiceiq-secrets"
  [[ "$(st '[.data // {} | .[]] | length')" == 0 ]] && ok "no base64 data: section" \
    || fail "$SECRET_TEMPLATE has a data: section; the template holds empty stringData only"
  filled="$(st '[.stringData // {} | to_entries[] | select(.value != "") | .key] | join(",")')"
  [[ -z "$filled" ]] && ok "every value is empty" || fail "$SECRET_TEMPLATE holds values for: $filled (a template never does)"
  mapfile -t secret_keys < <(st '.stringData // {} | keys[]')
else
  fail "$SECRET_TEMPLATE is missing"
fi
# The ConfigMap comes from the base: any overlay's rendering has it.
RENDERED="$WORK/k8s-production.yaml"
mapfile -t config_keys < <(q '.[] | select(.kind == "ConfigMap" and .metadata.name == "invoiceiq-config") | .data // {} | keys[]')
in_list() { local x="$1"; shift; local y; for y in "$@"; do [[ "$x" == "$y" ]] && return 0; done; return 1; }

for key in "${SECRET_KEYS[@]}"; do
  in_list "$key" "${secret_keys[@]}" && ok "Secret template has $key" || fail "$SECRET_TEMPLATE lacks the secret $key"
  ! in_list "$key" "${config_keys[@]}" || fail "the ConfigMap holds $key, a secret: move it to the Secret"
done

# The names between "IN_PROD = List.of(" and the first ");": env("NAME") and new Requirement("NAME", ...); a name
# like "DATABASE_URL or QUARKUS_DATASOURCE_JDBC_URL" is satisfied by either.
mapfile -t required < <(sed -n '/IN_PROD = List.of(/,/);/p' "$REQUIRED_SOURCE" \
  | grep -oE '(env|new Requirement)\("[^"]+"' | sed -E 's/^[^"]*"//; s/"$//')
if (( ${#required[@]} < 10 )); then
  fail "read only ${#required[@]} names from RequiredSecrets.IN_PROD in $REQUIRED_SOURCE: did its shape change?"
fi
for name in "${required[@]}"; do
  found=""
  read -r -a alternatives <<<"${name// or / }"
  for alt in "${alternatives[@]}"; do
    if in_list "$alt" "${secret_keys[@]}"; then found="the Secret template ($alt)"; break; fi
    if in_list "$alt" "${config_keys[@]}"; then found="the ConfigMap ($alt)"; break; fi
  done
  if [[ -n "$found" ]]; then ok "required $name is in $found"
  else fail "RequiredSecrets.IN_PROD requires $name, but neither $SECRET_TEMPLATE nor the ConfigMap has it"; fi
  if [[ -f "$RUNBOOK" ]] && grep -qF -- "${alternatives[0]}" "$RUNBOOK"; then :
  else fail "$RUNBOOK does not mention the required setting ${alternatives[0]}"; fi
done

# ---- 4. fly.toml and the shutdown budget -------------------------------------------------------------------------
echo "== fly.toml, and the shutdown budget against application.properties"
python3 - "$PROPERTIES" "${grace:-}" "${prestop:-0}" "$SHUTDOWN_OVERHEAD_SECONDS" "${SECRET_KEYS[@]}" <<'PY' \
  || failures=$((failures + 1))
import re, sys, tomllib, pathlib

properties_file, grace_k8s, prestop, overhead = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
secret_keys = set(sys.argv[5:])
problems = []

def check(condition, what, where="fly.toml"):
    if condition:
        print(f"   ok: {where}: {what}")
    else:
        problems.append(what)
        print(f"FAIL: {where}: {what}", file=sys.stderr)

def seconds(value):
    """A Fly or Quarkus duration as seconds: 30, "30s", "1m0s", "PT30S", "500ms"."""
    if isinstance(value, (int, float)):
        return float(value)
    text = str(value).strip()
    if re.fullmatch(r"\d+", text):
        return float(text)
    iso = re.fullmatch(r"(?i)PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?", text)
    if iso and any(iso.groups()):
        h, m, s = iso.groups()
        return int(h or 0) * 3600 + int(m or 0) * 60 + float(s or 0)
    total, rest = 0.0, text
    for amount, unit in re.findall(r"(\d+(?:\.\d+)?)(ms|h|m|s)", text):
        total += float(amount) * {"ms": 0.001, "s": 1, "m": 60, "h": 3600}[unit]
        rest = rest.replace(amount + unit, "", 1)
    if rest or not text:
        raise ValueError(f"not a duration: {value!r}")
    return total

try:
    fly = tomllib.loads(pathlib.Path("fly.toml").read_text())
except (OSError, tomllib.TOMLDecodeError) as e:
    print(f"FAIL: fly.toml does not parse: {e}", file=sys.stderr)
    sys.exit(1)

http = fly.get("http_service", {})
check(fly.get("primary_region") == "jnb", 'primary_region = "jnb"')
dockerfile = fly.get("build", {}).get("dockerfile", "")
check(dockerfile == "src/main/docker/Dockerfile.native-micro" and pathlib.Path(dockerfile).is_file(),
      "[build] dockerfile is src/main/docker/Dockerfile.native-micro, and it exists")
release = fly.get("deploy", {}).get("release_command", "")
check("-Dquarkus.init-and-exit=true" in release and release.split()[:1] in (["/work/application"], ["./application"]),
      "[deploy] release_command runs the executable with -Dquarkus.init-and-exit=true")
check(http.get("internal_port") == 8080, "[http_service] internal_port = 8080")
check(http.get("force_https") is True, "[http_service] force_https = true")
conc = http.get("concurrency", {})
check(conc.get("type") == "requests" and 0 < conc.get("soft_limit", 0) <= conc.get("hard_limit", 0),
      '[http_service.concurrency] type = "requests", 0 < soft_limit <= hard_limit')
check(http.get("auto_start_machines") is True and "auto_stop_machines" in http,
      "[http_service] auto_stop_machines and auto_start_machines set")
check(isinstance(http.get("min_machines_running"), int) and http["min_machines_running"] >= 1,
      "[http_service] min_machines_running >= 1 (Daraja never retries a callback; the jobs need a running machine)")
# Service checks run against internal_port (8080), which serves no /q/*: readiness there is /readyz.
ready = [c for c in http.get("checks", []) if c.get("path") == "/readyz"]
check(len(ready) == 1 and all(k in ready[0] for k in ("grace_period", "interval", "timeout")),
      "[[http_service.checks]] on /readyz with grace_period, interval and timeout")
check(not any(str(c.get("path", "")).startswith("/q/") for c in http.get("checks", [])),
      "no [[http_service.checks]] on /q/* (the management port serves those, not internal_port)")
management_checks = [c for c in fly.get("checks", {}).values()
                     if c.get("port") == 9000 and c.get("path") == "/q/health/ready"]
check(len(management_checks) == 1, "[checks] watches /q/health/ready on the management port 9000")
check(all(s.get("internal_port") != 9000 for s in fly.get("services", [])),
      "no [[services]] publishes the management port 9000")
metrics = fly.get("metrics", {})
check(metrics.get("port") == 9000 and metrics.get("path") == "/q/metrics", '[metrics] port = 9000, path = "/q/metrics"')
check(fly.get("kill_signal") == "SIGTERM", 'kill_signal = "SIGTERM"')
vms = fly.get("vm", [])
check(len(vms) == 1 and str(vms[0].get("memory", "")).lower() in ("256mb", "256"), '[[vm]] memory = "256mb"')
leaked = sorted(secret_keys & set(fly.get("env", {})))
check(not leaked, "[env] holds no secret" + (f" (found {', '.join(leaked)}: use fly secrets set)" if leaked else ""))

try:
    kill_timeout = seconds(fly.get("kill_timeout", 5))
except ValueError as e:
    kill_timeout = 0
    check(False, f"kill_timeout: {e}")

# The application's side: Flyway at start (what init-and-exit runs) and the graceful shutdown timeout.
props = {}
for line in pathlib.Path(properties_file).read_text().splitlines():
    line = line.strip()
    if line and not line.startswith(("#", "!")) and "=" in line:
        key, value = line.split("=", 1)
        props[key.strip()] = value.strip()
PROPS = "application.properties"
check(props.get("quarkus.flyway.migrate-at-start") == "true",
      "quarkus.flyway.migrate-at-start=true (release_command and the Job rely on it)", PROPS)
check(props.get("quarkus.management.enabled") == "true"
      and props.get("%prod.quarkus.management.port", props.get("quarkus.management.port")) == "9000",
      "quarkus.management.enabled=true on port 9000 (the port fly.toml and k8s/ probe and scrape)", PROPS)
timeout = props.get("%prod.quarkus.shutdown.timeout", props.get("quarkus.shutdown.timeout"))
check(timeout is not None,
      "sets quarkus.shutdown.timeout (without it Quarkus exits on SIGTERM without waiting"
      " for running requests: webhooks, M-PESA callbacks)", PROPS)
if timeout is not None:
    try:
        fly_budget = seconds(timeout) + overhead
        check(fly_budget < kill_timeout,
              f"quarkus.shutdown.timeout ({timeout}) + {overhead}s drain and margin < kill_timeout ({kill_timeout:g}s)")
        if grace_k8s.isdigit():
            k8s_budget = prestop + fly_budget
            check(k8s_budget < int(grace_k8s),
                  f"preStop ({prestop}s) + quarkus.shutdown.timeout ({timeout}) + {overhead}s drain and margin"
                  f" < terminationGracePeriodSeconds ({grace_k8s}s)", "k8s/base/deployment.yaml")
        else:
            check(False, f"terminationGracePeriodSeconds is not a number ({grace_k8s!r})", "k8s/base/deployment.yaml")
    except ValueError as e:
        check(False, f"quarkus.shutdown.timeout: {e}", PROPS)
sys.exit(1 if problems else 0)
PY

echo
if (( failures > 0 )); then
  echo "check-deploy: $failures check(s) FAILED (each line starting with FAIL: above)" >&2
  exit 1
fi
echo "check-deploy: every deployment check passed"
