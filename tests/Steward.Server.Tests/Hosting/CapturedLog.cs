using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Steward.Server.Tests.Hosting;

/// <summary>
/// A logger provider that keeps every entry (with its scopes) that the host's log filters let through, to
/// assert that the error log stays empty and to show what happened on a connection when it does not.
/// </summary>
public sealed class CapturedLog : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    private readonly ConcurrentQueue<Entry> _entries = new();

    /// <summary>One log entry; <c>Scopes</c> are the scopes it was written in (Kestrel's name the connection: "ConnectionId:...").</summary>
    public sealed record Entry(LogLevel Level, string Category, string Message, Exception? Exception, string Scopes)
    {
        public override string ToString() => $"{Level} {Category} [{Scopes}]: {Message}{(Exception is null ? "" : "\n" + Exception)}";
    }

    /// <summary>Every entry kept.</summary>
    public IReadOnlyList<Entry> All => [.. _entries];

    /// <summary>Entries of Error and Critical.</summary>
    public IReadOnlyList<Entry> Errors => [.. _entries.Where(e => e.Level >= LogLevel.Error)];

    /// <summary>
    /// Errors, and warnings of ASP.NET Core itself (Kestrel warns, for one, when a connection ends abnormally
    /// because the application left its request in a state it cannot go on from). One warning is Kestrel's
    /// own and is left out: a client that closes its connection in the middle of a Content-Length body can
    /// leave Kestrel's connection input mid-read ("Reading is already in progress", dotnet/aspnetcore#52324),
    /// whatever the application does.
    /// </summary>
    public IReadOnlyList<Entry> Faults => [.. _entries.Where(e => e.Level >= LogLevel.Error
        || (e.Level >= LogLevel.Warning && e.Category.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal) && e.Exception?.Message != "Reading is already in progress."))];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    /// <summary>Fails with every error entry when there is one.</summary>
    public void AssertNoErrors()
    {
        var errors = Errors;
        Assert.True(errors.Count == 0, $"the server logged {errors.Count} errors:\n{string.Join("\n", errors)}");
    }

    private sealed class Logger(CapturedLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => log._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                var scopes = new List<string>();
                log._scopes.ForEachScope((scope, list) => list.Add(scope?.ToString() ?? ""), scopes);
                log._entries.Enqueue(new Entry(logLevel, category, formatter(state, exception), exception, string.Join("; ", scopes)));
            }
        }
    }
}
