using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Serialization.Metadata;
using Steward.Protocol;
using Steward.Testing;

namespace Steward.Agent.Tests.Infrastructure;

/// <summary>
/// The real site server, <c>steward server</c>, as its own process on a free loopback port with a fresh data
/// directory, and an administrator's HTTP client with the token it wrote there.
/// </summary>
internal sealed class RealServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ProcessOutput _output;

    private RealServer(Process process, ProcessOutput output, Uri origin, string data, HttpClient admin)
    {
        _process = process;
        _output = output;
        Origin = origin;
        Data = data;
        Admin = admin;
    }

    public Uri Origin { get; }

    public string Data { get; }

    public HttpClient Admin { get; }

    /// <summary>Completes once the server has printed a line containing <paramref name="text"/> (at once if it already has).</summary>
    public Task PrintedAsync(string text) => _output.PrintedAsync(text);

    /// <summary>The steward program (the CLI), as built next to the tests.</summary>
    public static string Cli => Path.Combine(AppContext.BaseDirectory, "steward.dll");

    /// <summary>The server over HTTP; <paramref name="settings"/> are more options of <c>steward server</c> (<c>--Steward:Name=value</c>).</summary>
    public static Task<RealServer> StartAsync(string data, params string[] settings) => StartAsync(data, "http", null, settings);

    /// <summary>The server over HTTPS with the certificate and key (PEM) given; <paramref name="handler"/> trusts its CA.</summary>
    public static Task<RealServer> StartHttpsAsync(string data, (string Certificate, string Key) files, Func<HttpMessageHandler> handler, params string[] more) =>
        StartAsync(data, "https", handler, ["--certificate", files.Certificate, "--certificate-key", files.Key, .. more]);

    private static async Task<RealServer> StartAsync(string data, string scheme, Func<HttpMessageHandler>? handler, params string[] arguments)
    {
        var port = FreePort();
        var origin = new Uri($"{scheme}://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])[Cli, "server", "--urls", origin.ToString().TrimEnd('/'), "--data", data, .. arguments])
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        var output = ProcessOutput.Of(process);
        var token = Path.Combine(data, "admin-token");
        using (var trust = handler?.Invoke())
        {
            await output.ServerReadyAsync(process, origin, trust);
        }

        var admin = handler is null ? new HttpClient() : new HttpClient(handler());
        admin.BaseAddress = origin;
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await File.ReadAllTextAsync(token)).Trim());
        return new RealServer(process, output, origin, data, admin);
    }

    /// <summary>Sends an admin request and checks it succeeded, saying what the server answered otherwise.</summary>
    public async Task<T?> SendAsync<TBody, T>(HttpMethod method, string path, TBody body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<T>? answerType)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body, bodyType) };
        using var response = await Admin.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return answerType is null ? default : await response.Content.ReadFromJsonAsync(answerType);
    }

    public async Task<T> GetAsync<T>(string path, JsonTypeInfo<T> type)
    {
        using var response = await Admin.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync(type))!;
    }

    /// <summary>Publishes a package archive as <paramref name="version"/> (POST /v1/packages?version=V).</summary>
    public async Task PublishAsync(string archive, string version)
    {
        using var content = new StreamContent(File.OpenRead(archive));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        using var response = await Admin.PostAsync(new Uri($"{Routes.Packages}?version={version}", UriKind.Relative), content);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"publish {version}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Builds a package with <c>steward package build --from DIR --version V --output FILE</c>; returns the archive and what the command printed.</summary>
    public static async Task<(string Archive, string Output)> BuildPackageAsync(string from, string version, string archive)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Cli, "package", "build", "--from", from, "--version", version, "--output", archive })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"steward package build: {output}{errors}");
        return (archive, output);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
