using System.Diagnostics;
using System.Net;
using System.Text;

namespace Steward.Testing;

/// <summary>
/// What a child process printed, line by line, and a task for each line a test waits for: a test waits for
/// the line itself, never on a timer. Linked into every test project that starts a server process.
/// </summary>
internal sealed class ProcessOutput
{
    /// <summary>What the host prints once Kestrel listens and every hosted service has started.</summary>
    public const string StartedLine = "Application started.";

    private readonly StringBuilder _text = new();
    private readonly List<(string Text, TaskCompletionSource Printed)> _waiting = [];

    /// <summary>Everything printed so far, for failure messages.</summary>
    public string Text
    {
        get
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }
    }

    /// <summary>Reads both streams of <paramref name="process"/> (started with both redirected) into a new instance.</summary>
    public static ProcessOutput Of(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        var output = new ProcessOutput();
        process.OutputDataReceived += (_, e) => output.Append(e.Data);
        process.ErrorDataReceived += (_, e) => output.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return output;
    }

    /// <summary>Completes once a line containing <paramref name="text"/> was printed (at once if it already was).</summary>
    public Task PrintedAsync(string text)
    {
        var printed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_text)
        {
            if (_text.ToString().Contains(text, StringComparison.Ordinal))
            {
                return Task.CompletedTask;
            }

            _waiting.Add((text, printed));
        }

        return printed.Task;
    }

    /// <summary>
    /// Waits for a server process to be ready: the <see cref="StartedLine"/> it prints, or its exit (an
    /// error with what it printed); then <c>/readyz</c> must answer 200 at once. Two minutes at most, a bound
    /// for a hung start on a loaded machine, not a timing.
    /// </summary>
    public async Task ServerReadyAsync(Process process, Uri origin, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(process);
        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(PrintedAsync(StartedLine), exited).WaitAsync(TimeSpan.FromMinutes(2));
        if (first == exited)
        {
            throw new InvalidOperationException($"the server exited with {process.ExitCode} before it started:\n{Text}");
        }

        using var probe = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        using var response = await probe.GetAsync(new Uri(origin, Steward.Protocol.Routes.Ready));
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"the server started but /readyz answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}\n{Text}");
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_text)
        {
            _text.AppendLine(line);
            foreach (var waiter in _waiting.Where(w => line.Contains(w.Text, StringComparison.Ordinal)).ToList())
            {
                _waiting.Remove(waiter);
                waiter.Printed.TrySetResult();
            }
        }
    }
}
