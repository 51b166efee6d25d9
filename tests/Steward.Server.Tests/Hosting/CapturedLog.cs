using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Steward.Server.Tests.Hosting;

/// <summary>A logger provider that keeps every entry of Warning and above, to assert that the error log stays empty.</summary>
public sealed class CapturedLog : ILoggerProvider
{
    private readonly ConcurrentQueue<Entry> _entries = new();

    public sealed record Entry(LogLevel Level, string Category, string Message, Exception? Exception)
    {
        public override string ToString() => $"{Level} {Category}: {Message}{(Exception is null ? "" : "\n" + Exception)}";
    }

    /// <summary>Entries of Error and Critical.</summary>
    public IReadOnlyList<Entry> Errors => [.. _entries.Where(e => e.Level >= LogLevel.Error)];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

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
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                log._entries.Enqueue(new Entry(logLevel, category, formatter(state, exception), exception));
            }
        }
    }
}
