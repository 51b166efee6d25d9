using Steward.LoadHarness;

// steward-load-harness register --url URL --token-file FILE --clients N --concurrency C --out DIR [--timeout SECONDS]
// Sets up one site and one logon point, enrolls N clients through the logon endpoint and writes what
// wrk needs (see HarnessOptions and ClientFiles). Load itself is wrk's job (bench/wrk/cycle.lua).
if (args.Length == 0 || args[0] != "register")
{
    await Console.Error.WriteLineAsync("usage: Steward.LoadHarness register --url URL --token-file FILE --clients N --concurrency C --out DIR [--timeout SECONDS]").ConfigureAwait(false);
    return 2;
}

HarnessOptions options;
try
{
    options = HarnessOptions.Parse(args[1..]);
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync($"Steward.LoadHarness: {e.Message}").ConfigureAwait(false);
    return 2;
}

using var timeout = new CancellationTokenSource(options.Timeout);
try
{
    return await Registration.RunAsync(options, timeout.Token).ConfigureAwait(false);
}
catch (OperationCanceledException) when (timeout.IsCancellationRequested)
{
    await Console.Error.WriteLineAsync($"Steward.LoadHarness: gave up after {options.Timeout.TotalSeconds:0} s").ConfigureAwait(false);
    return 1;
}
catch (HarnessException e)
{
    await Console.Error.WriteLineAsync($"Steward.LoadHarness: {e.Message}").ConfigureAwait(false);
    return 1;
}
