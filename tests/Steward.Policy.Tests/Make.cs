using Steward.Policy.Boundaries;
using Steward.Policy.Sites;
using Steward.Policy.Versions;

namespace Steward.Policy.Tests;

/// <summary>Short constructors for the values the tests write by hand.</summary>
internal static class Make
{
    public static AgentVersion V(string text) => AgentVersion.Parse(text);

    public static SiteCode Code(string text) => SiteCode.ParseExact(text);

    public static NetworkAddress Ip(string text) => NetworkAddress.ParseExact(text);

    public static NetworkAddress[] Ips(params string[] texts) => [.. texts.Select(Ip)];

    public static Boundary B(string text) => Boundary.ParseExact(text);

    public static Site Site(string code, string version, params string[] boundaries) =>
        new(Code(code), V(version), [.. boundaries.Select(B)]);

    public static Site UnreadableSite(string code, string version) =>
        new(Code(code), V(version), [], boundariesKnown: false);
}
