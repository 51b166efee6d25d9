using System.CommandLine;
using Steward.Cli.Admin;
using Steward.Cli.Io;

namespace Steward.Cli.Packages;

/// <summary><c>steward package build|publish|list</c>: parses each into its options record.</summary>
internal static class PackageCommand
{
    /// <summary>The agent's program name in a package unless <c>--entry-point</c> names another.</summary>
    public const string DefaultEntryPoint = "steward-agent";

    /// <summary>The command and its subcommands.</summary>
    public static Command Create(Terminal terminal, CliEnvironment environment) =>
        new("package", "Agent packages: one archive of the agent at one version, with a manifest of every file.")
        {
            Build(terminal, environment),
            Publish(terminal, environment),
            AdminCommands.Plain("list", "List the published packages.", (admin, cancellation) => PackageListAction.RunAsync(admin, terminal, environment, cancellation)),
        };

    private static Option<string> VersionOption(string description) => new("--version") { Description = description, Required = true, HelpName = "VERSION" };

    private static Command Build(Terminal terminal, CliEnvironment environment)
    {
        var from = new Option<string>("--from") { Description = "The directory whose files (all of them, with subdirectories) make the package.", Required = true, HelpName = "DIR" };
        var version = VersionOption("The agent version the files are (2.00.1493.2000).");
        var entryPoint = new Option<string>("--entry-point")
        {
            Description = "The program, as a path inside the directory, that runs the agent.",
            DefaultValueFactory = _ => DefaultEntryPoint,
            HelpName = "PATH",
        };
        var output = new Option<string?>("--output", "-o") { Description = "The archive to write. Default: steward-agent-VERSION.zip here.", HelpName = "FILE" };
        var json = JsonSwitch.Create();
        var command = new Command("build", "Build a package archive from a directory, locally: nothing is sent to the server.") { from, version, entryPoint, output, json };
        command.SetAction(parsed => PackageBuildAction.Run(
            new PackageBuildOptions(parsed.GetValue(from)!, parsed.GetValue(version)!, parsed.GetValue(entryPoint)!, parsed.GetValue(output), parsed.GetValue(json)),
            terminal, environment));
        return command;
    }

    private static Command Publish(Terminal terminal, CliEnvironment environment)
    {
        var file = new Argument<string>("file") { Description = "A package archive made by 'steward package build'." };
        var version = VersionOption("The version the archive holds; the server refuses an archive whose manifest says otherwise.");
        var command = new Command("publish", "Upload a package archive: the server checks it, stores it by its SHA-256 and signs its manifest.") { file, version };
        var admin = AdminOptionSet.AddTo(command);
        command.SetAction((parsed, cancellation) => PackagePublishAction.RunAsync(
            new PackagePublishOptions(admin.Read(parsed), parsed.GetValue(file)!, parsed.GetValue(version)!), terminal, environment, cancellation));
        return command;
    }
}
