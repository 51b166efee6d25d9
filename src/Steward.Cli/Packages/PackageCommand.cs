using System.CommandLine;
using Steward.Cli.Console;

namespace Steward.Cli.Packages;

/// <summary><c>steward package build --from DIR --version V</c>: parses the command line into <see cref="PackageBuildOptions"/>.</summary>
public static class PackageCommand
{
    /// <summary>The <c>package</c> command with its <c>build</c> verb.</summary>
    public static Command Create(Terminal terminal)
    {
        var from = new Option<string>("--from") { Description = "The published agent: a directory holding the program and everything it needs.", Required = true };
        var version = new Option<string>("--version") { Description = "The agent version the package holds (2.00.1493.2000); the program must report it.", Required = true };
        var entryPoint = new Option<string>("--entry-point") { Description = "The program inside the directory (default steward-agent, or steward-agent.exe when that is there).", };
        var output = new Option<string>("--output", "-o") { Description = "The archive to write (default steward-agent-VERSION.zip in the current directory)." };
        var format = new Option<OutputFormat>("--format") { Description = "table (default) or json.", DefaultValueFactory = _ => OutputFormat.Table };
        var build = new Command("build", "Build a package archive (steward-package.json manifest with every file's size and SHA-256) from a published agent.")
        {
            from, version, entryPoint, output, format,
        };
        build.SetAction(parsed => PackageBuildAction.Run(
            new PackageBuildOptions(parsed.GetValue(from)!, parsed.GetValue(version)!, parsed.GetValue(entryPoint), parsed.GetValue(output), parsed.GetValue(format)),
            terminal));
        return new Command("package", "Agent packages.") { build };
    }
}
