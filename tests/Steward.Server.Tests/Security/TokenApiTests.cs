using System.Net;
using System.Net.Http.Json;
using Steward.Protocol;
using Steward.Protocol.Admin;
using Steward.Server.Tests.Hosting;

namespace Steward.Server.Tests.Security;

/// <summary>Named tokens through /v1/tokens: made with a role, shown once, named in the audit log, revoked — never the last admin.</summary>
public abstract class TokenApiTests : ApiTest
{
    [Fact]
    public async Task Create_SecretShownOnce_ListedWithoutIt_ItsNameIsTheAuditActor()
    {
        await Admin.PublishAsync("2.00.1493.2000");
        await Admin.PublishAsync("2.00.1494.2000");
        await Admin.AddSiteAsync("A01", "2.00.1493.2000");
        var created = await Admin.CreateTokenAsync("ops-alice", "operator", "30d");
        using var alice = App.Client(created.Bearer());

        await alice.SetSiteVersionAsync("A01", "2.00.1494.2000");
        var listText = await Admin.GetStringAsync(Routes.Tokens);
        var tokens = (await Admin.GetFromJsonAsync(Routes.Tokens, ProtocolJson.Default.IReadOnlyListTokenView))!;
        var audit = (await Admin.GetFromJsonAsync(Routes.Audit, ProtocolJson.Default.IReadOnlyListAuditEntry))!;

        Assert.StartsWith("stw_token_", created.Secret, StringComparison.Ordinal);
        Assert.DoesNotContain(created.Secret, listText, StringComparison.Ordinal);
        Assert.Equal(["admin", "ops-alice"], tokens.Select(t => t.Name));
        var listed = tokens.Single(t => t.Name == "ops-alice");
        Assert.Equal(("operator", true, null), (listed.Role, listed.Active, listed.RevokedAt));
        Assert.Equal(TimeSpan.FromDays(30), listed.ExpiresAt - listed.CreatedAt);
        Assert.NotNull(listed.LastUsedAt);
        Assert.Equal(("ops-alice", "site.version", "A01"), (audit[0].Actor, audit[0].Action, audit[0].Target));
        Assert.Equal(("admin", "token.create", "ops-alice"), (audit[1].Actor, audit[1].Action, audit[1].Target));
        Assert.Equal("admin", tokens.Single(t => t.Name == "admin").Role);
    }

    [Fact]
    public async Task Create_BadNameRoleAndLife_EachNamedByField_SameNameTwice_Conflict()
    {
        var bad = await Admin.PostAsJsonAsync(Routes.Tokens, new TokenRequest("a b", "root", "30y"), ProtocolJson.Default.TokenRequest);
        await Admin.CreateTokenAsync("ci", "viewer");
        var again = await Admin.PostAsJsonAsync(Routes.Tokens, new TokenRequest("ci", "admin", null), ProtocolJson.Default.TokenRequest);

        var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, bad);
        Assert.Equal(["expiresIn", "name", "role"], problem.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("viewer, operator or admin", problem.Errors["role"][0], StringComparison.Ordinal);
        Assert.Contains("exists already", (await Expect.ProblemAsync(HttpStatusCode.Conflict, again)).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_TheLastAdmin_Refused409_AllowedOnceAnotherAdminExists_ThenRefused401()
    {
        var alone = await Admin.DeleteAsync(Routes.Token("admin"));
        var second = await Admin.CreateTokenAsync("root-2", "admin");
        using var root2 = App.Client(second.Bearer());
        var revoked = await root2.DeleteAsync(Routes.Token("admin"));
        var afterwards = await Admin.GetAsync(Routes.Sites);
        var self = await root2.DeleteAsync(Routes.Token("root-2"));
        var twice = await root2.DeleteAsync(Routes.Token("admin"));
        var missing = await root2.DeleteAsync(Routes.Token("nobody"));

        Assert.Contains("last active admin token", (await Expect.ProblemAsync(HttpStatusCode.Conflict, alone)).Detail, StringComparison.Ordinal);
        await Expect.StatusAsync(HttpStatusCode.OK, revoked);
        var view = (await revoked.Content.ReadFromJsonAsync(ProtocolJson.Default.TokenView))!;
        Assert.Equal(("admin", false), (view.Name, view.Active));
        Assert.Contains("'admin' was revoked", (await Expect.ProblemAsync(HttpStatusCode.Unauthorized, afterwards)).Detail, StringComparison.Ordinal);
        await Expect.ProblemAsync(HttpStatusCode.Conflict, self);
        Assert.Contains("revoked already", (await Expect.ProblemAsync(HttpStatusCode.Conflict, twice)).Detail, StringComparison.Ordinal);
        await Expect.ProblemAsync(HttpStatusCode.NotFound, missing);
        var audit = (await root2.GetFromJsonAsync(Routes.Audit, ProtocolJson.Default.IReadOnlyListAuditEntry))!;
        Assert.Equal(("root-2", "token.revoke", "admin"), (audit[0].Actor, audit[0].Action, audit[0].Target));
    }

    [Fact]
    public async Task Operator_ReplacesASite_OnlyItsVersion_OtherChangesNeedAdmin()
    {
        await Admin.PublishAsync("2.00.1493.2000");
        await Admin.PublishAsync("2.00.1494.2000");
        await Admin.AddSiteAsync("A01", "2.00.1493.2000", "10.1.0.0/16");
        using var ops = App.Client((await Admin.CreateTokenAsync("ops", "operator")).Bearer());

        var widened = await ops.PutAsJsonAsync(Routes.Site("A01"), new SiteRequest(null, "Paris", "2.00.1494.2000", ["10.0.0.0/8"]), ProtocolJson.Default.SiteRequest);
        var versionOnly = await ops.PutAsJsonAsync(Routes.Site("A01"), new SiteRequest(null, null, "2.00.1494.2000", ["10.1.0.0/16"]), ProtocolJson.Default.SiteRequest);
        var site = (await Admin.GetFromJsonAsync(Routes.Site("A01"), ProtocolJson.Default.SiteView))!;

        var problem = await Expect.ProblemAsync(HttpStatusCode.Forbidden, widened);
        Assert.Contains("changing a site's name and boundaries needs a token with the role admin", problem.Detail, StringComparison.Ordinal);
        await Expect.StatusAsync(HttpStatusCode.OK, versionOnly);
        Assert.Equal("2.00.1494.2000", site.Version);
        Assert.Equal(["10.1.0.0/16"], site.Boundaries);
    }
}

public sealed class TokenApiOnSqlite : TokenApiTests
{
    protected override Engine Engine => Engine.Sqlite;
}

public sealed class TokenApiOnPostgres : TokenApiTests
{
    protected override Engine Engine => Engine.Postgres;
}
