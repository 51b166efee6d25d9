namespace Steward.Server.Storage;

/// <summary>
/// Why the store refused a write, as facts: the rules that refuse are in <see cref="Rules.AdminRules"/>,
/// the words for people in <see cref="Http.RefusalWords"/>.
/// </summary>
internal abstract record StoreRefusal;

/// <summary>No package of this version is published, so nothing may serve it.</summary>
internal sealed record PackageMissing(string Version) : StoreRefusal;

/// <summary>A rollback's F has no published package, so its clients on T could not be given it.</summary>
internal sealed record RollbackPackageMissing(string Rollout, string From, string To) : StoreRefusal;

/// <summary>The same archive (by its SHA-256) is already published, as this version.</summary>
internal sealed record ArchiveAlreadyPublished(string Version) : StoreRefusal;

/// <summary>These sites serve the package's version.</summary>
internal sealed record PackageServed(string Version, IReadOnlyList<string> Sites) : StoreRefusal;

/// <summary>The site participates in these logon points.</summary>
internal sealed record SiteInLogonPoints(string Site, IReadOnlyList<string> LogonPoints) : StoreRefusal;

/// <summary>Clients are assigned to the site.</summary>
internal sealed record SiteHasClients(string Site, long Clients) : StoreRefusal;

/// <summary>These sites do not exist.</summary>
internal sealed record SitesMissing(IReadOnlyList<string> Sites) : StoreRefusal;

/// <summary>The site is at another revision than the one the change was made from.</summary>
internal sealed record RevisionChanged(string Site, long Current, long Expected) : StoreRefusal;

/// <summary>Another rotation made key <paramref name="Latest"/> while this one was being made.</summary>
internal sealed record KeyRotatedMeanwhile(long Latest) : StoreRefusal;

/// <summary>The signing key is the active one.</summary>
internal sealed record KeyActive(long Number) : StoreRefusal;

/// <summary>The signing key is retired already.</summary>
internal sealed record KeyRetiredAlready(long Number) : StoreRefusal;

/// <summary>Clients still pin the signing key.</summary>
internal sealed record KeyPinned(long Number, long Clients) : StoreRefusal;

/// <summary>A token (perhaps revoked) has the name already; names are never reused.</summary>
internal sealed record TokenNameTaken(string Name) : StoreRefusal;

/// <summary>The token is revoked already.</summary>
internal sealed record TokenRevokedAlready(string Name) : StoreRefusal;

/// <summary>The token is the last active admin token: revoking it would lock every administrator out.</summary>
internal sealed record LastActiveAdmin(string Name) : StoreRefusal;

/// <summary>Policy refused a rollout's start or verb, with its reason; <paramref name="Field"/> names the request's field at fault, if one is.</summary>
internal sealed record RolloutRefused(string Reason, string? Field) : StoreRefusal;

/// <summary>The site's version changes only through its active rollout while it has one.</summary>
internal sealed record SiteInRollout(string Site, string Rollout, string State) : StoreRefusal;

/// <summary>The package's version is the F or T of an active rollout.</summary>
internal sealed record PackageInRollout(string Version, string Rollout) : StoreRefusal;
