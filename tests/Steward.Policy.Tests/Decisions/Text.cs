namespace Steward.Policy.Tests.Decisions;

internal static class Text
{
    /// <summary>Asserts that a rendered reason states each fact (not the exact sentence).</summary>
    public static void Mentions(string reason, params string[] facts)
    {
        Assert.False(string.IsNullOrWhiteSpace(reason));
        foreach (var fact in facts)
        {
            Assert.Contains(fact, reason, StringComparison.Ordinal);
        }
    }

    public static void DoesNotMention(string reason, params string[] facts)
    {
        foreach (var fact in facts)
        {
            Assert.DoesNotContain(fact, reason, StringComparison.Ordinal);
        }
    }
}
