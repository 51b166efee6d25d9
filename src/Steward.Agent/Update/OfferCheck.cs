using System.Globalization;
using Steward.Packaging;
using Steward.Packaging.Signatures;
using Steward.Policy.Versions;
using Steward.Protocol.Agent;
using Steward.Protocol.Packages;
using Steward.Protocol.Signing;

namespace Steward.Agent.Update;

/// <summary>
/// Decides whether an offer may be installed: the whole offer signed by the pinned key for this client,
/// this request's nonce and the version it runs; the offer's plain fields, the manifest's hash and the
/// signed manifest all agreeing with it; and an older version only under a signed downgrade order (format 2)
/// for exactly the running version and the offered one.
/// </summary>
internal static class OfferCheck
{
    /// <summary>The signed manifest to install, or null when that version already runs; throws <see cref="PackageException"/> to refuse.</summary>
    public static SignedManifest? Check(PackageOffer offer, string? pinnedKey, OfferRequest request, string? running)
    {
        if (pinnedKey is null)
        {
            throw new PackageException("No server key is pinned, so no package can be verified; refused. Enroll at a logon point first.");
        }

        var signed = OfferSignature.Verify(pinnedKey, offer.Offer, offer.OfferSignature);
        Bound(signed, pinnedKey, request);
        if (signed.Version != offer.Version || signed.Size != offer.Size || signed.Sha256 != offer.Sha256 || signed.Url != offer.Url
            || signed.Downgrade != offer.Downgrade || signed.ManifestSha256 != ManifestHash(offer.Manifest))
        {
            throw new PackageException(string.Create(CultureInfo.InvariantCulture,
                $"The offer (version {offer.Version}, {offer.Size} bytes, SHA-256 {offer.Sha256}, {offer.Url}, downgrade {offer.Downgrade}) is not what the server signed (version {signed.Version}, {signed.Size} bytes, SHA-256 {signed.Sha256}, {signed.Url}, downgrade {signed.Downgrade}) or carries another manifest; refused."));
        }

        var manifest = ManifestSignature.Verify(pinnedKey, offer.Manifest, offer.Signature);
        var parsed = AgentVersion.TryParse(manifest.Version);
        if (!parsed.Success)
        {
            throw new PackageException($"The signed manifest's version is not valid: {parsed.Error}; refused.");
        }

        var version = parsed.Value;
        if (AgentVersion.TryParse(signed.Version) is not { Success: true } offered || offered.Value != version || signed.Size != manifest.Size
            || !string.Equals(signed.Sha256, manifest.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new PackageException(string.Create(CultureInfo.InvariantCulture,
                $"The offer (version {signed.Version}, {signed.Size} bytes, SHA-256 {signed.Sha256}) does not match its signed manifest (version {manifest.Version}, {manifest.Size} bytes, SHA-256 {manifest.Sha256}); refused."));
        }

        if (running is not null && AgentVersion.TryParse(running) is { Success: true } installed)
        {
            if (version == installed.Value)
            {
                return null;
            }

            if (version < installed.Value)
            {
                DowngradeOrdered(signed, installed.Value, version);
            }
        }

        return manifest with { Version = version.ToString(), Sha256 = manifest.Sha256.ToLowerInvariant() };
    }

    // An older version only under a signed downgrade order for exactly this pair: the version running and the one offered.
    private static void DowngradeOrdered(SignedOffer signed, AgentVersion installed, AgentVersion version)
    {
        if (!signed.Downgrade || signed.Order is not { } order)
        {
            throw new PackageException($"The package holds version {version}, older than the installed {installed}, and the server signed no downgrade order; refused (a replayed old package is never installed).");
        }

        if (AgentVersion.TryParse(order.From) is not { Success: true } from || from.Value != installed
            || AgentVersion.TryParse(order.To) is not { Success: true } to || to.Value != version)
        {
            throw new PackageException($"The signed downgrade order {order.Id} takes {order.From} to {order.To}, not this agent's {installed} to {version}; refused.");
        }
    }

    // The signed offer is for this request of this client, running this version, under the pinned key; a
    // downgrade's (format 2) names its order, an upgrade's (format 1) none.
    private static void Bound(SignedOffer signed, string pinnedKey, OfferRequest request)
    {
        var known = signed.Format switch
        {
            SignedOffer.CurrentFormat => !signed.Downgrade && signed.Order is null,
            SignedOffer.DowngradeFormat => signed.Downgrade && signed.Order is not null,
            _ => throw new PackageException($"The signed offer is format {signed.Format}, which this agent does not know; refused."),
        };

        if (signed.KeyId != KeyFingerprint.Of(pinnedKey))
        {
            throw new PackageException("The signed offer names another signing key than the pinned one; refused.");
        }

        if (!string.Equals(signed.Nonce, request.Nonce, StringComparison.Ordinal))
        {
            throw new PackageException("The signed offer answers another request (its nonce is not the one this request sent): a replay; refused.");
        }

        if (!string.Equals(signed.ClientId, request.ClientId, StringComparison.Ordinal))
        {
            throw new PackageException($"The signed offer is for client {signed.ClientId}, not this one ({request.ClientId}); refused.");
        }

        if (!string.Equals(signed.Installed, request.Installed, StringComparison.Ordinal))
        {
            throw new PackageException($"The signed offer applies to installed version {signed.Installed ?? "none"}, but this agent runs {request.Installed ?? "none"}; refused.");
        }

        if (!known)
        {
            throw new PackageException($"The signed offer is format {signed.Format} but {(signed.Downgrade ? "offers a downgrade" : "offers no downgrade")} {(signed.Order is null ? "without" : "with")} an order; refused.");
        }
    }

    private static string ManifestHash(string manifest)
    {
        try
        {
            return OfferSignature.ManifestHash(manifest);
        }
        catch (FormatException e)
        {
            throw new PackageException("The package's manifest is not valid base64; refused.", e);
        }
    }
}
