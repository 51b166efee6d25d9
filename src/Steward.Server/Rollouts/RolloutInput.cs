using System.Text.RegularExpressions;
using Steward.Policy.Rollouts;
using Steward.Policy.Sites;
using Steward.Policy.Versions;
using Steward.Protocol.Admin;
using Steward.Server.Http;
using Steward.Server.Sites;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Rollouts;

/// <summary>A start request checked field by field, its values canonical; the pilot still as written.</summary>
internal sealed record CheckedStart(string? Id, SiteCode Site, AgentVersion To, IReadOnlyList<string> Pilot, long Window, int HaltFailures, Rate HaltRate);

/// <summary>Checks a rollout request field by field, and resolves the pilot's ids and names to clients.</summary>
internal static partial class RolloutInput
{
    /// <summary>The most entries a pilot may name: a pilot is a handful of computers, not a site.</summary>
    public const int MaxPilot = 1000;

    /// <summary>The longest reason a rollback records.</summary>
    public const int MaxReasonLength = 1000;

    // \z, not $: an id ending in a line feed is not an id.
    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,64}\z")]
    private static partial Regex IdPattern();

    public static bool ValidId(string? id) => id is not null && IdPattern().IsMatch(id);

    /// <summary>Why a rollback's reason is refused, in words (the API's and the console's), or null when it is not too long.</summary>
    public static string? ReasonTooLong(string? reason) =>
        reason is { Length: > MaxReasonLength } ? $"at most {MaxReasonLength} characters, not {reason.Length}" : null;

    public static CheckedStart? Check(RolloutStartRequest request, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(errors);
        var site = SiteInput.Code(request.Site, "site", errors);
        var version = SiteInput.Version(request.Version, "version", errors);
        if (request.Id is not null && !ValidId(request.Id))
        {
            errors.Add("id", $"'{Shown(request.Id)}' is not a rollout id: 1 to 64 letters, digits, '.', '-' or '_'");
        }

        var pilot = Pilot(request.Pilot, errors);
        long window = 0;
        if (request.Window is not null)
        {
            var parsed = Duration.Parse(request.Window);
            if (parsed.Success)
            {
                window = parsed.Value;
            }
            else
            {
                errors.Add("window", parsed.Error!);
            }
        }

        if (request.HaltFailures is < 0)
        {
            errors.Add("haltFailures", $"{request.HaltFailures} is below 0; the halt rule's number of failures is a whole number from 0");
        }

        var rate = Rollout.DefaultHaltRate;
        if (request.HaltRate is not null)
        {
            var parsed = Rate.Parse(request.HaltRate);
            if (parsed.Success)
            {
                rate = parsed.Value;
            }
            else
            {
                errors.Add("haltRate", parsed.Error!);
            }
        }

        return errors.Any
            ? null
            : new CheckedStart(request.Id, site!.Value, version!.Value, pilot!, window, request.HaltFailures ?? Rollout.DefaultHaltFailures, rate);
    }

    /// <summary>
    /// The pilot's client ids: each entry is a client's id, or else the name of exactly one client (ignoring
    /// case); a repeat counts once. Null, with each entry's fault under <c>pilot[i]</c>, when any names no
    /// client or several (the candidates listed).
    /// </summary>
    public static IReadOnlyList<string>? Resolve(IReadOnlyList<string> pilot, IReadOnlyList<ClientRow> found, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(pilot);
        ArgumentNullException.ThrowIfNull(found);
        ArgumentNullException.ThrowIfNull(errors);
        var ids = new List<string>(pilot.Count);
        for (var i = 0; i < pilot.Count; i++)
        {
            var entry = pilot[i];
            var byId = found.FirstOrDefault(c => string.Equals(c.Id, entry, StringComparison.Ordinal));
            var byName = byId is null ? found.Where(c => string.Equals(c.Name, entry, StringComparison.OrdinalIgnoreCase)).ToList() : [byId];
            switch (byName.Count)
            {
                case 0:
                    errors.Add($"pilot[{i}]", $"no client has the id or name '{Shown(entry)}'");
                    break;
                case 1:
                    if (!ids.Contains(byName[0].Id, StringComparer.Ordinal))
                    {
                        ids.Add(byName[0].Id);
                    }

                    break;
                default:
                    var candidates = string.Join(", ", byName.Take(10).Select(c => $"{c.Id} ({c.Name}, {c.Installed?.ToString() ?? "no agent"}, sites {(c.Sites.Count == 0 ? "none" : string.Join(",", c.Sites))})"));
                    errors.Add($"pilot[{i}]", $"the name '{Shown(entry)}' matches {byName.Count} clients: {candidates}{(byName.Count > 10 ? ", ..." : "")}; name the one you mean by its id");
                    break;
            }
        }

        return errors.Any ? null : ids;
    }

    private static List<string>? Pilot(IReadOnlyList<string>? pilot, FieldErrors errors)
    {
        if (pilot is null)
        {
            return [];
        }

        if (pilot.Count > MaxPilot)
        {
            errors.Add("pilot", $"{pilot.Count} pilot clients; at most {MaxPilot} are accepted (a pilot is a few computers that try T first)");
            return null;
        }

        var entries = new List<string>(pilot.Count);
        for (var i = 0; i < pilot.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(pilot[i]) || pilot[i].Length > 256)
            {
                errors.Add($"pilot[{i}]", "a client's id or computer name (1 to 256 characters)");
            }
            else
            {
                entries.Add(pilot[i]);
            }
        }

        return entries;
    }

    // Text from a request, shortened for a message: a hostile megabyte is not echoed back whole.
    public static string Shown(string text) => text.Length <= 80 ? text : text[..80] + "...";
}
