using Steward.Cli.Io;

namespace Steward.Cli.Admin;

/// <summary>
/// Runs one admin verb: resolves the connection, lends the verb a client, and turns an
/// <see cref="AdminFailure"/> into its lines on standard error and its exit code.
/// </summary>
internal static class AdminRun
{
    /// <summary>The verb's exit code, or the failure's.</summary>
    public static async Task<int> RunAsync(AdminSwitches switches, Terminal terminal, CliEnvironment environment, Func<AdminClient, Task<int>> verb)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        ArgumentNullException.ThrowIfNull(verb);
        try
        {
            using var client = new AdminClient(ConnectionResolver.Resolve(switches, environment));
            return await verb(client).ConfigureAwait(false);
        }
        catch (AdminFailure failure)
        {
            return Report(failure, terminal);
        }
        catch (OperationCanceledException)
        {
            // AdminClient turns its own timeouts into failures: what is left is the user stopping us.
            terminal.Error.WriteLine("steward: stopped before the server answered; a change may or may not have been made (look with list or show)");
            return ExitCodes.Cancelled;
        }
    }

    /// <summary>Prints <paramref name="failure"/> on standard error and returns its exit code.</summary>
    public static int Report(AdminFailure failure, Terminal terminal)
    {
        ArgumentNullException.ThrowIfNull(failure);
        ArgumentNullException.ThrowIfNull(terminal);
        foreach (var line in failure.Lines)
        {
            terminal.Error.WriteLine(line);
        }

        return failure.ExitCode;
    }
}
