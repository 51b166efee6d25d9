using Steward.Policy.Boundaries;
using Steward.Policy.Sites;
using Steward.Policy.Versions;
using Steward.Protocol.Agent;
using Steward.Server.Http;

namespace Steward.Server.Agents.Cycles;

/// <summary>
/// A maintenance cycle's request, checked once, field by field: everything below the endpoint reads these
/// typed values, never the request's text again.
/// </summary>
internal sealed class CycleInput
{
    /// <summary>The access point's site (the path's <c>{site}</c>).</summary>
    public required SiteCode Via { get; init; }

    /// <summary>The computer's addresses now, in the order sent.</summary>
    public required NetworkAddress[] Addresses { get; init; }

    /// <summary>The version the agent says it runs, or null (the record's then).</summary>
    public AgentVersion? Installed { get; init; }

    /// <summary>The version as the agent spelled it: a signed offer repeats it word for word.</summary>
    public string? InstalledText { get; init; }

    public UpgradeReportInput? LastUpgrade { get; init; }

    /// <summary>A change of travel mode made at the computer, or null (decision 0014).</summary>
    public bool? Travel { get; init; }

    /// <summary>The request's random value for a signed offer, or null (an older agent; decision 0015).</summary>
    public string? Nonce { get; init; }

    /// <summary>The fingerprint of the key the agent pins, or null.</summary>
    public string? PinnedKey { get; init; }

    /// <summary>The agent's self-check as the server keeps it (<see cref="HealthInput"/>), or null when none came.</summary>
    public string? Health { get; init; }

    /// <summary>The server's address for the answer's access point links.</summary>
    public required string Origin { get; init; }

    /// <summary>The request checked, or null with every problem in <paramref name="errors"/>.</summary>
    public static CycleInput? Read(string site, CycleRequest request, string origin, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(errors);
        var addresses = AgentInput.Addresses(request.Addresses, errors);
        var installed = AgentInput.Version(request.Installed, "installed", errors);
        var report = UpgradeReportInput.Read(request.LastUpgrade, "lastUpgrade", errors);
        var via = AgentInput.Site(site, errors);
        AgentInput.Signing(request.Nonce, request.PinnedKey, errors);
        var health = HealthInput.Read(request.Health, errors);
        return errors.Any
            ? null
            : new CycleInput
            {
                Via = via!.Value,
                Addresses = addresses,
                Installed = installed,
                InstalledText = request.Installed,
                LastUpgrade = report,
                Travel = request.Travel,
                Nonce = request.Nonce,
                PinnedKey = request.PinnedKey,
                Health = health,
                Origin = origin,
            };
    }
}
