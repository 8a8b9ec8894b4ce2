#!/usr/bin/env bash
# Checks the Prometheus alerting rules (docs/RUNBOOK.md §6 "Alerts"):
#
#  1. `promtool check rules` on deploy/prometheus/alerts.yml (syntax, PromQL, templates);
#  2. `promtool test rules` on deploy/prometheus/alerts_test.yml: each important alert fires when it should and not
#     when it should not (a customer not on WhatsApp whose invoice went by SMS fires nothing);
#  3. k8s/components/prometheus-operator/prometheusrule.yaml holds exactly the same rules (its spec equals the rule
#     file) and passes `promtool check rules` too; it stays out of k8s/base/kustomization.yaml's resources, so
#     `kubectl apply -k k8s/overlays/plain/` works on a cluster without the Prometheus Operator (that the plain
#     overlay renders no monitoring.coreos.com object at all is checked by .ci/check-deploy.sh);
#  4. every query of the Grafana dashboard (deploy/grafana/invoiceiq.json) is valid PromQL: each `expr` becomes a
#     recording rule that `promtool check rules` parses.
#
# That every metric the rules name is exported by the service is checked by the bootstrap test
# DashboardAndAlertsMetricsTest (./mvnw verify). Installs Debian's prometheus package (promtool) and python3-yaml
# through apt-get (as root or `sudo -n`) when missing. Run from anywhere: bash .ci/check-alerts.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

readonly RULES=deploy/prometheus/alerts.yml
readonly RULE_TESTS=deploy/prometheus/alerts_test.yml
readonly K8S_RULE=k8s/components/prometheus-operator/prometheusrule.yaml
readonly KUSTOMIZATION=k8s/base/kustomization.yaml
readonly DASHBOARD=deploy/grafana/invoiceiq.json

# shellcheck source=.ci/apt-install.sh
source "$ROOT/.ci/apt-install.sh"

if ! command -v promtool >/dev/null 2>&1; then
  echo "== Installing prometheus (for promtool)"
  apt_install prometheus
fi
if ! python3 -c 'import yaml' >/dev/null 2>&1; then
  echo "== Installing python3-yaml"
  apt_install python3-yaml
fi
echo "== $(promtool --version 2>&1 | head -1)"

echo "== promtool check rules $RULES"
promtool check rules "$RULES"

echo "== promtool test rules $RULE_TESTS"
promtool test rules "$RULE_TESTS"

echo "== $K8S_RULE holds the rules of $RULES"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
python3 - "$RULES" "$K8S_RULE" "$KUSTOMIZATION" "$WORK/k8s-rules.yml" <<'PY'
import sys
import yaml

rules_path, k8s_path, kustomization_path, extracted = sys.argv[1:]
with open(rules_path) as f:
    rules = yaml.safe_load(f)
with open(k8s_path) as f:
    k8s = yaml.safe_load(f)
with open(kustomization_path) as f:
    kustomization = yaml.safe_load(f)

failures = []
if k8s.get("apiVersion") != "monitoring.coreos.com/v1" or k8s.get("kind") != "PrometheusRule":
    failures.append(f"{k8s_path} is not a monitoring.coreos.com/v1 PrometheusRule")
if k8s.get("spec") != rules:
    names = lambda doc: [r.get("alert") for g in (doc or {}).get("groups", []) for r in g.get("rules", [])]
    failures.append(f"{k8s_path}'s spec differs from {rules_path}: alerts {names(k8s.get('spec'))} against "
                    f"{names(rules)} (copy the groups over, indented under spec:)")
if any(r.endswith("prometheusrule.yaml") for r in (kustomization.get("resources") or [])):
    failures.append(f"{kustomization_path} lists prometheusrule.yaml: `kubectl apply -k` of every overlay would fail "
                    "on a cluster without the Prometheus Operator (it belongs to the component prometheus-operator)")
with open(extracted, "w") as f:
    yaml.safe_dump(k8s.get("spec") or {}, f)
for failure in failures:
    print(f"FAIL: {failure}", file=sys.stderr)
sys.exit(1 if failures else 0)
PY
promtool check rules "$WORK/k8s-rules.yml"

echo "== The queries of $DASHBOARD parse as PromQL"
python3 - "$DASHBOARD" "$WORK/dashboard-rules.yml" <<'PY'
import json
import sys
import yaml

dashboard_path, out = sys.argv[1:]
with open(dashboard_path) as f:
    dashboard = json.load(f)


def exprs(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "expr" and isinstance(value, str):
                yield value
            else:
                yield from exprs(value)
    elif isinstance(node, list):
        for item in node:
            yield from exprs(item)


found = list(exprs(dashboard))
if not found:
    print(f"FAIL: {dashboard_path} has no expr", file=sys.stderr)
    sys.exit(1)
rules = [{"record": f"dashboard_query_{i}", "expr": e} for i, e in enumerate(found)]
with open(out, "w") as f:
    yaml.safe_dump({"groups": [{"name": "dashboard", "rules": rules}]}, f)
PY
promtool check rules "$WORK/dashboard-rules.yml"
echo "== Alert rules and dashboard queries: all checks passed"
