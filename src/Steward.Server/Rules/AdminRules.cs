using Steward.Server.Storage;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Rules;

/// <summary>
/// What administrators may change, given what the server holds. The store reads the facts inside the
/// write's own transaction (so that no other write slips between check and change) and asks here; a
/// refusal is a value the HTTP layer puts into words.
/// </summary>
internal static class AdminRules
{
    /// <summary>A site may serve only a published version.</summary>
    public static StoreRefusal? SiteVersion(string version, bool published) => published ? null : new PackageMissing(version);

    /// <summary>A rollback offers clients on T the package of F: without one the downgrade order could not be carried out.</summary>
    public static StoreRefusal? RollbackPackage(RolloutRow rollout, bool fromPublished)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        return fromPublished ? null : new RollbackPackageMissing(rollout.Id, rollout.FromVersion, rollout.ToVersion);
    }

    /// <summary>A change made from another revision than the current one would lose an update.</summary>
    public static StoreRefusal? SiteRevision(string site, long current, long? expected) =>
        expected is { } made && made != current ? new RevisionChanged(site, current, made) : null;

    /// <summary>A site goes only when no logon point and no client names it.</summary>
    public static StoreRefusal? SiteDeletion(string site, IReadOnlyList<string> logonPoints, long clients)
    {
        ArgumentNullException.ThrowIfNull(logonPoints);
        return logonPoints.Count > 0 ? new SiteInLogonPoints(site, logonPoints)
            : clients > 0 ? new SiteHasClients(site, clients)
            : null;
    }

    /// <summary>A logon point names only sites that exist.</summary>
    public static StoreRefusal? LogonPointSites(IReadOnlyList<string> missing)
    {
        ArgumentNullException.ThrowIfNull(missing);
        return missing.Count > 0 ? new SitesMissing(missing) : null;
    }

    /// <summary>An archive is published once: a published package never changes, and one archive is one version.</summary>
    public static StoreRefusal? Publication(string? versionOfSameArchive) =>
        versionOfSameArchive is null ? null : new ArchiveAlreadyPublished(versionOfSameArchive);

    /// <summary>A package goes only when no site serves its version.</summary>
    public static StoreRefusal? PackageDeletion(string version, IReadOnlyList<string> servingSites)
    {
        ArgumentNullException.ThrowIfNull(servingSites);
        return servingSites.Count > 0 ? new PackageServed(version, servingSites) : null;
    }

    /// <summary>
    /// While a site has an active rollout its version changes only through the rollout (docs/RULES.md section 4): a
    /// replacement that keeps the version is let through, one that changes it is refused.
    /// </summary>
    public static StoreRefusal? SiteVersionChange(SiteRow current, string version, RolloutRow? activeRollout)
    {
        ArgumentNullException.ThrowIfNull(current);
        return activeRollout is not null && !string.Equals(current.Version, version, StringComparison.Ordinal)
            ? new SiteInRollout(current.Code, activeRollout.Id, activeRollout.State)
            : null;
    }

    /// <summary>The packages of an active rollout's F and T stay while it is active: clients are served one or the other.</summary>
    public static StoreRefusal? PackageInActiveRollout(string version, string? activeRollout) =>
        activeRollout is null ? null : new PackageInRollout(version, activeRollout);

    /// <summary>A token name is taken for good, even by a revoked token, so that the audit log's names stay one token's.</summary>
    public static StoreRefusal? TokenName(string name, bool taken) => taken ? new TokenNameTaken(name) : null;

    /// <summary>
    /// A token is revoked once; an active admin token only while another admin token stays active, so that
    /// revoking never locks every administrator out.
    /// </summary>
    public static StoreRefusal? TokenRevocation(TokenRow token, IReadOnlyList<TokenRow> admins, long now)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(admins);
        return token.RevokedAt is not null ? new TokenRevokedAlready(token.Name)
            : token.Role == "admin" && token.ActiveAt(now) && !admins.Any(a => a.Name != token.Name && a.ActiveAt(now)) ? new LastActiveAdmin(token.Name)
            : null;
    }

    /// <summary>A rotation adds the next key by number; another rotation made meanwhile took the number.</summary>
    public static StoreRefusal? KeyRotation(long number, long next) => number != next ? new KeyRotatedMeanwhile(next - 1) : null;

    /// <summary>
    /// Only an endorsed key is retired, and only while no client pins it: the active key signs, a retired one
    /// is gone already, and a pinned one still signs its clients' offers.
    /// </summary>
    public static StoreRefusal? KeyRetirement(long number, string state, long pinning) =>
        state == SigningKeyStates.Active ? new KeyActive(number)
        : state != SigningKeyStates.Endorsed ? new KeyRetiredAlready(number)
        : pinning > 0 ? new KeyPinned(number, pinning)
        : null;
}
