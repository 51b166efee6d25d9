using System.Globalization;
using Steward.Policy.Boundaries;
using Steward.Policy.Rollouts;
using Steward.Policy.Sites;
using Steward.Policy.Versions;

namespace Steward.Simulation.Model;

/// <summary>
/// Many alike clients (docs/RULES.md section 6, <c>generate</c>): client <c>i</c> (from 0) is named
/// <see cref="Prefix"/> followed by <c>i + 1</c> in at least six digits (<see cref="Digits"/>), and has
/// the one address <c>first + floor(i * size / count)</c> of <see cref="Addresses"/>. With
/// <see cref="FailRate"/>, a client whose <c>h("fail/" + name)</c> is below it fails every upgrade; with
/// <see cref="OfflineRate"/>, one whose <c>h("offline/" + name)</c> is below it has no cycles in <c>run</c>.
/// </summary>
public sealed record GenerateBlock(
    int Count,
    string Prefix,
    Boundary Addresses,
    AgentVersion? Installed,
    IReadOnlyList<SiteCode> Sites,
    bool Travel,
    SourcePosition At,
    Rate? FailRate = null,
    Rate? OfflineRate = null)
{
    private const int MinDigits = 6;

    /// <summary>How many digits follow the prefix: six, more when the count needs them.</summary>
    public int Digits => DigitsFor(Count);

    /// <summary>The name of client <paramref name="i"/> (from 0).</summary>
    public string NameOf(int i) => NameOf(Prefix, Count, i);

    /// <summary>True when the block makes <paramref name="name"/>, with the client's index (from 0).</summary>
    public bool TryIndexOf(string name, StringComparison comparison, out int index) => TryIndexOf(Prefix, Count, name, comparison, out index);

    /// <summary>How many digits follow the prefix of a block of <paramref name="count"/> clients.</summary>
    public static int DigitsFor(int count) => Math.Max(MinDigits, count.ToString(CultureInfo.InvariantCulture).Length);

    /// <summary>The name of client <paramref name="i"/> (from 0) of a block: the prefix, then <c>i + 1</c> in <see cref="DigitsFor"/> digits.</summary>
    public static string NameOf(string prefix, int count, int i) =>
        prefix + (i + 1).ToString(CultureInfo.InvariantCulture).PadLeft(DigitsFor(count), '0');

    /// <summary>
    /// True when a block with this prefix and count makes <paramref name="name"/> (the prefix, then exactly
    /// <see cref="DigitsFor"/> decimal digits holding 1 to <paramref name="count"/>), with the index (from 0).
    /// Parsed arithmetically, so that a million generated names never exist as strings.
    /// </summary>
    public static bool TryIndexOf(string prefix, int count, string name, StringComparison comparison, out int index)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(name);
        index = -1;
        if (name.Length != prefix.Length + DigitsFor(count) || !name.StartsWith(prefix, comparison))
        {
            return false;
        }

        var digits = name.AsSpan(prefix.Length);
        if (digits.ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        var number = long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        if (number < 1 || number > count)
        {
            return false;
        }

        index = (int)(number - 1);
        return true;
    }
}
