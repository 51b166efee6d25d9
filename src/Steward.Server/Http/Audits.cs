using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Http;

/// <summary>Builds the audit row of an administrative change: the token's name, the time, the action, the request.</summary>
internal static class Audits
{
    /// <summary>The name of the administrator token that authenticated this request.</summary>
    public static string Actor(HttpContext http) => http?.User.Identity?.Name ?? "unknown";

    public static AuditRow Of<T>(HttpContext http, TimeProvider time, string action, string target, T details, JsonTypeInfo<T> type) =>
        new()
        {
            At = time?.GetUtcNow().ToUnixTimeMilliseconds() ?? 0,
            Actor = Actor(http),
            Action = action,
            Target = target,
            Details = JsonSerializer.Serialize(details, type),
        };

    public static AuditRow Of(HttpContext http, TimeProvider time, string action, string target, string details) =>
        new()
        {
            At = time?.GetUtcNow().ToUnixTimeMilliseconds() ?? 0,
            Actor = Actor(http),
            Action = action,
            Target = target,
            Details = details,
        };
}
