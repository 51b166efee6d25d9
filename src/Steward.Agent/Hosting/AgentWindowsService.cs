using System.Runtime.Versioning;
using System.ServiceProcess;
using Steward.Agent.Flows;

namespace Steward.Agent.Hosting;

/// <summary>
/// The Windows service host: the Service Control Manager starts and stops <see cref="ServiceLoop"/> through
/// it. Compiled everywhere, used only on Windows (and not tested here: only Linux is).
/// </summary>
[SupportedOSPlatform("windows")]
internal sealed class AgentWindowsService : ServiceBase
{
    private readonly AgentContext _context;
    private readonly Schedule _schedule;
    private readonly CancellationTokenSource _stop = new();
    private Task<int>? _loop;

    /// <summary>A service that runs the loop with the given context and schedule.</summary>
    public AgentWindowsService(AgentContext context, Schedule schedule)
    {
        _context = context;
        _schedule = schedule;
        ServiceName = "StewardAgent";
        CanStop = true;
        CanShutdown = true;
    }

    /// <inheritdoc/>
    protected override void OnStart(string[] args)
    {
        _loop = Task.Run(async () =>
        {
            var exit = await ServiceLoop.RunAsync(_context, _schedule, new Random(), _stop.Token).ConfigureAwait(false);

            // The loop ends by itself after installing a new version: stop with an error code so that the
            // service's recovery actions start it again, now as the new version.
            ExitCode = exit == 0 && !_stop.IsCancellationRequested ? 1 : exit;
            if (!_stop.IsCancellationRequested)
            {
                Stop();
            }

            return exit;
        });
    }

    /// <inheritdoc/>
    protected override void OnStop()
    {
        _stop.Cancel();
        _loop?.Wait(TimeSpan.FromSeconds(30));
    }

    /// <inheritdoc/>
    protected override void OnShutdown() => OnStop();

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stop.Dispose();
        }

        base.Dispose(disposing);
    }
}
