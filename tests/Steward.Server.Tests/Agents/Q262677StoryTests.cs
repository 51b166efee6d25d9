using Steward.Packaging.Signatures;
using Steward.Server.Tests.Hosting;

namespace Steward.Server.Tests.Agents;

/// <summary>
/// Q262677 end to end over HTTP: sites A01 (SP1) and B01 (SP2) share logon point DC1. A new computer is
/// installed with SP2 and assigned to B01 only; an SP1 client logging on is deferred; its maintenance
/// cycle at its access point upgrades it; the history gives every reason.
/// </summary>
public abstract class Q262677StoryTests : ApiTest
{
    private const string Sp1 = "2.00.1380.1000";
    private const string Sp2 = "2.00.1493.2000";

    [Fact]
    public async Task Story_NewComputerOnB_OldClientDeferredThenUpgradedByMaintenance_HistoryGivesReasons()
    {
        await Admin.PublishAsync(Sp1);
        await Admin.PublishAsync(Sp2);
        await Admin.AddSiteAsync("A01", Sp1, "10.1.0.0/16");
        await Admin.AddSiteAsync("B01", Sp2, "10.1.0.0/16", "10.2.0.0/16");
        var dc1 = await Admin.AddLogonPointAsync("DC1", ["A01", "B01"]);
        var old = await Admin.AddLogonPointAsync("OLD", ["A01"]);

        // A new computer inside both sites gets B01's package and is assigned to B01 only.
        var fresh = await App.Anonymous.LogonAsync("DC1", dc1, "PC-NEW", ["10.1.0.6"]);
        Assert.Equal("Installed", fresh.Outcome);
        Assert.Equal(Sp2, fresh.VersionAfter);
        Assert.Equal(["B01"], fresh.Sites);
        Assert.NotNull(fresh.Enrollment);
        Assert.Contains("A01", fresh.Reason, StringComparison.Ordinal);
        var manifest = ManifestSignature.Verify(fresh.ServerKey, fresh.Package!.Manifest, fresh.Package.Signature);
        Assert.Equal((Sp2, fresh.Package.Sha256, fresh.Package.Size), (manifest.Version, manifest.Sha256, manifest.Size));
        Assert.EndsWith("/v1/access/B01", fresh.AccessPoints["B01"], StringComparison.Ordinal);

        // An SP1 client of A01 (installed through a logon point of A01 alone) logs on at DC1: deferred.
        var first = await App.Anonymous.LogonAsync("OLD", old, "PC-OLD", ["10.1.0.5"]);
        Assert.Equal(("Installed", Sp1), (first.Outcome, first.VersionAfter));
        var enrolled = first.Enrollment!;
        var deferred = await App.Anonymous.LogonAsync("DC1", dc1, "PC-OLD", ["10.1.0.5"], enrolled, Sp1);
        Assert.Equal("DeferredToMaintenance", deferred.Outcome);
        Assert.Null(deferred.Package);
        Assert.Equal(Sp1, deferred.VersionAfter);
        Assert.Equal(["A01", "B01"], deferred.Sites);
        Assert.Contains("maintenance cycle", deferred.Reason, StringComparison.Ordinal);

        // Its maintenance cycle at A01's access point upgrades it to B01's version and drops A01.
        using var agent = App.Client(AgentApi.Basic(enrolled));
        var cycle = await agent.CycleAsync("A01", ["10.1.0.5"], Sp1);
        Assert.Equal(("Upgraded", "significant", Sp2), (cycle.Outcome, cycle.Kind, cycle.VersionAfter));
        Assert.Equal(["B01"], cycle.Sites);
        Assert.Equal(Sp2, cycle.Package!.Version);

        var history = await Admin.HistoryAsync(enrolled.ClientId);
        Assert.Equal(["Installed", "DeferredToMaintenance", "Upgraded"], history.Decisions.Select(d => d.Outcome));
        Assert.Equal(["logon", "logon", "maintenance"], history.Decisions.Select(d => d.Trigger));
        Assert.Equal(["OLD", "DC1", "A01"], history.Decisions.Select(d => d.Via));
        Assert.All(history.Decisions, d => Assert.True(d.Reason.Length > 40, d.Reason));
        Assert.Equal(Sp2, history.Client.Installed);
        Assert.Equal(["B01"], history.Client.Sites);
    }

    [Fact]
    public async Task Hotfix_OfferedAtLogon_IsApplied()
    {
        await Admin.PublishAsync(Sp2);
        await Admin.PublishAsync("2.00.1493.2001");
        await Admin.AddSiteAsync("B01", Sp2, "10.2.0.0/16");
        var dc1 = await Admin.AddLogonPointAsync("DC1", ["B01"]);
        var installed = await App.Anonymous.LogonAsync("DC1", dc1, "PC-1", ["10.2.0.9"]);

        await Admin.SetSiteVersionAsync("B01", "2.00.1493.2001");
        var hotfix = await App.Anonymous.LogonAsync("DC1", dc1, "PC-1", ["10.2.0.9"], installed.Enrollment, Sp2);

        Assert.Equal(("HotfixApplied", "2.00.1493.2001"), (hotfix.Outcome, hotfix.VersionAfter));
        Assert.Equal("2.00.1493.2001", hotfix.Package!.Version);
        Assert.Null(hotfix.Enrollment);
    }

    [Fact]
    public async Task NewComputerOnlyInsideOlderSite_NoCompatibleSite_NothingEnrolled()
    {
        await Admin.PublishAsync(Sp1);
        await Admin.PublishAsync(Sp2);
        await Admin.AddSiteAsync("A01", Sp1, "10.1.0.0/16");
        await Admin.AddSiteAsync("B01", Sp2, "10.2.0.0/16");
        var dc1 = await Admin.AddLogonPointAsync("DC1", ["A01", "B01"]);

        var answer = await App.Anonymous.LogonAsync("DC1", dc1, "PC-A", ["10.1.0.7"]);

        Assert.Equal("NoCompatibleSite", answer.Outcome);
        Assert.Null(answer.Enrollment);
        Assert.Null(answer.Package);
        Assert.Equal(0, (await Admin.FleetAsync()).Clients);
    }
}

public sealed class Q262677StoryOnSqlite : Q262677StoryTests
{
    protected override Engine Engine => Engine.Sqlite;
}

public sealed class Q262677StoryOnPostgres : Q262677StoryTests
{
    protected override Engine Engine => Engine.Postgres;
}
