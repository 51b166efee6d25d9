using Steward.Simulation.Model;

namespace Steward.Simulation.Loading.Yaml;

/// <summary>A scalar: its text, and whether it was written plain (so it may be a number, boolean or null).</summary>
internal sealed class YamlScalar : YamlNode
{
    // Messages quote the value; a long block scalar would drown the message.
    private const int DescribeLength = 40;

    public YamlScalar(SourcePosition at, string value, bool isPlain)
        : base(at)
    {
        Value = value;
        IsPlain = isPlain;
        IsComplete = true;
    }

    /// <summary>The text, without quotes.</summary>
    public string Value { get; }

    /// <summary>
    /// True when written without quotes or a <c>!!str</c> tag. Only a plain scalar is read as a number,
    /// a boolean or null (YAML 1.2 core schema); <c>"true"</c> in quotes is a string, as in JSON.
    /// </summary>
    public bool IsPlain { get; }

    /// <summary>True for an empty plain value, <c>~</c> or <c>null</c> (YAML 1.2 core schema).</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    /// <inheritdoc/>
    public override string Describe()
    {
        if (IsNull)
        {
            return "nothing";
        }

        return Value.Length <= DescribeLength ? $"'{Value}'" : $"'{Value[..DescribeLength]}...'";
    }
}
