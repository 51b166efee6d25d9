using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;
using Steward.Protocol;
using Steward.Server.Telemetry;
using Steward.Server.Tests.Hosting;

namespace Steward.Server.Tests.Clients;

/// <summary>
/// Inactive clients (not seen for Steward:InactiveDays, default 7): listed by <c>inactive=true</c> and counted by
/// the gauge <c>steward.clients.inactive</c>, never deleted.
/// </summary>
public abstract class InactiveClientTests : ApiTest
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));

    protected override Action<IServiceCollection>? Services => services => services.AddSingleton<TimeProvider>(_time);

    [Fact]
    public async Task NotSeenForSevenDays_IsListedAsInactive_Counted_AndKept()
    {
        await Admin.PublishAsync("2.00.1380.1000");
        await Admin.AddSiteAsync("A01", "2.00.1380.1000", "10.1.0.0/16");
        var secret = await Admin.AddLogonPointAsync("LA", ["A01"]);
        await App.Anonymous.LogonAsync("LA", secret, "OLD-1", ["10.1.0.1"]);
        await App.Anonymous.LogonAsync("LA", secret, "OLD-2", ["10.1.0.2"]);
        _time.Advance(TimeSpan.FromDays(6));
        await App.Anonymous.LogonAsync("LA", secret, "SIX-DAYS", ["10.1.0.3"]);
        _time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await App.Anonymous.LogonAsync("LA", secret, "TODAY", ["10.1.0.4"]);

        var inactive = await Admin.GetFromJsonAsync(Routes.Clients + "?inactive=true", ProtocolJson.Default.ClientPage);
        var everyone = await Admin.GetFromJsonAsync(Routes.Clients, ProtocolJson.Default.ClientPage);
        Assert.Equal(["OLD-1", "OLD-2"], inactive!.Clients.Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.Equal(4, everyone!.Clients.Count);

        // An earlier seenBefore than the inactive limit narrows the list; a later one does not widen it.
        var before = Uri.EscapeDataString(_time.GetUtcNow().AddDays(-30).ToString("O"));
        var none = await Admin.GetFromJsonAsync(Routes.Clients + $"?inactive=true&seenBefore={before}", ProtocolJson.Default.ClientPage);
        Assert.Empty(none!.Clients);
        var later = Uri.EscapeDataString(_time.GetUtcNow().ToString("O"));
        var same = await Admin.GetFromJsonAsync(Routes.Clients + $"?inactive=true&seenBefore={later}", ProtocolJson.Default.ClientPage);
        Assert.Equal(2, same!.Clients.Count);

        Assert.Equal(2, await CountedAsync());
    }

    [Fact]
    public async Task InactiveClients_PageByKeyset_InIdOrder_WithAndWithoutASite()
    {
        await Admin.PublishAsync("2.00.1380.1000");
        await Admin.AddSiteAsync("A01", "2.00.1380.1000", "10.1.0.0/16");
        await Admin.AddSiteAsync("B02", "2.00.1380.1000", "10.2.0.0/16");
        var secret = await Admin.AddLogonPointAsync("LA", ["A01", "B02"]);
        for (var i = 1; i <= 7; i++)
        {
            await App.Anonymous.LogonAsync("LA", secret, $"OLD-{i}", [$"10.{1 + (i % 2)}.0.{i}"]);
        }

        _time.Advance(TimeSpan.FromDays(8));
        for (var i = 1; i <= 4; i++)
        {
            await App.Anonymous.LogonAsync("LA", secret, $"NEW-{i}", [$"10.{1 + (i % 2)}.1.{i}"]);
        }

        // Every client in id order, as the unfiltered list pages them: the inactive ones are those named OLD.
        var everyone = (await Admin.GetFromJsonAsync(Routes.Clients + "?limit=1000", ProtocolJson.Default.ClientPage))!.Clients;
        Assert.Equal(11, everyone.Count);
        Assert.Equal([.. everyone.Select(c => c.Id).Order(StringComparer.Ordinal)], everyone.Select(c => c.Id));
        var old = everyone.Where(c => c.Name.StartsWith("OLD-", StringComparison.Ordinal)).ToList();

        Assert.Equal(old.Select(c => c.Id), await PagesAsync("?inactive=true&limit=3", expectedPages: 3));
        Assert.Equal(old.Where(c => c.Sites.Contains("B02")).Select(c => c.Id), await PagesAsync("?inactive=true&site=B02&limit=2", expectedPages: 2));
        Assert.Equal(old.Where(c => c.Sites.Contains("A01")).Select(c => c.Id), await PagesAsync("?inactive=true&site=A01&limit=1", expectedPages: 3));
    }

    // Every page of a listing, following Next as `after`, as the ids in the order they came.
    private async Task<List<string>> PagesAsync(string query, int expectedPages)
    {
        var ids = new List<string>();
        var pages = 0;
        string? after = null;
        do
        {
            var page = (await Admin.GetFromJsonAsync(Routes.Clients + query + (after is null ? "" : $"&after={after}"), ProtocolJson.Default.ClientPage))!;
            ids.AddRange(page.Clients.Select(c => c.Id));
            after = page.Next;
            pages++;
        }
        while (after is not null && pages < 10);

        Assert.Equal(expectedPages, pages);
        return ids;
    }

    // Counts once and reads the gauge as an exporter would: this server's meter only (its factory), not those of
    // the other tests' servers running beside it.
    private async Task<long> CountedAsync()
    {
        await App.Services.GetRequiredService<InactiveClientCount>().CountAsync(CancellationToken.None);
        using var gauge = new MetricCollector<long>(App.Services.GetRequiredService<IMeterFactory>(), StewardMetrics.MeterName, "steward.clients.inactive");
        gauge.RecordObservableInstruments();
        return gauge.LastMeasurement?.Value ?? throw new InvalidOperationException("the gauge reported nothing");
    }
}

public sealed class InactiveClientsOnSqlite : InactiveClientTests
{
    protected override Engine Engine => Engine.Sqlite;
}

public sealed class InactiveClientsOnPostgres : InactiveClientTests
{
    protected override Engine Engine => Engine.Postgres;
}
