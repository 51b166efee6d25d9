namespace Steward.Policy.Decisions;

/// <summary>
/// A change of a client's travel mode, made at the computer (<c>steward-agent travel on|off</c>, sent with its
/// next maintenance cycle) or by an administrator's token. Whichever change reaches the server last wins, and
/// each is recorded in the client's history with these words (decision 0014).
/// </summary>
public static class TravelChange
{
    /// <summary>The words an agent's change is recorded with.</summary>
    public const string ByAgent = "the agent";

    /// <summary>Who changed it, as the history says it: the agent, or the administrator's token by its name.</summary>
    public static string ByToken(string name) => $"token {name}";

    /// <summary>The reason recorded for turning travel mode <paramref name="on"/> or off, by <paramref name="by"/>.</summary>
    public static string Reason(bool on, string by) =>
        on
            ? $"Travel mode turned on by {by}: from its next maintenance cycle the client keeps its sites even where their boundaries do not contain it."
            : $"Travel mode turned off by {by}: from its next maintenance cycle the client is dropped from every site whose boundaries do not contain it.";
}
