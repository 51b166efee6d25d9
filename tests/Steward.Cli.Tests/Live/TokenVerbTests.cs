using System.Text.Json.Nodes;

namespace Steward.Cli.Tests.Live;

/// <summary><c>steward token create|list|revoke</c> against the real server: roles that hold, the bootstrap token that cannot lock everyone out.</summary>
public sealed class TokenVerbTests : LiveTest
{
    [Fact]
    public async Task Create_PrintsTheTokenOnce_ItsRoleHolds_ListShowsIt_RevokeRefusesIt()
    {
        await Hierarchy.Q262677Async(Server);

        var create = await Server.RunAsync("token", "create", "ops-bob", "--role", "operator", "--expires", "30d");
        Assert.Equal((ExitCodes.Ok, ""), (create.ExitCode, create.Error));
        var lines = create.Out.TrimEnd('\n').Split('\n');
        Assert.Matches(@"^Made token ops-bob with the role operator, expires \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ\.$", lines[0]);
        var token = lines[1]["Token (shown only this once; use it as STEWARD_TOKEN or 'Authorization: Bearer <token>'): ".Length..];
        var bob = Server.Work.Environment(("STEWARD_URL", Server.Url), ("STEWARD_TOKEN", token));

        var setVersion = await InProcess.RunAsync(bob, "site", "set-version", "A01", "--version", "2.00.1493.2000");
        var remove = await InProcess.RunAsync(bob, "site", "remove", "A01");
        var list = await Server.RunAsync("token", "list");
        var json = await Server.RunAsync("token", "list", "--json");
        var audit = await Server.RunAsync("audit", "--limit", "1", "--json");

        Assert.Equal((ExitCodes.Ok, ""), (setVersion.ExitCode, setVersion.Error));
        Assert.Equal(ExitCodes.NotAuthorized, remove.ExitCode);
        Assert.Contains("does not allow the admin token to do this", remove.Error, StringComparison.Ordinal);
        Assert.Contains("needs a token with the role admin or above; the token 'ops-bob' has the role operator", remove.Error, StringComparison.Ordinal);
        Assert.Matches(@"│ ops-bob\s+│ operator │ [0-9-]+ [0-9:]+Z │ [0-9-]+ [0-9:]+Z\s+│ [0-9-]+ [0-9:]+Z │ no\s+│", list.Out);
        Assert.Matches(@"│ admin\s+│ admin\s+│ [0-9-]+ [0-9:]+Z │ never\s+│", list.Out);
        Assert.DoesNotContain(token, list.Out + json.Out, StringComparison.Ordinal);
        Assert.Equal(["admin", "ops-bob"], JsonNode.Parse(json.Out)!.AsArray().Select(t => (string)t!["name"]!));
        Assert.Equal("ops-bob", (string)JsonNode.Parse(audit.Out)!.AsArray()[0]!["actor"]!);

        var revoke = await Server.RunAsync("token", "revoke", "ops-bob");
        var afterwards = await InProcess.RunAsync(bob, "site", "list");

        Assert.Equal((ExitCodes.Ok, "Revoked token ops-bob: it is refused from now on.\n"), (revoke.ExitCode, revoke.Out));
        Assert.Equal(ExitCodes.NotAuthorized, afterwards.ExitCode);
        Assert.Contains("the administrator token 'ops-bob' was revoked at", afterwards.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_TheBootstrapToken_RefusedWhileItIsTheOnlyAdmin_ThenAllowed()
    {
        var alone = await Server.RunAsync("token", "revoke", "admin");
        var second = await Server.RunAsync("token", "create", "root-2", "--role", "admin", "--json");
        var secret = (string)JsonNode.Parse(second.Out)!["secret"]!;
        var root2 = Server.Work.Environment(("STEWARD_URL", Server.Url), ("STEWARD_TOKEN", secret));
        var revoked = await InProcess.RunAsync(root2, "token", "revoke", "admin", "--json");

        Assert.Equal(ExitCodes.Refused, alone.ExitCode);
        Assert.Contains("token 'admin' is the last active admin token", alone.Error, StringComparison.Ordinal);
        Assert.Equal((ExitCodes.Ok, ""), (revoked.ExitCode, revoked.Error));
        Assert.False((bool)JsonNode.Parse(revoked.Out)!["active"]!);
        Assert.Equal(ExitCodes.NotAuthorized, (await Server.RunAsync("site", "list")).ExitCode);
    }

    [Fact]
    public async Task Create_BadRoleAndDuration_RefusedBeforeOrByTheServer()
    {
        var role = await Server.RunAsync("token", "create", "x", "--role", "root");
        var duration = await Server.RunAsync("token", "create", "x", "--role", "viewer", "--expires", "soon");

        Assert.Equal(ExitCodes.InvalidInput, role.ExitCode);
        Assert.Equal((ExitCodes.Refused, "steward: The request is not valid.\n  expiresIn: 'soon' is not a duration: a whole number and d (days), h (hours) or m (minutes), like 30d\n"), (duration.ExitCode, duration.Error));
    }
}
