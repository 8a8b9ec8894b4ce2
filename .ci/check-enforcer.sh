#!/usr/bin/env bash
# Proves that the Maven enforcer rules of the two core modules can fail (a rule that cannot fail is not a rule).
#
# For domain and application it validates two throw-away copies of the module's pom:
#   1. the pom as it is                          -> validate must PASS (the copy is a fair stand-in);
#   2. the pom plus one forbidden compile dependency -> validate must FAIL with the module's enforcer message.
# The copies live under target/ (ignored by git) and point at the real parent pom. Offline, validate phase only:
# a few seconds, after a build has filled the local repository. Needs JAVA_HOME on a JDK >= 21 (.ci/run sets it).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$ROOT/target/enforcer-check"
MVN=("$ROOT/mvnw" -B -ntp -o)

rm -rf "$WORK"
mkdir -p "$WORK"
trap 'rm -rf "$WORK"' EXIT

# copy_pom <module> <dir> [<groupId:artifactId> to add as a compile dependency]
copy_pom() {
  local module="$1" dir="$2" dep="${3:-}"
  mkdir -p "$dir"
  # The copy sits at target/enforcer-check/<dir>/pom.xml: three levels below the root pom.
  sed -e '0,/<\/parent>/s#</parent>#  <relativePath>../../../pom.xml</relativePath>\n  </parent>#' \
      "$ROOT/$module/pom.xml" > "$dir/pom.xml"
  if [[ -n "$dep" ]]; then
    local g="${dep%%:*}" a="${dep##*:}"
    sed -i "0,/<dependencies>/s#<dependencies>#<dependencies>\n    <dependency><groupId>$g</groupId><artifactId>$a</artifactId></dependency>#" \
      "$dir/pom.xml"
    grep -q "<artifactId>$a</artifactId></dependency>" "$dir/pom.xml" || { echo "could not add $dep to the copy of $module/pom.xml" >&2; exit 1; }
  fi
}

# check <module> <forbidden groupId:artifactId> <enforcer message>
# The forbidden artifact must not be declared by the module already (Maven would merge the two declarations),
# must have its version managed by the parent, and must be in the local repository after a build.
check() {
  local module="$1" dep="$2" message="$3" out

  copy_pom "$module" "$WORK/$module-as-is"
  if ! out="$("${MVN[@]}" -f "$WORK/$module-as-is/pom.xml" validate 2>&1)"; then
    echo "$out" >&2
    echo "FAIL: the unmodified copy of $module/pom.xml does not validate, so the check proves nothing." >&2
    exit 1
  fi

  copy_pom "$module" "$WORK/$module-violation" "$dep"
  if out="$("${MVN[@]}" -f "$WORK/$module-violation/pom.xml" validate 2>&1)"; then
    echo "$out" >&2
    echo "FAIL: $module/pom.xml with a compile dependency on $dep passed validate: its enforcer rule cannot fail." >&2
    exit 1
  fi
  if ! grep -qF "$message" <<<"$out"; then
    echo "$out" >&2
    echo "FAIL: validate of $module + $dep failed, but not with the enforcer message '$message'." >&2
    exit 1
  fi
  echo "ok: $module + compile dependency $dep is refused by the enforcer:"
  grep -E "bannedDependencies|BannedDependencies|$dep|$(printf '%s' "$message" | sed 's/[][\.*^$()+?{}|]/\\&/g')" <<<"$out" \
    | grep -v '^\[INFO\]' | sed 's/^/    /' | head -8
}

check domain jakarta.inject:jakarta.inject-api \
  "The domain is pure Java: it may have test dependencies only"
check application jakarta.enterprise:jakarta.enterprise.cdi-api \
  "The application depends on the domain only"

echo "enforcer rules: both core modules refuse a forbidden dependency."
