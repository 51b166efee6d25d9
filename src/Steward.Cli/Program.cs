using System.Text;
using Steward.Cli;

Console.OutputEncoding = Encoding.UTF8;
return StewardCli.Run(args, new Steward.Cli.Console.Terminal(Console.Out, Console.Error, !Console.IsOutputRedirected));
