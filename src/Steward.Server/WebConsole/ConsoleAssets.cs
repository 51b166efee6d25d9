using System.Collections.Frozen;
using System.Security.Cryptography;
using Steward.Server.WebConsole.Access;

namespace Steward.Server.WebConsole;

/// <summary>
/// The console's style sheet and script, embedded in the server's assembly (no web root to deploy, no build
/// step): served at <c>/console/assets/NAME</c> with an ETag, to anyone, since the sign-in page needs them.
/// </summary>
internal static class ConsoleAssets
{
    private static readonly FrozenDictionary<string, (byte[] Bytes, string Type, string ETag)> Files = Load();

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(ConsoleAccess.Path + "/assets/{name}", (string name, HttpContext http) =>
        {
            if (!Files.TryGetValue(name, out var file))
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = "no-cache";
            if (http.Request.Headers.IfNoneMatch == file.ETag)
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            http.Response.Headers.ETag = file.ETag;
            return Results.Bytes(file.Bytes, file.Type);
        }).AllowAnonymous().ExcludeFromDescription();

    private static FrozenDictionary<string, (byte[] Bytes, string Type, string ETag)> Load()
    {
        var assembly = typeof(ConsoleAssets).Assembly;
        var prefix = $"{assembly.GetName().Name}.WebConsole.Assets.";
        var files = new Dictionary<string, (byte[], string, string)>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            var name = resource[prefix.Length..];
            var type = name.EndsWith(".css", StringComparison.Ordinal) ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
            files[name] = (bytes, type, $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}\"");
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
