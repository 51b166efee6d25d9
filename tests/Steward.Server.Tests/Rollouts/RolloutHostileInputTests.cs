using System.Net;
using System.Net.Http.Json;
using System.Text;
using Steward.Protocol;
using Steward.Protocol.Admin;
using Steward.Server.Tests.Hosting;

namespace Steward.Server.Tests.Rollouts;

/// <summary>Bad input to <c>POST /v1/rollouts</c> and the verbs: a problem naming the field, nothing stored.</summary>
public abstract class RolloutHostileInputTests : RolloutTest
{
    [Theory]
    [InlineData("""{"site":"B01","version":"2.00.1493"}""", "version")]
    [InlineData("""{"site":"B01","version":"99999.0.0.0"}""", "version")]
    [InlineData("""{"site":"B 01","version":"2.00.1493.2100"}""", "site")]
    [InlineData("""{"version":"2.00.1493.2100"}""", "site")]
    [InlineData("""{"site":"B01","version":"2.00.1493.2100","window":"3x"}""", "window")]
    [InlineData("""{"site":"B01","version":"2.00.1493.2100","window":"1h2d"}""", "window")]
    [InlineData("""{"site":"B01","version":"2.00.1493.2100","window":"99999999d"}""", "window")]
    [InlineData("""{"site":"B01","version":"2.00.1493.2100","haltRate":"1.5"}""", "haltRate")]
    [InlineData("""{"site":"B01","version":"2.00.1493.2100","haltRate":"5e-2"}""", "haltRate")]
    [InlineData("""{"site":"B01","version":"2.00.1493.2100","haltRate":0.05}""", "haltRate")]
    [InlineData("""{"site":"B01","version":"2.00.1493.2100","haltFailures":-1}""", "haltFailures")]
    [InlineData("""{"site":"B01","version":"2.00.1493.2100","haltFailures":"five"}""", "haltFailures")]
    [InlineData("""{"site":"B01","version":"2.00.1493.2100","haltFailures":99999999999}""", "haltFailures")]
    [InlineData("""{"site":"B01","version":"2.00.1493.2100","pilot":"PC-1"}""", "pilot")]
    [InlineData("""{"site":"B01","version":"2.00.1493.2100","pilot":[""]}""", "pilot[0]")]
    [InlineData("""{"site":"B01","version":"2.00.1493.2100","pilot":["PC-1","nobody"]}""", "pilot[1]")]
    [InlineData("""{"site":"B01","version":"2.00.1493.2100","id":"a/b"}""", "id")]
    [InlineData("""{"site":"B01","version":"2.00.1493.2100","id":""}""", "id")]
    public async Task BadField_IsA400NamingIt_NothingStored(string body, string field)
    {
        var response = await Admin.PostAsync(Routes.Rollouts, new StringContent(body, Encoding.UTF8, "application/json"));

        await Expect.FieldErrorAsync(response, field);
        Assert.Empty((await Admin.GetFromJsonAsync(Routes.Rollouts, ProtocolJson.Default.IReadOnlyListRolloutView))!);
    }

    [Fact]
    public async Task HugePilotList_IsRefused_WithoutLookingEachUp()
    {
        var pilot = Enumerable.Range(0, 5000).Select(i => $"PC-{i}").ToArray();
        var errors = await Expect.FieldErrorAsync(await StartAsync(new RolloutStartRequest("B01", T, null, pilot, null, null, null)), "pilot");
        Assert.Contains("at most 1000", errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManyUnknownPilotEntries_AreEachNamed()
    {
        var pilot = Enumerable.Range(0, 1000).Select(i => $"GHOST-{i}").ToArray();
        var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await StartAsync(new RolloutStartRequest("B01", T, null, pilot, null, null, null)));
        Assert.Equal(1000, problem.Errors!.Count);
    }

    [Theory]
    [InlineData("promote")]
    [InlineData("halt")]
    [InlineData("resume")]
    [InlineData("abort")]
    public async Task VerbOnAnUnknownOrMalformedId_Is404(string verb)
    {
        await Expect.ProblemAsync(HttpStatusCode.NotFound, await VerbAsync("nothing", verb));
        await Expect.ProblemAsync(HttpStatusCode.NotFound, await Admin.PostAsync($"{Routes.Rollouts}/{new string('x', 500)}/{verb}", null));
        await Expect.ProblemAsync(HttpStatusCode.NotFound, await Admin.GetAsync($"{Routes.Rollouts}/%C3%A9t%C3%A9%20x"));
    }
}

public sealed class RolloutHostileInputOnSqlite : RolloutHostileInputTests
{
    protected override Engine Engine => Engine.Sqlite;
}

public sealed class RolloutHostileInputOnPostgres : RolloutHostileInputTests
{
    protected override Engine Engine => Engine.Postgres;
}
