namespace Steward.Simulation.Model;

/// <summary>A place in a scenario file: 1-based line and column.</summary>
/// <param name="Line">The line, from 1.</param>
/// <param name="Column">The column, from 1.</param>
public readonly record struct SourcePosition(int Line, int Column)
{
    /// <summary><c>line 3, column 7</c>.</summary>
    public override string ToString() => $"line {Line}, column {Column}";
}
