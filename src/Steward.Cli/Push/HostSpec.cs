using System.Globalization;

namespace Steward.Cli.Push;

/// <summary>A host as <c>steward push</c> is given it: <c>[USER@]HOST[:PORT]</c>, an IPv6 address in brackets (<c>[2001:db8::5]:2222</c>).</summary>
/// <param name="Text">As written: the name the results, the state file and the audit log use.</param>
/// <param name="User">The user named in it, or null (then <c>--user</c>, then the current user's name).</param>
/// <param name="Host">The name or address to connect to.</param>
/// <param name="Port">The SSH port (22 unless named).</param>
internal sealed record HostSpec(string Text, string? User, string Host, int Port)
{
    /// <summary>The host, or null with the reason in <paramref name="problem"/>.</summary>
    public static HostSpec? Parse(string text, out string? problem)
    {
        problem = null;
        var trimmed = text.Trim();
        var at = trimmed.LastIndexOf('@');
        var user = at >= 0 ? trimmed[..at] : null;
        var rest = at >= 0 ? trimmed[(at + 1)..] : trimmed;
        string host;
        var port = 22;
        string? portText = null;
        if (rest.StartsWith('['))
        {
            var close = rest.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                problem = $"'{text}': an address in brackets needs its closing ']'";
                return null;
            }

            host = rest[1..close];
            portText = rest.Length > close + 1 ? (rest[close + 1] == ':' ? rest[(close + 2)..] : "") : null;
        }
        else if (rest.Count(c => c == ':') == 1)
        {
            host = rest[..rest.IndexOf(':', StringComparison.Ordinal)];
            portText = rest[(rest.IndexOf(':', StringComparison.Ordinal) + 1)..];
        }
        else
        {
            host = rest;
        }

        if (portText is not null && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
        {
            problem = $"'{text}': the port must be a number from 1 to 65535";
            return null;
        }

        if (host.Length == 0 || host.Length > 253 || host.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '/' or '\'' or '"'))
        {
            problem = $"'{text}' is not a host name or address";
            return null;
        }

        if (user is not null && (user.Length == 0 || user.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))))
        {
            problem = $"'{text}': the user name before '@' is empty or has spaces";
            return null;
        }

        return new HostSpec(trimmed, user, host, port);
    }

    /// <summary>How known_hosts names this host: the name alone on port 22, <c>[name]:port</c> otherwise.</summary>
    public string KnownHostsName => Port == 22 ? Host : $"[{Host}]:{Port.ToString(CultureInfo.InvariantCulture)}";
}
