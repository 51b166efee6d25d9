using Steward.Cli.Admin;
using Steward.Cli.Io;
using Steward.Protocol;
using Steward.Protocol.Admin;

namespace Steward.Cli.LogonPoints;

/// <summary>The logon point verbs: one request each, the answer printed for people or as the server's JSON.</summary>
internal static class LogonPointActions
{
    /// <summary><c>steward logon-point add</c>: prints the enrollment secret, which the server returns only this once.</summary>
    public static Task<int> AddAsync(LogonPointAddOptions options, Terminal terminal, CliEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(terminal);
        var request = new LogonPointRequest(options.Name, options.Sites, options.Senior, options.Secret);
        return AdminVerbs.ShowAsync(
            options.Admin, terminal, environment,
            client => client.SendAsync(HttpMethod.Post, Routes.LogonPoints, request, ProtocolJson.Default.LogonPointRequest, ProtocolJson.Default.LogonPointView, cancellationToken),
            point =>
            {
                terminal.Out.WriteLine($"Added logon point {point.Name} for {Formats.List(point.Sites)}; it hands out {LogonPointTables.Package(point)}.");
                if (point.EnrollmentSecret is { } secret)
                {
                    // The server keeps only a hash: this is the one time anyone can read the secret.
                    terminal.Out.WriteLine($"Enrollment secret (shown only this once; put it in the logon scripts): {secret}");
                }
            });
    }

    /// <summary><c>steward logon-point list</c>.</summary>
    public static Task<int> ListAsync(AdminSwitches admin, Terminal terminal, CliEnvironment environment, CancellationToken cancellationToken) =>
        AdminVerbs.ListAsync(
            admin, terminal, environment, Routes.LogonPoints, ProtocolJson.Default.IReadOnlyListLogonPointView,
            "No logon points yet; add one with 'steward logon-point add'.", LogonPointTables.List, cancellationToken);

    /// <summary><c>steward logon-point remove</c>.</summary>
    public static Task<int> RemoveAsync(LogonPointOptions options, Terminal terminal, CliEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        return AdminVerbs.RemoveAsync(options.Admin, terminal, environment, Routes.LogonPoint(options.Name), $"Removed logon point {options.Name}.", cancellationToken);
    }
}
