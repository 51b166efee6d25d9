# Shared by build-agent-deb.sh and build-server-deb.sh (sourced): their arguments, the Debian metadata of a
# package tree and the build.

# deb_arguments SCRIPT ARGS...: sets version, published and out (default artifacts/deb) from --version V,
# --published DIR and --out DIR; a missing --version or an unknown argument ends the script with code 2. Sets root
# (an empty package tree) and, without --published, published (an empty directory) and publish_needed=yes.
deb_arguments() {
  local script=$1
  shift
  version="" published="" out="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/artifacts/deb"
  while [ $# -gt 0 ]; do
    case "$1" in
      --version) version=$2; shift 2 ;;
      --published) published=$2; shift 2 ;;
      --out) out=$2; shift 2 ;;
      *) echo "$script: unknown argument '$1'" >&2; exit 2 ;;
    esac
  done
  [ -n "$version" ] || { echo "$script: --version V is required" >&2; exit 2; }
  command -v dpkg-deb >/dev/null || { echo "$script: dpkg-deb is missing (apt-get install dpkg-dev)" >&2; exit 1; }
  # The package tree, and a publish directory when none was given; both removed when the script ends.
  root=$(mktemp -d)
  chmod 0755 "$root"
  publish_needed=""
  if [ -z "$published" ]; then
    published=$(mktemp -d)
    publish_needed=yes
  fi
  trap 'rm -rf "$root"; [ -z "$publish_needed" ] || rm -rf "$published"' EXIT
}
#
# deb_finish NAME VERSION ROOT TEMPLATES OUT [COMPRESSION]: adds the copyright, the changelog, the lintian overrides (when
# TEMPLATES has one), the maintainer scripts, control (with @VERSION@ and @INSTALLED_SIZE@ filled in), conffiles
# (when TEMPLATES has one) and md5sums to ROOT, builds OUT/NAME_VERSION_amd64.deb and prints its path.
deb_finish() {
  local name=$1 version=$2 root=$3 templates=$4 out=$5 compression=${6:-xz} repo date_epoch
  repo=$(cd "$templates/../../.." && pwd)
  local doc="$root/usr/share/doc/$name"
  install -d -m 0755 "$doc" "$root/DEBIAN"
  install -m 0644 "$templates/copyright" "$doc/copyright"
  date_epoch=${SOURCE_DATE_EPOCH:-$(git -C "$repo" log -1 --format=%ct 2>/dev/null || date +%s)}
  sed -e "s/@VERSION@/$version/" -e "s/@DATE@/$(date -u -R -d "@$date_epoch")/" "$templates/changelog" | gzip -9n > "$doc/changelog.gz"
  if [ -f "$templates/lintian-overrides" ]; then
    install -d -m 0755 "$root/usr/share/lintian/overrides"
    install -m 0644 "$templates/lintian-overrides" "$root/usr/share/lintian/overrides/$name"
  fi
  for script in postinst prerm postrm; do
    install -m 0755 "$templates/$script" "$root/DEBIAN/$script"
  done
  if [ -f "$templates/conffiles" ]; then
    install -m 0644 "$templates/conffiles" "$root/DEBIAN/conffiles"
  fi
  local installed_size
  installed_size=$(du -k -s --exclude=DEBIAN "$root" | cut -f1)
  sed -e "s/@VERSION@/$version/" -e "s/@INSTALLED_SIZE@/$installed_size/" "$templates/control" > "$root/DEBIAN/control"
  (cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\n' | LC_ALL=C sort | xargs -d '\n' md5sum) > "$root/DEBIAN/md5sums"
  chmod 0644 "$root/DEBIAN/md5sums"
  mkdir -p "$out"
  local deb="$out/${name}_${version}_amd64.deb"
  dpkg-deb --root-owner-group "-Z$compression" --build "$root" "$deb" >&2
  echo "$deb"
}
