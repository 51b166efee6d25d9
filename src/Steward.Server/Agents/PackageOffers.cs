using Steward.Packaging.Signatures;
using Steward.Policy.Versions;
using Steward.Protocol;
using Steward.Protocol.Agent;
using Steward.Protocol.Signing;
using Steward.Server.Security;
using Steward.Server.Storage;

namespace Steward.Server.Agents;

/// <summary>
/// The package offer that goes with a decision that delivers a version, signed as a whole for the client
/// and the request it answers (decision 0015), with the key the client pins.
/// </summary>
internal sealed class PackageOffers(IStewardStore store)
{
    /// <summary>
    /// The offer for a version, or null when no package of it is published. Signed for
    /// <paramref name="request"/> when it carries a nonce; without one (an agent older than signed offers)
    /// it is the old form, the manifest's signature alone, and never a downgrade (such an agent refuses an older version).
    /// </summary>
    public async Task<PackageOffer?> ForAsync(AgentVersion version, OfferFor request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var package = await store.FindPackageAsync(version.ToString(), cancellationToken).ConfigureAwait(false);
        if (package is null)
        {
            return null;
        }

        var key = request.Key;

        // The stored manifest signature is the key's that was active at publishing; a client pinning another gets one of its own key.
        var signature = package.SignedBy == key.Number
            ? package.Signature
            : Convert.ToBase64String(ManifestSignature.Sign(key.Private!, Convert.FromBase64String(package.Manifest)));
        var offer = new PackageOffer(package.Version, package.Sha256, package.Size, Routes.Content(package.Sha256), package.Manifest, signature);
        if (request.Nonce is not { } nonce)
        {
            return offer;
        }

        // A downgrade is signed as format 2, naming the order it carries out; only an agent that sent a nonce gets one.
        var downgrade = request.Order is not null;
        var (signed, offerSignature) = OfferSignature.Sign(key.Private!, new SignedOffer(
            downgrade ? SignedOffer.DowngradeFormat : SignedOffer.CurrentFormat, key.Fingerprint, request.ClientId, nonce, request.Installed, offer.Version, offer.Size,
            offer.Sha256, offer.Url, request.Kind, downgrade, OfferSignature.ManifestHash(offer.Manifest), request.Order));
        return offer with { Downgrade = downgrade, Offer = signed, OfferSignature = offerSignature };
    }
}

/// <summary>Whom and what an offer is for.</summary>
/// <param name="Key">The key the client pins.</param>
/// <param name="ClientId">The client (for a computer enrolled by the same answer: its new id).</param>
/// <param name="Nonce">The random value its request carried, or null (an older agent).</param>
/// <param name="Installed">The version its request said it runs, or null.</param>
/// <param name="Kind"><c>install</c>, <c>hotfix</c> or <c>significant</c>.</param>
/// <param name="Order">For a downgrade: the order it carries out, for exactly the installed version and the offered one (decision 0023).</param>
internal sealed record OfferFor(ServerKey Key, string ClientId, string? Nonce, string? Installed, string Kind, SignedOrder? Order = null);
