using Steward.Policy.Boundaries;
using Steward.Policy.Versions;
using Steward.Server.Http;
using Steward.Server.Sites;

namespace Steward.Server.Agents;

/// <summary>Checks what agents send: addresses and versions, each problem named by its field.</summary>
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

    /// <summary>An optional version: null when absent, otherwise checked like every version.</summary>
    public static AgentVersion? Version(string? text, string field, FieldErrors errors) =>
        text is null ? null : SiteInput.Version(text, field, errors);

    public static string Canonical(NetworkAddress[] addresses) => string.Join(',', addresses.Select(a => a.ToString()));
}
