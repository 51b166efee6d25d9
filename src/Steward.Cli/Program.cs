using System.Text;
using Steward.Cli;

Console.OutputEncoding = Encoding.UTF8;
using var standardOutput = Console.OpenStandardOutput();
var terminal = new Steward.Cli.Console.Terminal(Console.Out, Console.Error, !Console.IsOutputRedirected) { OutBytes = standardOutput };
return StewardCli.Run(args, terminal);
