#!/usr/bin/env bash
# Builds steward_<version>_amd64.deb: the site server and the `steward` command, self-contained (no .NET runtime
# needed on the machine), with steward.service running it as the steward system user.
#
#   packaging/deb/build-server-deb.sh --version 1.0.0 [--published DIR] [--out DIR]
#
# Without --published it runs `dotnet publish src/Steward.Cli` (self-contained, linux-x64) first.
# See docs/OPERATIONS.md, "The server's package".
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
# shellcheck source=common.sh
. "$here/common.sh"
deb_arguments build-server-deb.sh "$@"
if [ -n "$publish_needed" ]; then
  dotnet publish "$repo/src/Steward.Cli/Steward.Cli.csproj" -c Release -r linux-x64 --self-contained -o "$published" -nologo >&2
fi
[ -x "$published/steward" ] || { echo "build-server-deb.sh: $published/steward is not there or not executable" >&2; exit 1; }

server="$here/server"
install -d -m 0755 "$root/usr/lib/steward" "$root/usr/bin" "$root/lib/systemd/system" "$root/etc/steward" "$root/usr/lib/sysusers.d" "$root/usr/share/doc/steward" \
  "$root/usr/share/man/man1"
cp -R "$published/." "$root/usr/lib/steward/"
find "$root/usr/lib/steward" -type d -exec chmod 0755 {} + -o -type f -exec chmod 0644 {} +
chmod 0755 "$root/usr/lib/steward/steward"
find "$root/usr/lib/steward" -name '*.pdb' -delete
install -m 0755 "$server/share-admin-token" "$root/usr/lib/steward/share-admin-token"
# Relative: both ends are under /usr (Debian policy 10.5).
ln -s ../lib/steward/steward "$root/usr/bin/steward"
# The SQLite library NuGet ships keeps its symbols; the others come stripped.
strip --strip-unneeded --remove-section=.comment --remove-section=.note "$root/usr/lib/steward/libe_sqlite3.so"
install -m 0644 "$server/steward.service" "$root/lib/systemd/system/steward.service"
install -m 0644 "$server/appsettings.json" "$root/etc/steward/appsettings.json"
install -m 0644 "$server/sysusers.conf" "$root/usr/lib/sysusers.d/steward.conf"
gzip -9n < "$repo/docs/OPERATIONS.md" > "$root/usr/share/doc/steward/OPERATIONS.md.gz"

# The man page is the program's own --help and each command's, so the two never disagree.
steward_help() { "$published/steward" "$@" --help | sed -e 's/\\/\\e/g' -e 's/^\([.'"'"']\)/\\\&\1/'; }
{
  printf '.TH STEWARD 1 "" "steward %s" "Steward"\n' "$version"
  printf '.SH NAME\nsteward \\- the Steward site server and its administration command\n'
  printf '.SH SYNOPSIS\n.B steward\n.I command\n.RI [ options ]\n'
  printf '.SH DESCRIPTION\n.nf\n'
  steward_help
  for command in $("$published/steward" --help | awk '/^Commands:/ { on = 1; next } on && NF { print $1 }'); do
    printf '.fi\n.SH "STEWARD %s"\n.nf\n' "$(echo "$command" | tr '[:lower:]' '[:upper:]')"
    steward_help "$command"
  done
  printf '.fi\n.SH FILES\n.TP\n.I /etc/steward/appsettings.json\nthe settings of steward.service\n'
  printf '.TP\n.I /var/lib/steward\nthe data directory: the database, the packages, the administrator token\n'
  printf '.TP\n.I /etc/steward/admin-token\nthe administrator token, readable by the steward group\n'
  printf '.SH SEE ALSO\n.BR steward-agent (8),\n.BR systemctl (1)\n'
} | gzip -9n > "$root/usr/share/man/man1/steward.1.gz"

# gzip, not xz: the self-contained server is about 100 MB, which xz takes minutes to compress.
deb_finish steward "$version" "$root" "$server" "$out" gzip
