using Steward.Policy.Boundaries;
using Steward.Policy.Sites;
using Steward.Policy.Versions;
using Steward.Protocol.Signing;
using Steward.Server.Http;
using Steward.Server.Sites;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Agents;

/// <summary>Checks what agents send: the access point's site, addresses, versions, nonce and pinned key, each problem named by its field.</summary>
internal static class AgentInput
{
    public const int MaxAddresses = 64;

    public static NetworkAddress[] Addresses(IReadOnlyList<string>? texts, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (texts is null)
        {
            errors.Add("addresses", "required: the computer's network addresses (an empty list if it has none)");
            return [];
        }

        if (texts.Count > MaxAddresses)
        {
            errors.Add("addresses", $"{texts.Count} addresses; at most {MaxAddresses} are accepted");
            return [];
        }

        var addresses = new NetworkAddress[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            var parsed = NetworkAddress.Parse(texts[i] ?? "");
            if (parsed.Success)
            {
                addresses[i] = parsed.Value;
            }
            else
            {
                errors.Add($"addresses[{i}]", parsed.Error!);
            }
        }

        return addresses;
    }

    /// <summary>The site of an access point's path (<c>/v1/access/{site}/...</c>), or null with the error under <c>site</c>.</summary>
    public static SiteCode? Site(string text, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var code = SiteCode.Parse(text);
        if (code.Success)
        {
            return code.Value;
        }

        errors.Add("site", code.Error!);
        return null;
    }

    /// <summary>An optional version: null when absent, otherwise checked like every version.</summary>
    public static AgentVersion? Version(string? text, string field, FieldErrors errors) =>
        text is null ? null : SiteInput.Version(text, field, errors);

    /// <summary>The optional nonce and pinned key of a cycle or logon request (decision 0015).</summary>
    public static void Signing(string? nonce, string? pinnedKey, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (nonce is not null && !Nonce.IsWellFormed(nonce))
        {
            errors.Add("nonce", $"a new random value for each request: {Nonce.MinBytes} to {Nonce.MaxBytes} bytes, base64url without padding");
        }

        if (pinnedKey is not null && !KeyFingerprint.IsWellFormed(pinnedKey))
        {
            errors.Add("pinnedKey", "the fingerprint of the server key the agent pins: 64 lower-case hex digits (SHA-256 of its SubjectPublicKeyInfo)");
        }
    }

    /// <summary>The addresses as a client row keeps them: each in its canonical form, in the order sent.</summary>
    public static ValueList Canonical(NetworkAddress[] addresses) => new(addresses.Select(a => a.ToString()));
}
