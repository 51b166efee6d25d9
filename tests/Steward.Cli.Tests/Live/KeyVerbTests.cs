using System.Text.Json.Nodes;

namespace Steward.Cli.Tests.Live;

/// <summary><c>steward key</c> against the real server: rotation, the list, refused and allowed retirement, and the pins in <c>status</c>.</summary>
public sealed class KeyVerbTests : LiveTest
{
    [Fact]
    public async Task Rotate_ListRetire_AndStatusSaysHowManyClientsPinEachKey()
    {
        var rotated = await Server.RunAsync("key", "rotate");
        var list = await Server.RunAsync("key", "list", "--json");
        var status = await Server.RunAsync("status");
        var retired = await Server.RunAsync("key", "retire", "1");
        var active = await Server.RunAsync("key", "retire", "2");
        var notANumber = await Server.RunAsync("key", "retire", "one");

        Assert.Equal(ExitCodes.Ok, rotated.ExitCode);
        Assert.StartsWith("Key 2 (", rotated.Out, StringComparison.Ordinal);
        var keys = JsonNode.Parse(list.Out)!.AsArray();
        Assert.Equal(["endorsed", "active"], keys.Select(k => (string)k!["state"]!));
        Assert.Contains("Signing keys: key 1 endorsed, pinned by 0 clients; key 2 active, pinned by 0 clients.", status.Out, StringComparison.Ordinal);
        Assert.Equal((ExitCodes.Ok, "Key 1 is retired; its private key is erased.\n"), (retired.ExitCode, retired.Out));
        Assert.Equal(ExitCodes.Refused, active.ExitCode);
        Assert.Contains("key 2 is the active key", active.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.InvalidInput, notANumber.ExitCode);
    }
}
