using Steward.Agent.Layout;
using Steward.Agent.Net;
using Steward.Agent.State;
using Steward.Agent.Update;

namespace Steward.Agent.Flows;

/// <summary>
/// One command's hold on the state directory: the lock, recovery from whatever an interrupted run left,
/// the state as read, and the HTTP connection. Only one session at a time per directory.
/// </summary>
internal sealed class AgentSession : IDisposable
{
    private readonly AgentLock _lock;

    private AgentSession(AgentContext context, AgentLock held)
    {
        Context = context;
        _lock = held;
        Store = new StateStore(context.Layout);
        Pointer = new CurrentPointer(context.Layout);
        Connection = new ServerConnection(context.Network, context.Time);
        Updater = new SelfUpdater(context.Layout, new PackageDownloader(Connection, context.Console), context.Console, context.Time);
    }

    /// <summary>The command's context.</summary>
    public AgentContext Context { get; }

    /// <summary>The state file.</summary>
    public StateStore Store { get; }

    /// <summary>The pointer to the running version.</summary>
    public CurrentPointer Pointer { get; }

    /// <summary>The HTTP client.</summary>
    public ServerConnection Connection { get; }

    /// <summary>Carries out package decisions.</summary>
    public SelfUpdater Updater { get; }

    /// <summary>Takes the lock and recovers; null when another agent holds the directory.</summary>
    public static AgentSession? Open(AgentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var held = AgentLock.TryTake(context.Layout);
        if (held is null)
        {
            return null;
        }

        try
        {
            foreach (var line in new Recovery(context.Layout, context.Time).Run())
            {
                context.Console.Progress("recovery: " + line);
            }
        }
        catch
        {
            held.Dispose();
            throw;
        }

        return new AgentSession(context, held);
    }

    /// <summary>
    /// The state, reconciled with what runs, its CA trusted by <see cref="Connection"/>: when an update was interrupted after its switch, the pointer
    /// names a version the state does not know yet, and the server is told at the next cycle.
    /// </summary>
    public StateLoad LoadState()
    {
        var load = Store.Load();
        if (!load.Ok)
        {
            return load;
        }

        // Every request of this session, downloads included, trusts the CA the state names.
        Connection.Trust.Use(load.State.Ca);

        var running = Pointer.Read();
        if (running is not null && running != load.State.Installed)
        {
            var note = $"Version {running} was found running; the update to it finished before the agent could record it.";
            Context.Console.Progress("recovery: " + note);
            var state = load.State with
            {
                Installed = running,
                PendingReport = load.State.PendingReport ?? new Protocol.Agent.UpgradeReport(running, true, note, running),
            };
            Store.Save(state);
            return load with { State = state };
        }

        return load;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Connection.Dispose();
        _lock.Dispose();
    }
}
