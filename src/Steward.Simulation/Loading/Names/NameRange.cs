using System.Globalization;
using Steward.Simulation.Model;

namespace Steward.Simulation.Loading.Names;

/// <summary>
/// The names of one generate block: <see cref="Prefix"/> followed by 1 to <see cref="Count"/> in
/// <see cref="Digits"/> digits, as <see cref="GenerateBlock.NameOf(string, int, int)"/> makes them. Collisions and
/// references are decided arithmetically, without making a million strings.
/// </summary>
/// <param name="Prefix">The block's prefix, as written.</param>
/// <param name="Count">How many clients the block makes (1 to <see cref="ScenarioLimits.MaxClients"/>).</param>
/// <param name="Block">Where the block starts, for messages.</param>
/// <param name="PrefixAt">Where its prefix is, where a collision with an earlier block is reported.</param>
internal readonly record struct NameRange(string Prefix, int Count, SourcePosition Block, SourcePosition PrefixAt)
{
    /// <summary>How many digits follow the prefix.</summary>
    public int Digits => GenerateBlock.DigitsFor(Count);

    /// <summary>The name of client <paramref name="index"/> (from 0).</summary>
    public string NameOf(int index) => GenerateBlock.NameOf(Prefix, Count, index);

    /// <summary><c>WS000001 to WS100000</c>, for messages.</summary>
    public string Span => Count == 1 ? NameOf(0) : $"{NameOf(0)} to {NameOf(Count - 1)}";

    /// <summary>
    /// True when the block makes <paramref name="name"/> (compared without regard to case), with the
    /// client's index (from 0).
    /// </summary>
    public bool TryIndexOf(string name, out int index) =>
        GenerateBlock.TryIndexOf(Prefix, Count, name, StringComparison.OrdinalIgnoreCase, out index);

    /// <summary>
    /// A name that both blocks make, or null when they make none in common.
    /// </summary>
    /// <remarks>
    /// Names of equal length are needed. With <c>a</c> the block with the shorter (or equal) prefix,
    /// <c>b</c>'s prefix must be <c>a</c>'s prefix followed by digits <c>R</c> (possibly none): then
    /// <c>a</c>'s number <c>i</c> spells <c>R</c> followed by <c>b</c>'s number <c>j</c> in
    /// <c>b.Digits</c> digits, that is <c>i = R * 10^b.Digits + j</c>. Since <c>j</c> runs from 1, the
    /// blocks share a name exactly when <c>R * 10^b.Digits + 1 &lt;= a.Count</c>, and <c>b</c>'s first
    /// name is one of them.
    /// </remarks>
    public string? FirstCommonName(NameRange other)
    {
        var (a, b) = Prefix.Length <= other.Prefix.Length ? (this, other) : (other, this);
        if (a.Prefix.Length + a.Digits != b.Prefix.Length + b.Digits ||
            !b.Prefix.StartsWith(a.Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var rest = b.Prefix.AsSpan(a.Prefix.Length);
        if (rest.ContainsAnyExceptInRange('0', '9'))
        {
            return null;
        }

        // rest has a.Digits - b.Digits <= 8 - 6 = 2 digits, and 10^b.Digits <= 10^8: no overflow.
        long high = rest.IsEmpty ? 0 : long.Parse(rest, NumberStyles.None, CultureInfo.InvariantCulture);
        var scale = 1L;
        for (var d = 0; d < b.Digits; d++)
        {
            scale *= 10;
        }

        return (high * scale) + 1 <= a.Count ? b.NameOf(0) : null;
    }
}
