using Steward.Server.Storage;

namespace Steward.Server.Http;

/// <summary>A refused write in words for the administrator who asked, with the command that would help.</summary>
internal static class RefusalWords
{
    public static string Of(StoreRefusal refusal) => refusal switch
    {
        PackageMissing m => $"no package of version {m.Version} is published; publish one first (steward package publish FILE --version {m.Version})",
        ArchiveAlreadyPublished a => $"the same archive is already published as version {a.Version}",
        PackageServed s => $"site {string.Join(", ", s.Sites)} serves version {s.Version}; set another version first",
        SiteInLogonPoints p => $"site {p.Site} participates in logon point {string.Join(", ", p.LogonPoints)}; remove it from there first",
        SiteHasClients c => $"{c.Clients} client(s) are assigned to site {c.Site}; take their addresses out of its boundaries and let their maintenance cycles unassign them first",
        SitesMissing s => $"no site {string.Join(", ", s.Sites)} exists; create the site first",
        RevisionChanged r => $"site {r.Site} is at revision {r.Current}, not {r.Expected}; read it again and retry",
        _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal, "a refusal without words"),
    };
}
