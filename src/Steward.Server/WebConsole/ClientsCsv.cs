using System.Text;
using Steward.Server.Hosting;
using Steward.Server.Http;
using Steward.Server.Security.Access;
using Steward.Server.Storage;
using Steward.Server.WebConsole.Access;
using Steward.Server.WebConsole.Views;

namespace Steward.Server.WebConsole;

/// <summary>
/// <c>/console/clients.csv</c>: every client of a clients view (the same query string), as CSV, read a
/// thousand at a time by id and written as it is read, so that a million clients never sit in memory.
/// </summary>
internal static class ClientsCsv
{
    private const int Batch = 1000;

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(ConsoleAccess.Path + "/clients.csv", async (HttpContext http, IStewardStore store, ServerOptions options, TimeProvider time) =>
        {
            var errors = new FieldErrors();
            var query = ClientQuery.Read(http.Request.Query, errors);
            if (errors.Any)
            {
                return Results.Text(errors.Summary, "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
            }

            var cancellationToken = http.RequestAborted;
            var inactiveBefore = options.InactiveBefore(time.GetUtcNow());
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = "attachment; filename=\"clients.csv\"";
            await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false));
            await writer.WriteLineAsync("id,name,sites,installed,last_outcome,last_seen,inactive,addresses,travel").ConfigureAwait(false);
            var after = query.After;
            while (true)
            {
                var rows = await store.ListClientsAsync(query.Filter(inactiveBefore, Batch, after), cancellationToken).ConfigureAwait(false);
                foreach (var c in rows)
                {
                    var inactive = c.LastSeen is { } seen && seen < inactiveBefore;
                    await writer.WriteLineAsync(string.Join(
                        ',',
                        Field(c.Id), Field(c.Name), Field(string.Join(',', c.Sites)), Field(c.Installed?.ToString() ?? ""), Field(c.LastOutcome ?? ""),
                        c.LastSeen is { } s ? Formats.Iso(s) : "", inactive ? "yes" : "no", Field(string.Join(',', c.Addresses)), c.Travel ? "on" : "off")).ConfigureAwait(false);
                }

                if (rows.Count < Batch)
                {
                    break;
                }

                after = rows[^1].Id;
            }

            return Results.Empty;
        }).RequireAuthorization(ConsoleAccess.Policy(AdminRole.Viewer)).ExcludeFromDescription();

    // RFC 4180 quoting; a field a spreadsheet would read as a formula (a computer names itself) is kept as text.
    private static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
