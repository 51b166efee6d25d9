using Steward.Server.Storage;

namespace Steward.Server.Http;

/// <summary>A refused write in words for the administrator who asked, with the command that would help.</summary>
internal static class RefusalWords
{
    public static string Of(StoreRefusal refusal) => refusal switch
    {
        PackageMissing m => $"no package of version {m.Version} is published; publish one first (steward package publish FILE --version {m.Version})",
        RollbackPackageMissing r => $"Cannot roll back {r.Rollout}: no package of {r.From} is published, so clients on {r.To} could not be given it; publish it first (steward package publish FILE --version {r.From}), or abort the rollout instead.",
        ArchiveAlreadyPublished a => $"the same archive is already published as version {a.Version}",
        PackageServed s => $"site {string.Join(", ", s.Sites)} serves version {s.Version}; set another version first",
        SiteInLogonPoints p => $"site {p.Site} participates in logon point {string.Join(", ", p.LogonPoints)}; remove it from there first",
        SiteHasClients c => $"{c.Clients} client(s) are assigned to site {c.Site}; take their addresses out of its boundaries and let their maintenance cycles unassign them first",
        SitesMissing s => $"no site {string.Join(", ", s.Sites)} exists; create the site first",
        RevisionChanged r => $"site {r.Site} is at revision {r.Current}, not {r.Expected}; read it again and retry",
        KeyRotatedMeanwhile k => $"another rotation made key {k.Latest} meanwhile; see 'steward key list'",
        KeyActive k => $"key {k.Number} is the active key; rotate first ('steward key rotate')",
        KeyRetiredAlready k => $"key {k.Number} is retired already",
        KeyPinned k => $"{k.Clients} client(s) still pin key {k.Number}; it is retired when the last of them has adopted the active key at a cycle (or has been deleted)",
        TokenNameTaken t => $"a token named '{t.Name}' exists already (names of revoked tokens are not reused, so that the audit log's names stay unambiguous)",
        TokenRevokedAlready t => $"token '{t.Name}' is revoked already",
        LastActiveAdmin a => $"token '{a.Name}' is the last active admin token: create another admin token first ('steward token create NAME --role admin'), so that someone can still administer the server",
        RolloutRefused r => r.Reason,
        SiteInRollout r => $"site {r.Site} has an active rollout {r.Rollout} ({r.State}); its version changes only through the rollout while it is active: let it complete, or abort it first (steward rollout abort {r.Rollout})",
        PackageInRollout r => $"version {r.Version} is the from or to version of the active rollout {r.Rollout}; its package stays until the rollout ends",
        _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal, "a refusal without words"),
    };

    /// <summary>The request's field a refusal is about, when one is (<c>version</c>), for the problem's <c>errors</c>.</summary>
    public static string? FieldOf(StoreRefusal refusal) => refusal switch
    {
        RolloutRefused r => r.Field,
        SiteInRollout => "version",
        _ => null,
    };
}
