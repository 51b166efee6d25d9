namespace Steward.Agent.Tests.Infrastructure;

/// <summary>A test that must run as root (it changes owners and enters a chroot): skipped otherwise, except under CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (!Environment.IsPrivilegedProcess && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = "needs root: it gives files to the steward user and runs the script in a chroot";
        }
    }
}
