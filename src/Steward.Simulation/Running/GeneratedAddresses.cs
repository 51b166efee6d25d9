using System.Numerics;
using Steward.Policy.Boundaries;
using Steward.Simulation.Model;

namespace Steward.Simulation.Running;

/// <summary>
/// The address of each client of a <see cref="GenerateBlock"/>: client <c>i</c> (from 0) gets
/// <c>first + floor(i * size / count)</c>, spreading the block evenly over its boundary (docs/RULES.md section 6).
/// </summary>
/// <remarks>
/// The size of an IPv6 boundary can be 2^128, which no fixed-width integer holds, and <c>i * size</c>
/// overflows even sooner. So the quotient and remainder of <c>size / count</c> are computed once per
/// block with <see cref="BigInteger"/>, and then <c>floor(i * size / count) = i * q + floor(i * r / count)</c>
/// per client: <c>i * r</c> is below <c>count^2 &lt; 2^62</c>, and the sum never exceeds <c>size - 1</c>.
/// </remarks>
internal readonly struct GeneratedAddresses
{
    private readonly bool _isIPv6;
    private readonly UInt128 _first;
    private readonly UInt128 _quotient;
    private readonly ulong _remainder;
    private readonly ulong _count;

    public GeneratedAddresses(GenerateBlock block)
    {
        var boundary = block.Addresses;
        var size = (BigInteger)boundary.SizeMinusOne + 1;
        if (block.Count > 0 && size < block.Count)
        {
            throw new ArgumentException(
                $"Generated block {block.Prefix} ({block.At}) has {block.Count} clients but its boundary {boundary} holds only {size} addresses; a valid scenario refuses it.",
                nameof(block));
        }

        _isIPv6 = boundary.IsIPv6;
        _first = boundary.First.Value;
        _count = (ulong)Math.Max(block.Count, 1);
        var quotient = BigInteger.DivRem(size, _count, out var remainder);
        // Only ::/0 with a count of 1 has a quotient of 2^128; its one client (i = 0) never multiplies by it.
        _quotient = quotient > UInt128.MaxValue ? UInt128.Zero : (UInt128)quotient;
        _remainder = (ulong)remainder;
    }

    /// <summary>The address of client <paramref name="i"/> of the block (from 0).</summary>
    public NetworkAddress At(int i)
    {
        var offset = ((UInt128)(uint)i * _quotient) + ((ulong)(uint)i * _remainder / _count);
        return new NetworkAddress(_isIPv6, _first + offset);
    }
}
