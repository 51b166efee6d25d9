using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Steward.Server.Hosting;

namespace Steward.Server.Tests.Settings;

/// <summary>
/// The server's settings, bound once (<see cref="ServerOptions"/>): the command-line options and
/// <c>--Steward:Name=value</c> reach the typed values, and a wrong value stops the server before it starts
/// with one line that says how to fix it (<c>steward server</c> prints each and exits 2).
/// </summary>
public sealed class ServerOptionsTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("steward-options-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task Command_line_options_and_settings_reach_the_typed_values()
    {
        await using var app = StewardServer.Build(
            ["--data", _data, "--database", "PostgreSQL", "--connection", "Host=127.0.0.1", "--Steward:HeartbeatFlushMilliseconds=250", "--Steward:UnenrolledRefusalWindowSeconds=0"]);

        var options = app.Services.GetRequiredService<IOptions<ServerOptions>>().Value;

        Assert.Equal(DatabaseKind.Postgres, options.Engine);
        Assert.Equal("Host=127.0.0.1", options.Connection);
        Assert.Equal(Path.GetFullPath(_data), options.DataPath);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.HeartbeatFlush);
        Assert.Equal(TimeSpan.FromSeconds(1), options.UnenrolledRefusalWindow);
    }

    [Theory]
    [InlineData("mysql", "--database 'mysql' is not known; use sqlite or postgres.")]
    [InlineData("1", "--database '1' is not known; use sqlite or postgres.")]
    [InlineData("postgres", "--database postgres needs --connection \"Host=...;Database=...;Username=...;Password=...\" (or STEWARD__CONNECTION).")]
    public void A_wrong_database_setting_stops_the_server_before_it_starts_with_the_fix(string database, string failure)
    {
        // Kestrel's limits come from the settings, so building the application already reads (and checks) them.
        var refused = Assert.Throws<OptionsValidationException>(() => StewardServer.Build(["--data", _data, "--database", database]));

        Assert.Equal([failure], refused.Failures);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_data));
    }

    [Fact]
    public void A_number_below_its_least_is_refused_by_name()
    {
        var refused = Assert.Throws<OptionsValidationException>(
            () => StewardServer.Build(["--data", _data, "--Steward:HeartbeatFlushMilliseconds=0", "--Steward:HeartbeatBatch=-1"]));

        Assert.Equal(
            ["Steward:HeartbeatFlushMilliseconds is 0; it must be 1 or more.", "Steward:HeartbeatBatch is -1; it must be 1 or more."],
            refused.Failures);
    }
}
