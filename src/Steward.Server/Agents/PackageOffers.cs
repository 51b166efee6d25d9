using Steward.Policy.Versions;
using Steward.Protocol;
using Steward.Protocol.Agent;
using Steward.Server.Storage;

namespace Steward.Server.Agents;

/// <summary>The package offer that goes with a decision that delivers a version.</summary>
internal sealed class PackageOffers(IStewardStore store)
{
    /// <summary>The offer for a version, or null when no package of it is published.</summary>
    public async Task<PackageOffer?> ForAsync(AgentVersion version, CancellationToken cancellationToken)
    {
        var package = await store.FindPackageAsync(version.ToString(), cancellationToken).ConfigureAwait(false);
        return package is null
            ? null
            : new PackageOffer(package.Version, package.Sha256, package.Size, Routes.Content(package.Sha256), package.Manifest, package.Signature);
    }
}
