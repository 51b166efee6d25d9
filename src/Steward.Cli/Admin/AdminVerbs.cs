using System.Text.Json.Serialization.Metadata;
using Spectre.Console.Rendering;
using Steward.Cli.Io;

namespace Steward.Cli.Admin;

/// <summary>
/// The shapes most admin verbs share: one request whose document is printed as the server's JSON
/// with <c>--json</c>, or for people otherwise.
/// </summary>
internal static class AdminVerbs
{
    /// <summary>Sends one request; prints its body with <c>--json</c>, otherwise hands the document to <paramref name="print"/>.</summary>
    public static Task<int> ShowAsync<T>(AdminSwitches admin, Terminal terminal, CliEnvironment environment, Func<AdminClient, Task<Answer<T>>> request, Action<T> print)
    {
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(print);
        return AdminRun.RunAsync(admin, terminal, environment, async client =>
        {
            var answer = await request(client).ConfigureAwait(false);
            if (admin.Json)
            {
                JsonOut.Write(terminal, answer.Body);
            }
            else
            {
                print(answer.Value);
            }

            return ExitCodes.Ok;
        });
    }

    /// <summary><c>GET</c>s a list; prints it as a table, or <paramref name="empty"/> when it has no items.</summary>
    public static Task<int> ListAsync<T>(
        AdminSwitches admin, Terminal terminal, CliEnvironment environment, string route, JsonTypeInfo<IReadOnlyList<T>> type, string empty, Func<IReadOnlyList<T>, IRenderable> table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        ArgumentNullException.ThrowIfNull(table);
        return ShowAsync(admin, terminal, environment, client => client.GetAsync(route, type, cancellationToken), items =>
        {
            if (items.Count == 0)
            {
                terminal.Out.WriteLine(empty);
            }
            else
            {
                terminal.Rich().Write(table(items));
            }
        });
    }

    /// <summary>
    /// <c>DELETE</c>s <paramref name="route"/>; prints <paramref name="sentence"/>, or with <c>--json</c> the server's answer,
    /// which may be empty (204).
    /// </summary>
    public static Task<int> RemoveAsync(AdminSwitches admin, Terminal terminal, CliEnvironment environment, string route, string sentence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(terminal);
        return AdminRun.RunAsync(admin, terminal, environment, async client =>
        {
            var body = await client.DeleteAsync(route, cancellationToken).ConfigureAwait(false);
            if (!admin.Json)
            {
                terminal.Out.WriteLine(sentence);
            }
            else if (body.Length > 0)
            {
                JsonOut.Write(terminal, body);
            }

            return ExitCodes.Ok;
        });
    }
}
