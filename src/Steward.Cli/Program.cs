using System.Text;
using Steward.Cli;
using Steward.Cli.Io;

Console.OutputEncoding = Encoding.UTF8;
using var standardOutput = Console.OpenStandardOutput();
var terminal = new Terminal(Console.Out, Console.Error, !Console.IsOutputRedirected) { OutBytes = standardOutput };
return await StewardCli.RunAsync(args, terminal, CliEnvironment.Process, CancellationToken.None);
