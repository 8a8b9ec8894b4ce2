# Sourced by the .ci/check-*.sh scripts: apt_install PACKAGE... installs Debian packages a check needs, as root or
# through `sudo -n`, running `apt-get update` once per script; without either it stops the script, naming the
# packages to install by hand.
as_root=()
if [[ "$(id -u)" -ne 0 ]] && command -v sudo >/dev/null 2>&1; then
  as_root=(sudo -n)
fi
apt_updated=false
apt_install() {
  if [[ "$(id -u)" -ne 0 && ${#as_root[@]} -eq 0 ]]; then
    echo "$(basename "$0" .sh): '$*' missing, and neither root nor sudo to install it:" \
      "install the Debian package(s) $*" >&2
    exit 1
  fi
  if [[ "$apt_updated" == false ]]; then
    "${as_root[@]}" apt-get update -q
    apt_updated=true
  fi
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"
}
