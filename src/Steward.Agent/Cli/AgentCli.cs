using System.Text.Json;
using Steward.Agent.Flows;
using Steward.Agent.Hosting;
using Steward.Agent.Layout;
using Steward.Agent.Net;
using Steward.Agent.Update;

namespace Steward.Agent.Cli;

/// <summary>The <c>steward-agent</c> command line: reads the arguments, then hands plain options to a flow.</summary>
internal static class AgentCli
{
    private static readonly HashSet<string> Common = ["--state-dir", "--connect-timeout", "--request-timeout", "--idle-timeout"];
    private static readonly HashSet<string> Json = ["--json"];

    /// <summary>Runs the command line and returns the exit code (see <see cref="ExitCodes"/>).</summary>
    public static async Task<int> RunAsync(string[] args, AgentConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        // `travel on|off`: the one command with a word after it.
        bool? travel = args.Length > 1 && args[0] == "travel" ? args[1] switch { "on" => true, "off" => false, _ => null } : null;
        var parsed = ArgumentReader.Read(travel is null ? args : [args[0], .. args[2..]], Grammar);
        if (parsed.Has("--help") || parsed.Verb is null)
        {
            (parsed.Verb is null && !parsed.Has("--help") ? console.Error : console.Out).WriteLine(Usage.Text);
            return parsed.Has("--help") ? ExitCodes.Ok : ExitCodes.InvalidUsage;
        }

        if (parsed.Error is not null)
        {
            return Invalid(console, parsed.Error);
        }

        if (parsed.Verb == "version")
        {
            var version = new VersionDocument(AgentBuild.ProgramName, AgentBuild.Version.ToString());
            console.Out.WriteLine(parsed.Has("--json") ? VersionJson(version) : $"{version.Program} {version.Version}");
            return ExitCodes.Ok;
        }

        if (Network(parsed, out var error) is not { } network)
        {
            return Invalid(console, error!);
        }

        var context = new AgentContext(new AgentLayout(Path.GetFullPath(parsed.Value("--state-dir") ?? AgentLayout.DefaultRoot)), console, network, TimeProvider.System);
        try
        {
            switch (parsed.Verb)
            {
                case "logon":
                case "install":
                    return LogonOptionsFrom(parsed, out error) is { } logon
                        ? await LogonFlow.RunAsync(context, logon, cancellationToken).ConfigureAwait(false)
                        : Invalid(console, error!);
                case "cycle":
                    return (await CycleFlow.RunAsync(context, parsed.Has("--json"), cancellationToken).ConfigureAwait(false)).ExitCode;
                case "status":
                    return StatusFlow.Run(context, parsed.Has("--json"));
                case "doctor":
                    return await DoctorFlow.RunAsync(context, parsed.Has("--repair"), parsed.Has("--json"), parsed.Value("--from") ?? PackageCopy.DebianDirectory, cancellationToken).ConfigureAwait(false);
                case "place":
                    return parsed.Value("--from") is { } from
                        ? await PlaceFlow.RunAsync(context, from, cancellationToken).ConfigureAwait(false)
                        : Invalid(console, "place needs --from DIR (the directory of the Debian package's copy)");
                case "travel":
                    return travel is { } on ? TravelFlow.Run(context, on) : Invalid(console, "travel needs 'on' or 'off'");
                default:
                    return ScheduleFrom(parsed, out error) is { } schedule
                        ? await RunServiceAsync(context, schedule, parsed.Has("--windows-service"), cancellationToken).ConfigureAwait(false)
                        : Invalid(console, error!);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.Problem("stopped before finishing; the installed agent is untouched, and the next run finishes the job");
            return ExitCodes.Failed;
        }
        catch (Exception e) when (e is AgentException or Steward.Packaging.PackageException)
        {
            // A refusal said in words (a copy whose program fails its health check, a package that does not verify):
            // never an unhandled exception, whose exit code a postinst or service manager does not know.
            console.Problem(e.Message);
            return ExitCodes.Failed;
        }
        catch (UnauthorizedAccessException e)
        {
            console.Problem($"cannot work in {context.Layout.Root}: {e.Message} (the service runs as root; run it with the rights to that directory)");
            return ExitCodes.Failed;
        }
        catch (IOException e)
        {
            // The disk, not the agent: full, read-only or failing. What was written before stays consistent (atomic writes).
            console.Problem($"cannot write in {context.Layout.Root}: {e.Message}; nothing half-written is left, and the next run tries again");
            return ExitCodes.Failed;
        }
    }

    private static (IReadOnlySet<string> Options, IReadOnlySet<string> Flags)? Grammar(string verb)
    {
        IReadOnlySet<string>? options = verb switch
        {
            "logon" or "install" => new HashSet<string>(Common) { "--logon-point", "--secret", "--name", "--address", "--server-key", "--ca" },
            "cycle" or "status" or "travel" => Common,
            "place" or "doctor" => new HashSet<string>(Common) { "--from" },
            "run" => new HashSet<string>(Common) { "--interval", "--jitter", "--retry-min", "--retry-max" },
            "version" => new HashSet<string>(),
            _ => null,
        };
        IReadOnlySet<string> flags = verb switch
        {
            "run" => new HashSet<string> { "--windows-service" },
            "doctor" => new HashSet<string>(Json) { "--repair" },
            _ => Json,
        };
        return options is null ? null : (options, flags);
    }

    private static async Task<int> RunServiceAsync(AgentContext context, Schedule schedule, bool windowsService, CancellationToken cancellationToken)
    {
        if (windowsService && OperatingSystem.IsWindows())
        {
            using var service = new AgentWindowsService(context, schedule);
            System.ServiceProcess.ServiceBase.Run(service);
            return service.ExitCode;
        }

        return await ServiceLoop.RunAsync(context, schedule, new Random(), cancellationToken).ConfigureAwait(false);
    }

    private static LogonOptions? LogonOptionsFrom(ParsedArguments parsed, out string? error)
    {
        error = null;
        var url = parsed.Value("--logon-point");
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var logonPoint) || logonPoint.Scheme is not ("http" or "https"))
        {
            error = url is null ? "--logon-point URL is required" : $"--logon-point: '{url}' is not an http or https address";
            return null;
        }

        var secret = parsed.Value("--secret") ?? Environment.GetEnvironmentVariable("STEWARD_ENROLLMENT_SECRET");
        if (string.IsNullOrEmpty(secret))
        {
            error = "--secret S (or the environment variable STEWARD_ENROLLMENT_SECRET) is required";
            return null;
        }

        string? ca = null;
        if (parsed.Value("--ca") is { } file)
        {
            ca = CaFile.Read(file, out error);
            if (ca is null)
            {
                return null;
            }
        }

        return new LogonOptions(logonPoint, secret, parsed.Verb!, parsed.Value("--name"), parsed.All("--address"), parsed.Value("--server-key"), parsed.Has("--json"), ca);
    }

    private static NetworkOptions? Network(ParsedArguments parsed, out string? error)
    {
        var defaults = NetworkOptions.Default;
        error = null;
        var connect = Duration(parsed, "--connect-timeout", defaults.ConnectTimeout, ref error);
        var request = Duration(parsed, "--request-timeout", defaults.RequestTimeout, ref error);
        var idle = Duration(parsed, "--idle-timeout", defaults.IdleTimeout, ref error);
        return error is null ? new NetworkOptions(connect, request, idle) : null;
    }

    private static Schedule? ScheduleFrom(ParsedArguments parsed, out string? error)
    {
        var defaults = Schedule.Default;
        error = null;
        var interval = Duration(parsed, "--interval", defaults.Interval, ref error);
        var jitter = Duration(parsed, "--jitter", defaults.Jitter, ref error);
        var retryMin = Duration(parsed, "--retry-min", defaults.RetryMin, ref error);
        var retryMax = Duration(parsed, "--retry-max", defaults.RetryMax, ref error);
        return error is null ? new Schedule(interval, jitter, retryMin, retryMax) : null;
    }

    private static TimeSpan Duration(ParsedArguments parsed, string option, TimeSpan fallback, ref string? error)
    {
        if (parsed.Value(option) is not { } text)
        {
            return fallback;
        }

        var value = Durations.Parse(text, out var problem);
        error ??= problem is null ? null : $"{option}: {problem}";
        return value ?? fallback;
    }

    // One line, so that a health check or a script can read it without a JSON parser if it must.
    private static string VersionJson(VersionDocument version)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("program", version.Program);
            writer.WriteString("version", version.Version);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static int Invalid(AgentConsole console, string error)
    {
        console.Problem(error);
        console.Error.WriteLine("Run 'steward-agent --help' for usage.");
        return ExitCodes.InvalidUsage;
    }
}
