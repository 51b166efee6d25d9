using System.Net;
using System.Net.Http.Json;
using Steward.Protocol;
using Steward.Protocol.Admin;
using Steward.Server.Tests.Hosting;

namespace Steward.Server.Tests.LogonPoints;

/// <summary>Logon points through the admin API: the senior site follows the versions, the secret is shown once.</summary>
public abstract class LogonPointApiTests : ApiTest
{
    [Fact]
    public async Task Create_SecretShownOnce_SeniorIsNewestSite_AndFollowsVersions()
    {
        await Admin.PublishAsync("2.00.1380.1000");
        await Admin.PublishAsync("2.00.1493.2000");
        await Admin.AddSiteAsync("A01", "2.00.1380.1000");
        await Admin.AddSiteAsync("B01", "2.00.1380.1000");

        var secret = await Admin.AddLogonPointAsync("DC1", ["B01", "a01"]);
        var first = await Admin.GetFromJsonAsync(Routes.LogonPoint("DC1"), ProtocolJson.Default.LogonPointView);
        await Admin.SetSiteVersionAsync("B01", "2.00.1493.2000");
        var after = await Admin.GetFromJsonAsync(Routes.LogonPoint("DC1"), ProtocolJson.Default.LogonPointView);

        Assert.StartsWith("stw_enroll_", secret, StringComparison.Ordinal);
        Assert.Null(first!.EnrollmentSecret);
        Assert.Equal(["A01", "B01"], first.Sites);
        Assert.Equal(("A01", "2.00.1380.1000"), (first.EffectiveSenior, first.PackageVersion));
        Assert.Equal(("B01", "2.00.1493.2000"), (after!.EffectiveSenior, after.PackageVersion));
    }

    [Fact]
    public async Task Create_NamedSeniorOutsideSites_UnknownSite_BadName_Refused()
    {
        await Admin.PublishAsync("2.00.1380.1000");
        await Admin.AddSiteAsync("A01", "2.00.1380.1000");

        var senior = await Admin.PostAsJsonAsync(Routes.LogonPoints, new LogonPointRequest("DC1", ["A01"], "B01", null), ProtocolJson.Default.LogonPointRequest);
        var unknown = await Admin.PostAsJsonAsync(Routes.LogonPoints, new LogonPointRequest("DC1", ["A01", "Z99"], null, null), ProtocolJson.Default.LogonPointRequest);
        var name = await Admin.PostAsJsonAsync(Routes.LogonPoints, new LogonPointRequest("DC 1", [], null, "short"), ProtocolJson.Default.LogonPointRequest);

        Assert.Contains("does not participate", (await Expect.FieldErrorAsync(senior, "senior"))[0], StringComparison.Ordinal);
        Assert.Contains("Z99", (await Expect.ProblemAsync(HttpStatusCode.Conflict, unknown)).Detail, StringComparison.Ordinal);
        var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, name);
        Assert.Equal(["enrollmentSecret", "name", "sites"], problem.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Empty((await Admin.GetFromJsonAsync(Routes.LogonPoints, ProtocolJson.Default.IReadOnlyListLogonPointView))!);
    }

    [Fact]
    public async Task Replace_KeepsSecretUnlessGiven()
    {
        await Admin.PublishAsync("2.00.1380.1000");
        await Admin.AddSiteAsync("A01", "2.00.1380.1000", "10.1.0.0/16");
        await Admin.AddSiteAsync("B01", "2.00.1380.1000", "10.1.0.0/16");
        var secret = await Admin.AddLogonPointAsync("DC1", ["A01"]);

        var replaced = await Admin.PutAsJsonAsync(Routes.LogonPoint("DC1"), new LogonPointRequest(null, ["A01", "B01"], "B01", null), ProtocolJson.Default.LogonPointRequest);
        await Expect.StatusAsync(HttpStatusCode.OK, replaced);
        var logon = await App.Anonymous.LogonAsync("DC1", secret, "PC-1", ["10.1.0.1"]);

        Assert.Equal(["A01", "B01"], logon.Sites);
        var rotated = await Admin.PutAsJsonAsync(Routes.LogonPoint("DC1"), new LogonPointRequest(null, ["A01"], null, "a-new-secret-of-enough-length"), ProtocolJson.Default.LogonPointRequest);
        await Expect.StatusAsync(HttpStatusCode.OK, rotated);
        var old = await App.Anonymous.PostLogonAsync("DC1", new("" + secret, "logon", "PC-2", ["10.1.0.2"], null, null, null));
        await Expect.ProblemAsync(HttpStatusCode.Unauthorized, old);
    }
}

public sealed class LogonPointApiOnSqlite : LogonPointApiTests
{
    protected override Engine Engine => Engine.Sqlite;
}

public sealed class LogonPointApiOnPostgres : LogonPointApiTests
{
    protected override Engine Engine => Engine.Postgres;
}
