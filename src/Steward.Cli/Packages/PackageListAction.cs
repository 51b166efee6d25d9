using Spectre.Console;
using Steward.Cli.Admin;
using Steward.Cli.Io;
using Steward.Protocol;
using Steward.Protocol.Admin;

namespace Steward.Cli.Packages;

/// <summary><c>steward package list</c>: the published packages, in the server's order.</summary>
internal static class PackageListAction
{
    /// <summary>Exit code 0 with the list printed.</summary>
    public static Task<int> RunAsync(AdminSwitches admin, Terminal terminal, CliEnvironment environment, CancellationToken cancellationToken) =>
        AdminVerbs.ListAsync(
            admin, terminal, environment, Routes.Packages, ProtocolJson.Default.IReadOnlyListPackageView,
            "No packages yet; build one with 'steward package build' and publish it with 'steward package publish'.", Table, cancellationToken);

    private static Table Table(IReadOnlyList<PackageView> packages)
    {
        var table = new Table { Border = TableBorder.Rounded };
        table.AddColumns("Version", "Entry point");
        table.AddColumn("Files", c => c.RightAligned());
        table.AddColumn("Size", c => c.RightAligned());
        table.AddColumns("SHA-256", "Published");
        foreach (var package in packages)
        {
            table.AddRow(
                new Text(package.Version), new Text(package.EntryPoint), new Text(Formats.Number(package.Files)), new Text(Formats.Bytes(package.Size)),
                new Text(package.Sha256), new Text($"{Formats.When(package.PublishedAt)} by {package.PublishedBy}"));
        }

        return table;
    }
}
