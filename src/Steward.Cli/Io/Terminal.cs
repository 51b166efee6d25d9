using Spectre.Console;

namespace Steward.Cli.Io;

/// <summary>
/// Where a command writes: standard output for results, standard error for problems, and whether
/// output goes to a person (colour, terminal width) or to a pipe (plain text, wide lines).
/// </summary>
/// <param name="Out">Results.</param>
/// <param name="Error">Problems and progress.</param>
/// <param name="Interactive">True when standard output is a terminal.</param>
public sealed record Terminal(TextWriter Out, TextWriter Error, bool Interactive)
{
    /// <summary>The width used when output does not go to a terminal, so that tables in files stay readable.</summary>
    public const int PipeWidth = 160;

    /// <summary>
    /// The byte stream under <see cref="Out"/>, when there is one (the process's standard output), so
    /// that large documents are streamed as UTF-8 without passing through a string.
    /// </summary>
    public Stream? OutBytes { get; init; }

    /// <summary>A Spectre console over <see cref="Out"/>: colour only for a terminal.</summary>
    public IAnsiConsole Rich()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Out),
            Ansi = Interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = Interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!Interactive)
        {
            console.Profile.Width = PipeWidth;
        }

        return console;
    }

    /// <summary>
    /// A Spectre console over <see cref="Error"/> for live progress (a bar redrawn in place), so that a
    /// bar never mixes with results. Use it only when <see cref="Interactive"/>.
    /// </summary>
    public IAnsiConsole ProgressConsole() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Error),
        Ansi = AnsiSupport.Detect,
        ColorSystem = ColorSystemSupport.Detect,
        Interactive = InteractionSupport.Yes,
    });
}
