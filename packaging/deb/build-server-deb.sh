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
install -d -m 0755 "$root/usr/lib/steward" "$root/usr/bin" "$root/lib/systemd/system" "$root/etc/steward" "$root/usr/lib/sysusers.d" "$root/usr/share/doc/steward"
cp -R "$published/." "$root/usr/lib/steward/"
find "$root/usr/lib/steward" -type d -exec chmod 0755 {} + -o -type f -exec chmod 0644 {} +
chmod 0755 "$root/usr/lib/steward/steward"
find "$root/usr/lib/steward" -name '*.pdb' -delete
install -m 0755 "$server/share-admin-token" "$root/usr/lib/steward/share-admin-token"
ln -s /usr/lib/steward/steward "$root/usr/bin/steward"
install -m 0644 "$server/steward.service" "$root/lib/systemd/system/steward.service"
install -m 0644 "$server/appsettings.json" "$root/etc/steward/appsettings.json"
install -m 0644 "$server/sysusers.conf" "$root/usr/lib/sysusers.d/steward.conf"
gzip -9n < "$repo/docs/OPERATIONS.md" > "$root/usr/share/doc/steward/OPERATIONS.md.gz"

# gzip, not xz: the self-contained server is about 100 MB, which xz takes minutes to compress.
deb_finish steward "$version" "$root" "$server" "$out" gzip
