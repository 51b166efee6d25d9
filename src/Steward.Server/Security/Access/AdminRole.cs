namespace Steward.Server.Security.Access;

/// <summary>What an administrator token may do; each role may do everything the ones below it may.</summary>
internal enum AdminRole
{
    /// <summary>Reads: every <c>GET</c> of the admin API.</summary>
    Viewer = 1,

    /// <summary>Also changes site versions and client settings.</summary>
    Operator = 2,

    /// <summary>Everything: tokens, sites, logon points, packages.</summary>
    Admin = 3,
}

/// <summary>Roles as words, the form stored and sent.</summary>
internal static class AdminRoles
{
    public const string Words = "viewer, operator or admin";

    public static string Word(this AdminRole role) => role switch
    {
        AdminRole.Viewer => "viewer",
        AdminRole.Operator => "operator",
        _ => "admin",
    };

    public static AdminRole? Parse(string? word) => word switch
    {
        "viewer" => AdminRole.Viewer,
        "operator" => AdminRole.Operator,
        "admin" => AdminRole.Admin,
        _ => null,
    };
}
