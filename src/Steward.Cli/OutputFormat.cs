namespace Steward.Cli;

/// <summary>How a verb prints its result.</summary>
public enum OutputFormat
{
    /// <summary>Tables and sentences for people.</summary>
    Table,

    /// <summary>One JSON document on standard output and nothing else.</summary>
    Json,
}
