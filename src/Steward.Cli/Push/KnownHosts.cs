using System.Security.Cryptography;
using System.Text;

namespace Steward.Cli.Push;

/// <summary>
/// The host keys this computer trusts, in OpenSSH's <c>known_hosts</c> format (the file <c>ssh</c> uses, so that
/// both agree): plain and hashed (<c>|1|salt|hash</c>) host names, <c>[host]:port</c> for other ports, the
/// <c>*</c> and <c>?</c> wildcards, <c>!</c> negation and <c>@revoked</c>. A key is trusted only when a line names this
/// host with exactly this key; a host that has lines but none with this key is refused (its key changed, or someone
/// is in between), as <c>ssh</c> does. A new host is refused unless <c>--accept-new</c>, which appends its key.
/// </summary>
internal sealed class KnownHosts(string path)
{
    private static readonly Lock Appending = new();

    /// <summary>The file.</summary>
    public string Path { get; } = path;

    /// <summary>What the file says of <paramref name="keyType"/> <paramref name="key"/> for the host.</summary>
    public HostKeyVerdict Check(string knownHostsName, string keyType, byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var encoded = Convert.ToBase64String(key);
        var lines = Entries().Where(entry => entry.Names(knownHostsName)).ToList();

        // A revoked key is refused wherever its @revoked line stands, even after a line that trusts it (as ssh does).
        if (lines.Exists(entry => entry.Revoked && entry.Holds(keyType, encoded)))
        {
            return HostKeyVerdict.Revoked;
        }

        var named = lines.Where(entry => !entry.Revoked).ToList();
        return named.Exists(entry => entry.Holds(keyType, encoded)) ? HostKeyVerdict.Trusted
            : named.Count > 0 ? HostKeyVerdict.Changed
            : HostKeyVerdict.Unknown;
    }

    /// <summary>Appends the host's key (what <c>ssh -o StrictHostKeyChecking=accept-new</c> does), creating the file 0600 if needed.</summary>
    public void Add(string knownHostsName, string keyType, byte[] key)
    {
        lock (Appending)
        {
            OwnerOnly.Directory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
            using var writer = new StreamWriter(Path, Encoding.ASCII, OwnerOnly.Create(FileMode.Append));
            writer.Write($"{knownHostsName} {keyType} {Convert.ToBase64String(key)}\n");
        }
    }

    private IEnumerable<Entry> Entries()
    {
        if (!File.Exists(Path))
        {
            yield break;
        }

        foreach (var raw in File.ReadLines(Path))
        {
            var fields = raw.Trim().Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0 || fields[0].StartsWith('#'))
            {
                continue;
            }

            var revoked = fields[0] == "@revoked";
            var marker = fields[0].StartsWith('@') ? 1 : 0;

            // @cert-authority lines name a CA, not a host key: not used here.
            if (fields.Length < marker + 3 || (marker == 1 && !revoked))
            {
                continue;
            }

            yield return new Entry(fields[marker], fields[marker + 1], fields[marker + 2], revoked);
        }
    }

    private sealed record Entry(string Patterns, string KeyType, string Key, bool Revoked)
    {
        public bool Holds(string keyType, string encodedKey) => KeyType == keyType && Key == encodedKey;

        public bool Names(string host)
        {
            if (Patterns.StartsWith("|1|", StringComparison.Ordinal))
            {
                return HashedNames(Patterns, host);
            }

            var matched = false;
            foreach (var pattern in Patterns.Split(','))
            {
                if (pattern.StartsWith('!'))
                {
                    if (Wildcard(pattern[1..], host))
                    {
                        return false;
                    }
                }
                else
                {
                    matched |= Wildcard(pattern, host);
                }
            }

            return matched;
        }

        private static bool HashedNames(string field, string host)
        {
            var parts = field.Split('|');
            if (parts.Length != 4)
            {
                return false;
            }

            try
            {
                var salt = Convert.FromBase64String(parts[2]);
                var hash = Convert.FromBase64String(parts[3]);
#pragma warning disable CA5350 // OpenSSH's hashed host names are HMAC-SHA1 of the name; matching them protects nothing here.
                return CryptographicOperations.FixedTimeEquals(HMACSHA1.HashData(salt, Encoding.ASCII.GetBytes(host)), hash);
#pragma warning restore CA5350
            }
            catch (FormatException)
            {
                return false;
            }
        }

        // OpenSSH's patterns: '*' any run, '?' one character, compared ignoring case.
        private static bool Wildcard(string pattern, string text)
        {
            if (!pattern.Contains('*', StringComparison.Ordinal) && !pattern.Contains('?', StringComparison.Ordinal))
            {
                return string.Equals(pattern, text, StringComparison.OrdinalIgnoreCase);
            }

            var expression = "^" + System.Text.RegularExpressions.Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$";
            return System.Text.RegularExpressions.Regex.IsMatch(text, expression, System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
    }
}

/// <summary>What known_hosts says of a host's key.</summary>
internal enum HostKeyVerdict
{
    /// <summary>A line names the host with this key.</summary>
    Trusted,

    /// <summary>No line names the host.</summary>
    Unknown,

    /// <summary>Lines name the host, none with this key: it changed, or another computer answers in its place.</summary>
    Changed,

    /// <summary>The key is marked <c>@revoked</c>.</summary>
    Revoked,
}
