using System.Text;
using Steward.Policy.Sites;

namespace Steward.Simulation.Running;

/// <summary>The words of an <c>Applied</c> <c>siteVersion</c> step: the site's new version, and what each logon point now carries.</summary>
internal static class SiteVersionReason
{
    public static string Describe(SiteTable before, SiteTable after, int site, IReadOnlyList<LogonPoint> points)
    {
        var text = new StringBuilder();
        text.Append($"Site {after[site].Code} now serves {after[site].Version}; it served {before[site].Version}.");
        foreach (var point in points)
        {
            if (!point.Participating.Contains(site))
            {
                continue;
            }

            // The senior site is decided afresh at every request, so a new version can move the package.
            var was = point.SeniorSite(before);
            var now = point.SeniorSite(after);
            if (was != now || before[was].Version != after[now].Version)
            {
                text.Append($" Logon point {point.Name} now carries {after[now].Version} (senior site {after[now].Code}); it carried {before[was].Version} ({before[was].Code}).");
            }
        }

        return text.ToString();
    }
}
