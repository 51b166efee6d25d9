using Steward.Server.Security;

namespace Steward.Server.Tests.Security;

public class SecretsTests
{
    [Fact]
    public void Matches_OnlyTheSecretOfTheStoredHash()
    {
        var secret = Secrets.New("sc_");
        var stored = Secrets.Hash(secret);

        Assert.True(Secrets.Matches(secret, stored));
        Assert.False(Secrets.Matches(secret + "x", stored));
        Assert.False(Secrets.Matches(Secrets.New("sc_"), stored));
        Assert.False(Secrets.Matches("", stored));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not hex at all")]
    [InlineData("abcd")]
    public void Matches_NeverAMalformedStoredHash(string stored)
    {
        Assert.False(Secrets.Matches("anything", stored));
    }

    [Fact]
    public void Matches_LongAndNonAsciiSecrets()
    {
        var secret = new string('é', 300) + "秘密";

        Assert.True(Secrets.Matches(secret, Secrets.Hash(secret)));
        Assert.False(Secrets.Matches(secret[..^1], Secrets.Hash(secret)));
    }
}
