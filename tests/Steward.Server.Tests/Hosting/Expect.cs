using System.Net;
using System.Net.Http.Json;
using Steward.Protocol;

namespace Steward.Server.Tests.Hosting;

/// <summary>Assertions on HTTP answers that show the body when they fail.</summary>
public static class Expect
{
    public static async Task StatusAsync(HttpStatusCode expected, HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.Fail($"Expected {(int)expected} {expected}, got {(int)response.StatusCode} {response.StatusCode}: {body}");
        }
    }

    /// <summary>A problem document (RFC 7807) with this status; returns it.</summary>
    public static async Task<ProblemDocument> ProblemAsync(HttpStatusCode expected, HttpResponseMessage response)
    {
        await StatusAsync(expected, response);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync(ProtocolJson.Default.ProblemDocument))!;
        Assert.Equal((int)expected, problem.Status);
        Assert.False(string.IsNullOrWhiteSpace(problem.Detail), "a problem document says what was wrong");
        return problem;
    }

    /// <summary>A 400 whose errors name the field; returns that field's messages.</summary>
    public static async Task<string[]> FieldErrorAsync(HttpResponseMessage response, string field)
    {
        var problem = await ProblemAsync(HttpStatusCode.BadRequest, response);
        Assert.NotNull(problem.Errors);
        Assert.True(problem.Errors!.ContainsKey(field), $"expected an error for '{field}', got: {string.Join(", ", problem.Errors.Keys)}");
        return problem.Errors[field];
    }
}
