using Steward.Simulation.Loading.Reading;
using Steward.Simulation.Model;
using YamlDotNet.Core;

namespace Steward.Simulation.Loading.Yaml;

/// <summary>Parses the text of a scenario file into a <see cref="YamlNode"/> tree.</summary>
/// <remarks>
/// JSON is YAML: a pretty-printed JSON file, indented with spaces or with tabs, parses as a flow
/// mapping (YAML allows tabs between tokens in flow style; only block indentation must be spaces).
/// </remarks>
internal static class YamlTreeReader
{
    /// <summary>
    /// The root node of the file's one document, or null with exactly one problem added: a syntax
    /// error, an empty file, or a structural limit (see <see cref="YamlTreeBuilder"/>).
    /// </summary>
    public static YamlNode? Read(string text, ProblemList problems)
    {
        var builder = new YamlTreeBuilder(problems);
        try
        {
            var parser = new Parser(new StringReader(text));
            while (parser.MoveNext())
            {
                if (!builder.Accept(parser.Current!))
                {
                    return null;
                }
            }
        }
        catch (YamlException e)
        {
            problems.Add(SyntaxError(text, e));
            return null;
        }

        if (builder.Root is null or YamlScalar { IsNull: true })
        {
            problems.Add(new SourcePosition(1, 1), "the file is empty; a scenario needs at least 'sites'");
            return null;
        }

        return builder.Root;
    }

    private static ScenarioProblem SyntaxError(string text, YamlException e)
    {
        var at = YamlTreeBuilder.PositionOf(e.Start);

        // YamlDotNet reports a tab in block indentation at the start of the enclosing mapping, which can
        // be lines away; the tab itself is the useful place, and the fix is always the same.
        if (e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) && IndentationTab(text, at.Line) is { } tab)
        {
            return new ScenarioProblem(tab, "a tab in the indentation: YAML indents with spaces only (tabs are fine between the tokens of JSON); replace it with spaces");
        }

        return new ScenarioProblem(at, $"YAML syntax error: {e.Message}");
    }

    // The first tab in the leading whitespace of a line, from the given line (1-based) on.
    private static SourcePosition? IndentationTab(string text, int fromLine)
    {
        var line = 1;
        var lineStart = 0;
        while (lineStart <= text.Length)
        {
            if (line >= fromLine)
            {
                for (var i = lineStart; i < text.Length && text[i] is ' ' or '\t'; i++)
                {
                    if (text[i] == '\t')
                    {
                        return new SourcePosition(line, i - lineStart + 1);
                    }
                }
            }

            var end = text.IndexOf('\n', lineStart);
            if (end < 0)
            {
                return null;
            }

            lineStart = end + 1;
            line++;
        }

        return null;
    }
}
