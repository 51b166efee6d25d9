using System.Text.Json.Nodes;

namespace Steward.Simulation.Tests.Golden;

/// <summary>The golden tests' failure message names the first differing path and both values.</summary>
public sealed class JsonDifferenceTests
{
    [Theory]
    [InlineData("""{"a": [1, {"b": "x"}]}""", """{"a": [1, {"b": "x"}]}""", null)]
    [InlineData("""{"a": 1, "b": 2}""", """{"b": 2, "a": 1}""", null)]
    [InlineData("""{"a": [1, {"b": "x"}]}""", """{"a": [1, {"b": "y"}]}""", """$.a[1].b: expected "x", actual "y" """)]
    [InlineData("""{"a": [1, 2]}""", """{"a": [1]}""", "$.a: expected 2 items, actual 1")]
    [InlineData("""{"a": 1}""", """{"a": 1, "c": null}""", "$.c: expected no such key, actual null")]
    [InlineData("""{"a": 1, "k": "s"}""", """{"a": 1}""", """$.k: expected "s", actual has no such key""")]
    [InlineData("""{"v": null}""", """{"v": "2.00.1493.2000"}""", """$.v: expected null, actual "2.00.1493.2000" """)]
    public void First_NamesPathAndValues(string expected, string actual, string? difference) =>
        Assert.Equal(difference?.TrimEnd(), JsonDifference.First(JsonNode.Parse(expected), JsonNode.Parse(actual)));
}
