using Steward.Policy.Boundaries;
using Steward.Policy.Sites;
using Steward.Policy.Versions;

namespace Steward.Simulation.Model;

/// <summary>
/// Many alike clients (SPEC section 5, <c>generate</c>): client <c>i</c> (from 0) is named
/// <see cref="Prefix"/> followed by <c>i + 1</c> in at least six digits (<see cref="Digits"/>), and has
/// the one address <c>first + floor(i * size / count)</c> of <see cref="Addresses"/>.
/// </summary>
public sealed record GenerateBlock(
    int Count,
    string Prefix,
    Boundary Addresses,
    AgentVersion? Installed,
    IReadOnlyList<SiteCode> Sites,
    bool Travel,
    SourcePosition At)
{
    /// <summary>How many digits follow the prefix: six, more when the count needs them.</summary>
    public int Digits => Math.Max(6, Count.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);

    /// <summary>The name of client <paramref name="i"/> (from 0).</summary>
    public string NameOf(int i) => Prefix + (i + 1).ToString(new string('0', Digits), System.Globalization.CultureInfo.InvariantCulture);
}
