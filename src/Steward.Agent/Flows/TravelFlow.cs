using Steward.Agent.Cli;

namespace Steward.Agent.Flows;

/// <summary>
/// <c>steward-agent travel on|off</c>: a person at the computer says it is travelling (or back). The change
/// is kept in the state and sent with the next maintenance cycle; the server records it and decides with it.
/// The latest change wins, this one or an administrator's (<c>steward client travel</c>).
/// </summary>
internal static class TravelFlow
{
    /// <summary>Records the change; exit code 3 when the computer is not enrolled.</summary>
    public static int Run(AgentContext context, bool on)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var session = AgentSession.Open(context);
        if (session is null)
        {
            context.Console.Problem($"another steward-agent is working in {context.Layout.Root}; nothing was changed. Try again when it has finished.");
            return ExitCodes.Busy;
        }

        var load = session.LoadState();
        if (!load.Ok)
        {
            context.Console.Problem(load.Problem!);
            return ExitCodes.StateProblem;
        }

        if (!load.State.Enrolled)
        {
            context.Console.Problem($"This computer has no client id in {session.Store.Layout.StateFile}; run 'steward-agent logon' to enroll it first.");
            return ExitCodes.StateProblem;
        }

        session.Store.Save(load.State with { PendingTravel = on });
        context.Console.Out.WriteLine(on
            ? "Travel mode on: the next maintenance cycle tells the server, which then keeps this computer's sites wherever it is."
            : "Travel mode off: the next maintenance cycle tells the server, which then drops the sites whose boundaries do not contain this computer.");
        return ExitCodes.Ok;
    }
}
