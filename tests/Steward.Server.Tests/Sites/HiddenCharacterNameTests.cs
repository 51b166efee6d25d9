using System.Net;
using System.Net.Http.Json;
using Steward.Protocol;
using Steward.Protocol.Admin;
using Steward.Server.Tests.Hosting;

namespace Steward.Server.Tests.Sites;

/// <summary>
/// Names are shown in tables: a right-to-left override, a zero-width space or a control character in a
/// site's, logon point's or computer's name would disguise it, so each is a 400 naming the field.
/// </summary>
public abstract class HiddenCharacterNameTests : ApiTest
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Admin.PublishAsync("2.00.1493.2000");
    }

    [Theory]
    [InlineData("Head\u202Eexe.txt", "U+202E")]
    [InlineData("Head\u200Bquarters", "U+200B")]
    [InlineData("\u2067Headquarters\u2069", "U+2067")]
    [InlineData("Head\u200Equarters", "U+200E")]
    [InlineData("Head\u0007quarters", "U+0007")]
    public async Task SiteName_WithAHiddenCharacter_Refused_NothingWritten(string name, string character)
    {
        var created = await Admin.PostAsJsonAsync(Routes.Sites, new SiteRequest("A01", name, "2.00.1493.2000", []), ProtocolJson.Default.SiteRequest);
        await Admin.AddSiteAsync("B01", "2.00.1493.2000");
        var replaced = await Admin.PutAsJsonAsync(Routes.Site("B01"), new SiteRequest(null, name, "2.00.1493.2000", []), ProtocolJson.Default.SiteRequest);

        Assert.Contains(character, Assert.Single(await Expect.FieldErrorAsync(created, "name")), StringComparison.Ordinal);
        Assert.Contains(character, Assert.Single(await Expect.FieldErrorAsync(replaced, "name")), StringComparison.Ordinal);
        Assert.Equal(["B01"], (await Admin.GetFromJsonAsync(Routes.Sites, ProtocolJson.Default.IReadOnlyListSiteView))!.Select(s => s.Code));
        Assert.Null((await Admin.GetFromJsonAsync(Routes.Site("B01"), ProtocolJson.Default.SiteView))!.Name);
    }

    [Fact]
    public async Task SiteName_InAnyScript_Accepted()
    {
        var created = await Admin.PostAsJsonAsync(Routes.Sites, new SiteRequest("A01", "Zürich מטה 東京", "2.00.1493.2000", []), ProtocolJson.Default.SiteRequest);

        await Expect.StatusAsync(HttpStatusCode.Created, created);
    }

    [Theory]
    [InlineData("DC\u202E1", "U+202E")]
    [InlineData("DC1\u200B", "U+200B")]
    [InlineData("DC1\n", "U+000A")]
    public async Task LogonPointName_WithAHiddenCharacter_Refused_InBodyAndPath(string name, string character)
    {
        await Admin.AddSiteAsync("A01", "2.00.1493.2000");

        var created = await Admin.PostAsJsonAsync(Routes.LogonPoints, new LogonPointRequest(name, ["A01"], null, null), ProtocolJson.Default.LogonPointRequest);
        var replaced = await Admin.PutAsJsonAsync(Routes.LogonPoint(name), new LogonPointRequest(null, ["A01"], null, null), ProtocolJson.Default.LogonPointRequest);

        Assert.Contains(character, Assert.Single(await Expect.FieldErrorAsync(created, "name")), StringComparison.Ordinal);
        Assert.Contains(character, Assert.Single(await Expect.FieldErrorAsync(replaced, "name")), StringComparison.Ordinal);
        Assert.Empty((await Admin.GetFromJsonAsync(Routes.LogonPoints, ProtocolJson.Default.IReadOnlyListLogonPointView))!);
    }

    [Fact]
    public async Task ComputerName_WithAHiddenCharacter_Refused_NothingRecorded()
    {
        await Admin.AddSiteAsync("A01", "2.00.1493.2000", "10.1.0.0/16");
        var secret = await Admin.AddLogonPointAsync("DC1", ["A01"]);

        var logon = await App.Anonymous.PostLogonAsync("DC1", new(secret, "logon", "PC-\u202E1", ["10.1.0.1"], null, null, null));

        await Expect.FieldErrorAsync(logon, "computerName");
        Assert.Equal(0, (await Admin.FleetAsync()).Clients);
    }
}

public sealed class HiddenCharacterNamesOnSqlite : HiddenCharacterNameTests
{
    protected override Engine Engine => Engine.Sqlite;
}

public sealed class HiddenCharacterNamesOnPostgres : HiddenCharacterNameTests
{
    protected override Engine Engine => Engine.Postgres;
}
