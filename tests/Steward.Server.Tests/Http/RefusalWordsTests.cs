using Steward.Server.Http;
using Steward.Server.Rules;
using Steward.Server.Storage;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Tests.Http;

/// <summary>The store refuses with facts; the rules decide them, the HTTP layer words them.</summary>
public class RefusalWordsTests
{
    [Fact]
    public void EveryRefusal_HasWords()
    {
        var kinds = typeof(StoreRefusal).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(StoreRefusal))).ToList();
        StoreRefusal[] samples =
        [
            new PackageMissing("2.00.1493.2000"), new ArchiveAlreadyPublished("2.00.1493.2000"), new PackageServed("2.00.1493.2000", ["A01", "B01"]),
            new SiteInLogonPoints("A01", ["DC1"]), new SiteHasClients("A01", 3), new SitesMissing(["Z99"]), new RevisionChanged("A01", 4, 2),
            new TokenNameTaken("ci"), new TokenRevokedAlready("ci"), new LastActiveAdmin("admin"),
            new KeyRotatedMeanwhile(2), new KeyActive(2), new KeyRetiredAlready(1), new KeyPinned(1, 3),
            new RolloutRefused("Cannot halt rollout sp of B01: it is complete.", null), new SiteInRollout("B01", "sp", "spreading"), new PackageInRollout("2.00.1493.2100", "sp"),
            new RollbackPackageMissing("sp", "2.00.1493.2000", "2.00.1493.2100"),
        ];

        Assert.Equal(kinds.Select(k => k.Name).Order(StringComparer.Ordinal), samples.Select(s => s.GetType().Name).Order(StringComparer.Ordinal));
        Assert.All(samples, s => Assert.False(string.IsNullOrWhiteSpace(RefusalWords.Of(s))));
        Assert.Equal("site A01, B01 serves version 2.00.1493.2000; set another version first", RefusalWords.Of(samples[2]));
        Assert.Equal("version", RefusalWords.FieldOf(new SiteInRollout("B01", "sp", "halted")));
        Assert.Null(RefusalWords.FieldOf(samples[2]));
    }

    [Fact]
    public void ActiveRollout_RefusesAChangeOfItsSitesVersion_NotAReplacementThatKeepsIt()
    {
        var site = new SiteRow { Code = "B01", Version = "2.00.1493.2000" };
        var rollout = new RolloutRow { Id = "sp", State = "halted" };

        Assert.Equal(new SiteInRollout("B01", "sp", "halted"), AdminRules.SiteVersionChange(site, "2.00.1493.2100", rollout));
        Assert.Null(AdminRules.SiteVersionChange(site, "2.00.1493.2000", rollout));
        Assert.Null(AdminRules.SiteVersionChange(site, "2.00.1493.2100", null));
        Assert.Equal(new PackageInRollout("2.00.1493.2100", "sp"), AdminRules.PackageInActiveRollout("2.00.1493.2100", "sp"));
        Assert.Null(AdminRules.PackageInActiveRollout("2.00.1493.2100", null));
    }

    [Fact]
    public void Rules_RefuseOnlyWhatIsInUseOrMissing()
    {
        Assert.Null(AdminRules.SiteVersion("2.00.1493.2000", published: true));
        Assert.Equal(new PackageMissing("2.00.1493.2000"), AdminRules.SiteVersion("2.00.1493.2000", published: false));
        var rollout = new RolloutRow { Id = "sp", FromVersion = "2.00.1493.2000", ToVersion = "2.00.1493.2100" };
        Assert.Null(AdminRules.RollbackPackage(rollout, fromPublished: true));
        Assert.Equal(new RollbackPackageMissing("sp", "2.00.1493.2000", "2.00.1493.2100"), AdminRules.RollbackPackage(rollout, fromPublished: false));
        Assert.Null(AdminRules.SiteRevision("A01", 3, null));
        Assert.Null(AdminRules.SiteRevision("A01", 3, 3));
        Assert.Equal(new RevisionChanged("A01", 3, 2), AdminRules.SiteRevision("A01", 3, 2));
        Assert.IsType<SiteInLogonPoints>(AdminRules.SiteDeletion("A01", ["DC1"], 5));
        Assert.Equal(new SiteHasClients("A01", 5), AdminRules.SiteDeletion("A01", [], 5));
        Assert.Null(AdminRules.SiteDeletion("A01", [], 0));
        Assert.Null(AdminRules.PackageDeletion("2.00.1493.2000", []));
        Assert.Equal(StoreStatus.RevisionMismatch, StoreResult.Refused(new RevisionChanged("A01", 3, 2)).Status);
        Assert.Equal(StoreStatus.Conflict, StoreResult.Refused(new SitesMissing(["Z99"])).Status);
    }

    [Fact]
    public void TokenRules_ANameOnce_ARevocationOnce_NeverTheLastActiveAdmin()
    {
        const long Now = 1_000;
        var admin = new TokenRow { Name = "admin", Role = "admin" };
        var other = new TokenRow { Name = "root-2", Role = "admin" };
        var expiredOther = new TokenRow { Name = "old", Role = "admin", ExpiresAt = Now };
        var viewer = new TokenRow { Name = "ci", Role = "viewer" };

        Assert.Equal(new TokenNameTaken("ci"), AdminRules.TokenName("ci", taken: true));
        Assert.Null(AdminRules.TokenName("ci", taken: false));
        Assert.Equal(new LastActiveAdmin("admin"), AdminRules.TokenRevocation(admin, [admin, expiredOther], Now));
        Assert.Null(AdminRules.TokenRevocation(admin, [admin, other], Now));
        Assert.Null(AdminRules.TokenRevocation(viewer, [admin], Now));
        Assert.Equal(new TokenRevokedAlready("ci"), AdminRules.TokenRevocation(new TokenRow { Name = "ci", Role = "viewer", RevokedAt = 5 }, [admin], Now));
    }

    [Fact]
    public void KeyRules_TheNextNumberOnly_RetireOnlyAnEndorsedKeyNoClientPins()
    {
        Assert.Null(AdminRules.KeyRotation(3, next: 3));
        Assert.Equal(new KeyRotatedMeanwhile(3), AdminRules.KeyRotation(3, next: 4));
        Assert.Equal(new KeyActive(2), AdminRules.KeyRetirement(2, SigningKeyStates.Active, 0));
        Assert.Equal(new KeyRetiredAlready(1), AdminRules.KeyRetirement(1, SigningKeyStates.Retired, 0));
        Assert.Equal(new KeyPinned(1, 3), AdminRules.KeyRetirement(1, SigningKeyStates.Endorsed, 3));
        Assert.Null(AdminRules.KeyRetirement(1, SigningKeyStates.Endorsed, 0));
    }
}
