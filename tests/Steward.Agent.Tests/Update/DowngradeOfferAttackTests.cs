using Steward.Agent.Tests.Infrastructure;
using Steward.Agent.Update;
using Steward.Protocol.Signing;

namespace Steward.Agent.Tests.Update;

/// <summary>
/// A downgrade is installed only under an offer signed as a whole (format 2) for this client, this request's nonce and
/// an order for exactly the installed version and the offered one (decision 0023). A forgery, an altered field,
/// another client's offer, a replay in a later request, an order for another pair of versions, an order-less
/// downgrade and a downgrade offer after the order ended are each refused before anything is downloaded, with the
/// installed agent (pointer and every file) untouched.
/// </summary>
public sealed class DowngradeOfferAttackTests
{
    private const string Old = "2.00.1493.2000";
    private const string New = "2.00.1493.2100";

    [Fact]
    public async Task Apply_GenuineDowngrade_IsInstalledThroughTheSameSteps_KeepingTheNewerVersion()
    {
        // Only New is installed: the older version comes through every step of an update.
        await using var world = await UpdaterWorld.StartAsync();
        await world.InstallAsync(New);

        var result = await world.ApplyAsync(world.Package(Old, downgrade: true).Offer);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(Old, world.Current);
        foreach (var step in new[] { UpdateSteps.Download, UpdateSteps.Verified, UpdateSteps.Extract, UpdateSteps.HealthCheck, UpdateSteps.Switch, UpdateSteps.Switched })
        {
            Assert.Contains($"update: {step} {Old}:", world.Errors, StringComparison.Ordinal);
        }

        Assert.NotNull(new Steward.Agent.Layout.VersionStore(world.Layout).Marker(New));
    }

    [Fact]
    public async Task Apply_DowngradeSignedByAnUnknownKey_IsRefused()
    {
        await using var world = await NewerInstalledAsync();
        using var attacker = new PackageSigner();

        await world.AssertRefusedAsync(world.Package(Old, downgrade: true, signer: attacker).Offer, "signature does not verify");
    }

    public static TheoryData<string> OrderFields => ["\"id\":", "\"site\":", "\"from\":", "\"to\":", "\"format\":", "\"downgrade\":"];

    [Theory]
    [MemberData(nameof(OrderFields))]
    public async Task Apply_SignedDowngradeChangedAfterSigning_IsRefused(string field)
    {
        await using var world = await NewerInstalledAsync();
        var offer = world.Package(Old, downgrade: true).Offer;
        var text = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(offer.Offer!));
        var at = text.LastIndexOf(field, StringComparison.Ordinal) + field.Length;
        Assert.True(at > field.Length, text);

        // One character of the value changed in transit: the signature no longer holds.
        var rest = text[at..];
        var changed = text[..at] + rest switch
        {
            _ when rest.StartsWith('"') => "\"x" + rest[1..],
            _ when rest.StartsWith("true", StringComparison.Ordinal) => "false" + rest[4..],
            _ => "1" + rest[1..],
        };
        var tampered = offer with { Offer = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(changed)) };

        await world.AssertRefusedAsync(tampered, "signature does not verify");
    }

    [Fact]
    public async Task Apply_DowngradeFlagDroppedInTransit_IsRefused()
    {
        await using var world = await NewerInstalledAsync();
        var offer = world.Package(Old, downgrade: true).Offer;

        await world.AssertRefusedAsync(offer with { Downgrade = false }, "is not what the server signed");
    }

    [Fact]
    public async Task Apply_AnotherClientsDowngrade_IsRefused()
    {
        await using var world = await NewerInstalledAsync();
        var genuine = world.Package(Old).Offer;
        var forOther = world.Signer.Downgrade(genuine, "client-2", world.Nonce, New, Order(New, Old));

        await world.AssertRefusedAsync(forOther, "is for client client-2");
    }

    [Fact]
    public async Task Apply_DowngradeReplayedInALaterRequest_IsRefused()
    {
        await using var world = await NewerInstalledAsync();
        var offer = world.Package(Old, downgrade: true).Offer;

        await world.AssertRefusedAsync(offer, "a replay", world.Sent with { Nonce = Nonce.New() });
    }

    [Fact]
    public async Task Apply_DowngradeOfferAfterTheOrderEnded_IsRefused()
    {
        await using var world = await NewerInstalledAsync();

        // Captured while the order stood; the order ended, so the server signs no downgrade for the next request,
        // and the captured one answers another request.
        var captured = world.Package(Old, downgrade: true).Offer;
        var next = world.Sent with { Nonce = Nonce.New() };

        await world.AssertRefusedAsync(captured, "a replay", next);
        await world.AssertRefusedAsync(world.Package(Old).Offer with { Downgrade = true }, "is not what the server signed", world.Sent);
    }

    public static TheoryData<string, string> OtherPairs => new()
    {
        { "2.00.1493.2200", Old },
        { New, "2.00.1493.1900" },
        { Old, New },
    };

    [Theory]
    [MemberData(nameof(OtherPairs))]
    public async Task Apply_DowngradeUnderAnOrderForAnotherPairOfVersions_IsRefused(string from, string to)
    {
        await using var world = await NewerInstalledAsync();
        var offer = world.Signer.Downgrade(world.Package(Old).Offer, UpdaterWorld.ClientId, world.Nonce, New, Order(from, to));

        await world.AssertRefusedAsync(offer, $"takes {from} to {to}, not this agent's {New} to {Old}");
    }

    [Fact]
    public async Task Apply_DowngradeWithoutAnOrder_OrAnUpgradeDressedAsOne_IsRefused()
    {
        await using var world = await NewerInstalledAsync();
        var old = world.Package(Old).Offer with { Downgrade = true };

        // Format 1 with the flag set: the older form of a downgrade, which named no order.
        var formatOne = world.Signer.Signed(old, UpdaterWorld.ClientId, world.Nonce, New);
        await world.AssertRefusedAsync(formatOne, "format 1 but offers a downgrade without an order");

        // Format 2 without its order.
        var orderless = world.Signer.Downgrade(old, UpdaterWorld.ClientId, world.Nonce, New, Order(New, Old), change: o => o with { Order = null });
        await world.AssertRefusedAsync(orderless, "format 2 but offers a downgrade without an order");
    }

    private static SignedOrder Order(string from, string to) => new(UpdaterWorld.OrderId, "B01", from, to);

    // New runs, with Old kept as the previous version.
    private static async Task<UpdaterWorld> NewerInstalledAsync()
    {
        var world = await UpdaterWorld.StartAsync();
        await world.InstallAsync(Old);
        await world.InstallAsync(New);
        return world;
    }
}
