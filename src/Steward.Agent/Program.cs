using System.Runtime.InteropServices;
using Steward.Agent.Cli;

using var stop = new CancellationTokenSource();

// SIGTERM (systemd stopping the service) and Ctrl+C end the run cleanly: what is half done is left for recovery.
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
{
    context.Cancel = true;
    stop.Cancel();
});
return await AgentCli.RunAsync(args, new AgentConsole(Console.Out, Console.Error), stop.Token).ConfigureAwait(false);
