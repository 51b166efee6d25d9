using System.Globalization;
using Spectre.Console;
using Steward.Cli.Admin;
using Steward.Cli.Io;
using Steward.Protocol;
using Steward.Protocol.Admin;

namespace Steward.Cli.Keys;

/// <summary>What <c>steward key</c> does.</summary>
internal static class KeyActions
{
    /// <summary>Exit code 0 with the keys printed.</summary>
    public static Task<int> ListAsync(AdminSwitches admin, Terminal terminal, CliEnvironment environment, CancellationToken cancellationToken) =>
        AdminVerbs.ListAsync(admin, terminal, environment, Routes.Keys, ProtocolJson.Default.IReadOnlyListKeyView, "The server has no signing key yet; it makes one at its first start.", Table, cancellationToken);

    /// <summary>Exit code 0 with the new key printed.</summary>
    public static Task<int> RotateAsync(AdminSwitches admin, Terminal terminal, CliEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        return AdminVerbs.ShowAsync(admin, terminal, environment, client => client.PostAsync(Routes.KeyRotate, ProtocolJson.Default.KeyView, cancellationToken), key =>
        {
            terminal.Out.WriteLine($"Key {key.Number} ({key.Fingerprint}) is the active signing key now.");
            terminal.Out.WriteLine("Clients adopt it at their next cycle, endorsed by the key they pin; an older key is retired when no client pins it ('steward key list').");
        });
    }

    /// <summary>Exit code 0 with the key retired, 2 for a number that is not one.</summary>
    public static Task<int> RetireAsync(AdminSwitches admin, string number, Terminal terminal, CliEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        if (!long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed < 1)
        {
            terminal.Error.WriteLine($"steward: '{number}' is not a key number: 1, 2, ... as 'steward key list' shows");
            return Task.FromResult(ExitCodes.InvalidInput);
        }

        return AdminVerbs.ShowAsync(admin, terminal, environment, client => client.PostAsync(Routes.KeyRetire(parsed), ProtocolJson.Default.KeyView, cancellationToken), key =>
            terminal.Out.WriteLine($"Key {key.Number} is retired; its private key is erased."));
    }

    /// <summary>The keys as a table, for <c>key list</c> and <c>status</c>.</summary>
    public static Table Table(IReadOnlyList<KeyView> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var table = new Table { Title = new TableTitle("Signing keys"), Border = TableBorder.Rounded };
        table.AddColumn("Key", c => c.RightAligned());
        table.AddColumns("State", "Fingerprint", "Created");
        table.AddColumn("Clients pinning it", c => c.RightAligned());
        foreach (var key in keys)
        {
            var state = key.RetiredAt is { } at ? $"{key.State} {Formats.When(at)}" : key.State;
            table.AddRow(
                new Text(key.Number.ToString(CultureInfo.InvariantCulture)), new Text(state), new Text(key.Fingerprint), new Text(Formats.When(key.CreatedAt)),
                new Text(Formats.Number(key.Clients)));
        }

        return table;
    }
}
