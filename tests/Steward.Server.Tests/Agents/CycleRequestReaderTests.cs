using System.Buffers;
using System.Text;
using System.Text.Json;
using Steward.Protocol;
using Steward.Protocol.Agent;
using Steward.Server.Agents;

namespace Steward.Server.Tests.Agents;

/// <summary>The cycle's own body reader reads exactly what the serializer reads, or leaves the body to it.</summary>
public class CycleRequestReaderTests
{
    [Theory]
    [InlineData("""{"addresses":["10.2.0.1"],"installed":"2.00.1493.2000","sites":["B01"],"lastUpgrade":null}""")]
    [InlineData("""  { "sites" : [ ] , "installed" : null , "addresses" : [ "10.2.0.1" , "fe80::1" ] }  """)]
    [InlineData("""{"addresses":["\u0031\u0030.2.0.1"],"installed":"2.00\u002E1493.2000"}""")]
    [InlineData("""{"addresses":null,"sites":null}""")]
    [InlineData("""{}""")]
    [InlineData("""{"addresses":["10.2.0.1"],"installed":"2.00.1493.2000","nonce":"q83vEjRWeJCrze8SNFZ4kA","pinnedKey":"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"}""")]
    [InlineData("""{"pinnedKey":null,"nonce":null,"addresses":[]}""")]
    [InlineData("""{"nonce":"not checked here","addresses":[]}""")]
    [InlineData("""{"addresses":["10.2.0.1"],"installed":"2.00.1493.2000","sites":["B01"],"lastUpgrade":null,"travel":null}""")]
    [InlineData("""{"travel":true,"addresses":["10.2.0.1"]}""")]
    [InlineData("""{"addresses":["10.2.0.1"],"travel":false}""")]
    public void CommonShapes_ReadAsTheSerializerReadsThem(string json)
    {
        var fast = CycleRequestReader.TryRead(Sequence(json));

        Assert.NotNull(fast);
        AssertSame(Serializer(json), fast);
    }

    [Theory]
    [InlineData("""{"addresses":["10.2.0.1"],"lastUpgrade":{"version":"2.00.1493.2000","succeeded":true}}""")]
    [InlineData("""{"addresses":["10.2.0.1"],"computer":"PC-1"}""")]
    [InlineData("""{"addresses":["10.2.0.1"],"addresses":["10.2.0.2"]}""")]
    [InlineData("""{"Addresses":["10.2.0.1"]}""")]
    [InlineData("""{"addresses":["10.2.0.1"],"installed":2}""")]
    [InlineData("""{"addresses":["10.2.0.1"],"nonce":16}""")]
    [InlineData("""{"addresses":["10.2.0.1"],"pinnedKey":["a"]}""")]
    [InlineData("""{"nonce":"a","nonce":"b"}""")]
    [InlineData("""{"addresses":["10.2.0.1",null]}""")]
    [InlineData("""{"addresses":[["10.2.0.1"]]}""")]
    [InlineData("""{"addresses":"10.2.0.1"}""")]
    [InlineData("""{"addresses":["10.2.0.1"]} {}""")]
    [InlineData("""{"addresses":["10.2.0.1"],"travel":"on"}""")]
    [InlineData("""{"addresses":["10.2.0.1"],"travel":1}""")]
    [InlineData("""{"travel":true,"travel":false}""")]
    [InlineData("""{"addresses":["10.2.0.1"]} x""")]
    [InlineData("""["10.2.0.1"]""")]
    [InlineData("""{"addresses":["10.2.0.1"],""")]
    [InlineData("")]
    [InlineData("null")]
    public void AnythingElse_IsLeftToTheSerializer(string json)
    {
        Assert.Null(CycleRequestReader.TryRead(Sequence(json)));
    }

    [Fact]
    public void InvalidUtf8InAString_IsLeftToTheSerializer()
    {
        byte[] json = [.. "{\"addresses\":[\""u8, 0xFF, 0xFE, .. "\"],\"installed\":\""u8, 0xC0, .. "\"}"u8];

        Assert.Null(CycleRequestReader.TryRead(new ReadOnlySequence<byte>(json)));
    }

    [Fact]
    public void GeneratedRequests_ReadAsTheSerializerReadsThem_InOneOrManySegments()
    {
        var random = new Random(262677);
        for (var i = 0; i < 2000; i++)
        {
            var request = new CycleRequest(Texts(random), random.Next(4) == 0 ? null : Text(random), Texts(random), null, random.Next(3) switch { 0 => null, 1 => true, _ => false });
            var json = JsonSerializer.Serialize(request, ProtocolJson.Default.CycleRequest);

            AssertSame(request, CycleRequestReader.TryRead(Sequence(json)));
            AssertSame(request, CycleRequestReader.TryRead(Segments(Encoding.UTF8.GetBytes(json), random.Next(1, 16))));
        }
    }

    private static CycleRequest Serializer(string json) => JsonSerializer.Deserialize(json, ProtocolJson.Default.CycleRequest)!;

    private static void AssertSame(CycleRequest expected, CycleRequest? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Addresses, actual.Addresses);
        Assert.Equal(expected.Installed, actual.Installed);
        Assert.Equal(expected.Sites, actual.Sites);
        Assert.Equal(expected.Nonce, actual.Nonce);
        Assert.Equal(expected.PinnedKey, actual.PinnedKey);
        Assert.Equal(expected.Travel, actual.Travel);
        Assert.Null(actual.LastUpgrade);
        Assert.Null(actual.Health);
    }

    private static string[]? Texts(Random random) =>
        random.Next(5) == 0 ? null : Enumerable.Range(0, random.Next(0, 4)).Select(_ => Text(random)).ToArray();

    // Letters, digits, punctuation, quotes, backslashes, control characters and characters outside ASCII.
    private static string Text(Random random)
    {
        const string alphabet = "abcXYZ0129.:-_ \"\\/\t\né秘😀";
        var length = random.Next(0, 12);
        var text = new StringBuilder();
        while (text.Length < length)
        {
            var at = random.Next(alphabet.Length);
            text.Append(char.IsHighSurrogate(alphabet[at]) ? alphabet.Substring(at, 2) : char.IsLowSurrogate(alphabet[at]) ? "x" : alphabet[at].ToString());
        }

        return text.ToString();
    }

    private static ReadOnlySequence<byte> Sequence(string json) => new(Encoding.UTF8.GetBytes(json));

    // The body as a pipe may hand it over: in pieces.
    private static ReadOnlySequence<byte> Segments(byte[] bytes, int size)
    {
        Segment? first = null, last = null;
        for (var at = 0; at < bytes.Length; at += size)
        {
            var next = new Segment(bytes.AsMemory(at, Math.Min(size, bytes.Length - at)), last);
            first ??= next;
            last = next;
        }

        return first is null ? ReadOnlySequence<byte>.Empty : new ReadOnlySequence<byte>(first, 0, last!, last!.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, Segment? previous)
        {
            Memory = memory;
            if (previous is not null)
            {
                RunningIndex = previous.RunningIndex + previous.Memory.Length;
                previous.Next = this;
            }
        }
    }
}
