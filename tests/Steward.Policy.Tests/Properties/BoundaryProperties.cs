using System.Numerics;
using Steward.Policy.Boundaries;
using Steward.Policy.Sites;
using Steward.Policy.Versions;

namespace Steward.Policy.Tests.Properties;

/// <summary>Boundary parsing and membership agree with a naive reading through IPAddress and BigInteger.</summary>
public class BoundaryProperties
{
    private const long Iterations = 20_000;

    private static readonly Site Template = new(SiteCode.ParseExact("A01"), new AgentVersion(2, 0, 1493, 2000), []);

    [Fact]
    public void AddressText_ParsesToTheReferenceValue_AndPrintsBackToTheSameAddress()
    {
        NetworkGen.AddressText.Sample(text =>
        {
            var parsed = NetworkAddress.Parse(text);
            var reference = ReferenceNetwork.Address(text);

            Assert.True(parsed.Success, parsed.Error);
            Assert.Equal(reference.IsIPv6, parsed.Value.IsIPv6);
            Assert.Equal(reference.Value, (BigInteger)parsed.Value.Value);
            Assert.Equal(parsed.Value, NetworkAddress.ParseExact(parsed.Value.ToString()));
        }, iter: Iterations);
    }

    [Fact]
    public void Identifies_AgreesWithTheReference()
    {
        NetworkGen.AddressText.Sample(text =>
            Assert.Equal(ReferenceNetwork.Identifies(text), IdentifyingAddresses.Identifies(NetworkAddress.ParseExact(text))),
            iter: Iterations);
    }

    [Fact]
    public void Subnet_IsAcceptedExactlyWhenThePrefixFitsAndNoHostBitIsSet()
    {
        var gen =
            from v6 in Gen.Bool
            from value in v6 ? NetworkGen.V6Value : NetworkGen.V4Value
            from prefix in Gen.Int[0, v6 ? 130 : 34]
            from clear in Gen.Frequency((3, true), (1, false))
            let bits = v6 ? 128 : 32
            let size = BigInteger.Pow(2, Math.Max(0, bits - prefix))
            let network = clear ? value / size * size : value
            select $"{NetworkGen.Text(v6, network)}/{prefix}";

        gen.Sample(text => AssertAgreesWithReference(text), iter: Iterations);
    }

    [Fact]
    public void Range_IsAcceptedExactlyWhenBothEndsShareAFamilyAndAreInOrder()
    {
        var gen =
            from a in NetworkGen.AddressText
            from b in Gen.Frequency((2, NetworkGen.AddressText), (1, Gen.Const(a)))
            select $"{a}-{b}";

        gen.Sample(text => AssertAgreesWithReference(text), iter: Iterations);
    }

    [Fact]
    public void ValidBoundaryText_AgreesWithTheReference_AndRoundTripsThroughItsPrintedForm()
    {
        NetworkGen.BoundaryText.Sample(text =>
        {
            AssertAgreesWithReference(text);
            if (Boundary.Parse(text) is { Success: true } parsed)
            {
                Assert.Equal(parsed.Value, Boundary.ParseExact(parsed.Value.ToString()));
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Membership_AgreesWithTheReference_AtTheEdgesAndAnywhere()
    {
        var gen =
            from text in NetworkGen.BoundaryText
            let reference = ReferenceNetwork.Boundary(text)
            where reference is not null
            let b = reference.Value
            from probe in Gen.Frequency(
                (1, Gen.Const(b.First - 1)),
                (1, Gen.Const(b.First)),
                (1, Gen.Const(b.Last)),
                (1, Gen.Const(b.Last + 1)),
                (1, Gen.Const((b.First + b.Last) / 2)),
                (2, b.IsIPv6 ? NetworkGen.V6Value : NetworkGen.V4Value))
            where probe >= 0 && probe <= NetworkGen.FamilyMax(b.IsIPv6)
            from otherFamily in Gen.Frequency((6, false), (1, true))
            from mapped in Gen.Frequency((6, Gen.Const(false)), (1, Gen.Const(!b.IsIPv6)))
            let v6 = b.IsIPv6 ^ otherFamily
            let value = otherFamily ? probe & NetworkGen.FamilyMax(v6) : probe
            let address = mapped && !otherFamily ? "::ffff:" + NetworkGen.Text(false, value) : NetworkGen.Text(v6, value)
            select (text, address);

        gen.Sample((text, address) =>
        {
            var boundary = Boundary.ParseExact(text);
            var parsed = NetworkAddress.ParseExact(address);
            var inside = ReferenceNetwork.Boundary(text)!.Value.Contains(ReferenceNetwork.Address(address));

            Assert.Equal(inside, boundary.Contains(parsed));
            Assert.Equal(inside && ReferenceNetwork.Identifies(address), new Site(Template.Code, Template.Version, [boundary]).Contains([parsed]));
        }, iter: Iterations);
    }

    private static void AssertAgreesWithReference(string text)
    {
        var parsed = Boundary.Parse(text);
        var reference = ReferenceNetwork.Boundary(text);

        Assert.True(reference.HasValue == parsed.Success, $"{text}: reference {(reference.HasValue ? "accepts" : "refuses")}, policy says {parsed.Error ?? "ok"}");
        if (reference is { } r)
        {
            Assert.Equal(r.IsIPv6, parsed.Value.IsIPv6);
            Assert.Equal(r.First, (BigInteger)parsed.Value.First.Value);
            Assert.Equal(r.Last, (BigInteger)parsed.Value.Last.Value);
        }
        else
        {
            Assert.Contains($"'{text}' is not a boundary", parsed.Error, StringComparison.Ordinal);
        }
    }
}
