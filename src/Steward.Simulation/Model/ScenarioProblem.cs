namespace Steward.Simulation.Model;

/// <summary>One thing wrong with a scenario file, where it is, and what is wrong.</summary>
/// <param name="At">Where in the file.</param>
/// <param name="Message">What is wrong, for a person.</param>
public sealed record ScenarioProblem(SourcePosition At, string Message)
{
    /// <summary><c>FILE:3:7: message</c>, the form editors and compilers use.</summary>
    public string Format(string file) => $"{file}:{At.Line}:{At.Column}: {Message}";
}
