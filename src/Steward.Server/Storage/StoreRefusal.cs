namespace Steward.Server.Storage;

/// <summary>
/// Why the store refused a write, as facts: the rules that refuse are in <see cref="Rules.AdminRules"/>,
/// the words for people in <see cref="Http.RefusalWords"/>.
/// </summary>
internal abstract record StoreRefusal;

/// <summary>No package of this version is published, so nothing may serve it.</summary>
internal sealed record PackageMissing(string Version) : StoreRefusal;

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
