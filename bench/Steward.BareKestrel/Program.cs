// The baseline of bench/load-access-point.sh: ASP.NET Core on Kestrel, the same hosting as the server,
// answering every POST with a fixed body (--response FILE: a real cycle answer, so both answers have the
// same size). It reads the request body as the server must, and does nothing else.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);

// The server's logging too: with hosting's own logger off, ASP.NET Core makes no log scope and no Activity
// per request, in both, so that the ratio compares Steward's work and not this setting.
builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
var path = builder.Configuration["response"] ?? throw new InvalidOperationException("--response FILE is required");
var answer = await File.ReadAllBytesAsync(path).ConfigureAwait(false);

var app = builder.Build();
app.MapPost("/{**path}", async (HttpContext http) =>
{
    await http.Request.Body.CopyToAsync(Stream.Null, http.RequestAborted).ConfigureAwait(false);
    http.Response.ContentType = "application/json; charset=utf-8";
    http.Response.ContentLength = answer.Length;
    await http.Response.Body.WriteAsync(answer, http.RequestAborted).ConfigureAwait(false);
});
await app.RunAsync().ConfigureAwait(false);
