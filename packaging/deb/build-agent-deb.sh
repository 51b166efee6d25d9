#!/usr/bin/env bash
# Builds steward-agent_<version>_amd64.deb from the native agent.
#
#   packaging/deb/build-agent-deb.sh --version 2.00.1493.2000 [--published DIR] [--out DIR]
#
# Without --published it runs `dotnet publish` (Native AOT, linux-x64) first. The package installs the program
# and its manifest into /usr/lib/steward-agent (owned by dpkg); its postinst runs `steward-agent place`, which
# copies them into the agent's own versioned layout (/var/lib/steward-agent/versions/V, then the `current`
# pointer) unless a newer agent is current there. See docs/OPERATIONS.md, "Installing from the packages".
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
# shellcheck source=common.sh
. "$here/common.sh"
deb_arguments build-agent-deb.sh "$@"
if [ -n "$publish_needed" ]; then
  dotnet publish "$repo/src/Steward.Agent/Steward.Agent.csproj" -c Release -r linux-x64 -o "$published" "-p:StewardAgentVersion=$version" -nologo >&2
fi
program="$published/steward-agent"
[ -x "$program" ] || { echo "build-agent-deb.sh: $program is not there or not executable" >&2; exit 1; }
built=$("$program" version)
[ "$built" = "steward-agent $version" ] || { echo "build-agent-deb.sh: $program reports '$built', not version $version" >&2; exit 1; }

lib="$root/usr/lib/steward-agent"
install -d -m 0755 "$lib" "$root/usr/bin" "$root/lib/systemd/system" "$root/usr/share/man/man8"
install -m 0755 "$program" "$lib/steward-agent"

# The manifest the agent checks the copy against (the same format as a package archive's steward-package.json).
size=$(stat -c %s "$lib/steward-agent")
sha=$(sha256sum "$lib/steward-agent" | cut -d' ' -f1)
printf '{"format":1,"version":"%s","entryPoint":"steward-agent","files":[{"path":"steward-agent","size":%s,"sha256":"%s","executable":true}]}\n' \
  "$version" "$size" "$sha" > "$lib/steward-package.json"
chmod 0644 "$lib/steward-package.json"

# On the PATH: always the current version, whatever updated it.
ln -s /var/lib/steward-agent/current/steward-agent "$root/usr/bin/steward-agent"
install -m 0644 "$repo/src/Steward.Agent/packaging/steward-agent.service" "$repo/src/Steward.Agent/packaging/steward-agent.path" "$root/lib/systemd/system/"

# The man page is the program's own --help, so the two never disagree.
{
  printf '.TH STEWARD-AGENT 8 "" "steward-agent %s" "Steward"\n' "$version"
  printf '.SH NAME\nsteward-agent \\- the Steward agent on a managed computer\n'
  printf '.SH SYNOPSIS\n.B steward-agent\n.I command\n.RI [ options ]\n'
  printf '.SH DESCRIPTION\n.nf\n'
  "$program" --help | sed -e 's/\\/\\e/g' -e 's/^\([.'"'"']\)/\\\&\1/'
  printf '.fi\n.SH FILES\n.TP\n.I /var/lib/steward-agent\nthe state, the installed versions and the \\fIcurrent\\fR pointer\n'
  printf '.TP\n.I /usr/lib/steward-agent\nthe copy this package installs, placed into the layout by its postinst\n'
  printf '.SH SEE ALSO\n.BR systemctl (1)\n'
} | gzip -9n > "$root/usr/share/man/man8/steward-agent.8.gz"

deb_finish steward-agent "$version" "$root" "$here/agent" "$out"
