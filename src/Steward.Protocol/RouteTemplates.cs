namespace Steward.Protocol;

/// <summary>
/// The route templates the server maps (ASP.NET Core syntax, a <c>{name}</c> per path parameter), built
/// from the same strings as <see cref="Routes"/>, which gives the paths a client sends: one place says
/// where each endpoint is (see docs/PROTOCOL.md).
/// </summary>
public static class RouteTemplates
{
    /// <summary>One site (<see cref="Routes.Site"/>).</summary>
    public const string Site = Routes.Sites + "/{code}";

    /// <summary>One site's version (<see cref="Routes.SiteVersion"/>).</summary>
    public const string SiteVersion = Site + "/version";

    /// <summary>One logon point (<see cref="Routes.LogonPoint"/>).</summary>
    public const string LogonPoint = Routes.LogonPoints + "/{name}";

    /// <summary>One published package (<see cref="Routes.Package"/>).</summary>
    public const string Package = Routes.Packages + "/{version}";

    /// <summary>One client (<see cref="Routes.Client"/>).</summary>
    public const string Client = Routes.Clients + "/{id}";

    /// <summary>One client's travel mode (<see cref="Routes.ClientTravel"/>).</summary>
    public const string ClientTravel = Client + "/travel";

    /// <summary>Retiring a signing key (<see cref="Routes.KeyRetire"/>).</summary>
    public const string KeyRetire = Routes.Keys + "/{number}/retire";

    /// <summary>One rollout (<see cref="Routes.Rollout"/>).</summary>
    public const string Rollout = Routes.Rollouts + "/{id}";

    /// <summary>One administrator token (<see cref="Routes.Token"/>).</summary>
    public const string Token = Routes.Tokens + "/{name}";

    /// <summary>A logon point's logon (<see cref="Routes.Logon"/>).</summary>
    public const string Logon = Routes.Api + "/logon/{name}";

    /// <summary>A site's access point (<see cref="Routes.AccessPoint"/>).</summary>
    public const string AccessPoint = Routes.Api + "/access/{site}";

    /// <summary>One maintenance cycle (<see cref="Routes.Cycle"/>).</summary>
    public const string Cycle = AccessPoint + Routes.CycleLeaf;

    /// <summary>An upgrade report (<see cref="Routes.Report"/>).</summary>
    public const string Report = AccessPoint + Routes.ReportLeaf;

    /// <summary>Package content by SHA-256 (<see cref="Routes.Content"/>).</summary>
    public const string Content = Routes.Api + "/content/{sha256}";

    /// <summary>A verb on a rollout (<see cref="Routes.RolloutVerb"/>): <c>promote</c>, <c>halt</c>, <c>resume</c> or <c>abort</c>.</summary>
    public static string RolloutVerb(string verb) => $"{Rollout}/{verb}";
}
