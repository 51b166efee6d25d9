using System.Text.RegularExpressions;
using Steward.Policy.Sites;
using Steward.Protocol.Admin;
using Steward.Server.Http;
using Steward.Server.Sites;

namespace Steward.Server.LogonPoints;

/// <summary>Checks a logon point request field by field.</summary>
internal static partial class LogonPointInput
{
    public const int MaxSites = 200;
    public const int MinSecret = 16;

    // \z, not $: a name ending in a line feed is not a name.
    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,64}\z")]
    private static partial Regex NamePattern();

    public static bool ValidName(string? name) => name is not null && NamePattern().IsMatch(name);

    public static (string Name, List<string> Sites, string? Senior, string? Secret)? Check(LogonPointRequest request, string? pathName, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(errors);
        var name = pathName ?? request.Name;
        if (name is not null && VisibleName.Problem(name) is { } hidden)
        {
            errors.Add("name", hidden);
        }
        else if (!ValidName(name))
        {
            errors.Add("name", $"'{name}' is not a logon point name: 1 to 64 letters, digits, '.', '-' or '_'");
        }
        else if (pathName is not null && request.Name is not null && request.Name != pathName)
        {
            errors.Add("name", $"the body names '{request.Name}' but the path names '{pathName}'; leave name out or make them agree");
        }

        var sites = new List<string>();
        if (request.Sites is not { Count: > 0 })
        {
            errors.Add("sites", "required: at least one participating site");
        }
        else if (request.Sites.Count > MaxSites)
        {
            errors.Add("sites", $"{request.Sites.Count} sites; at most {MaxSites} participate in one logon point");
        }
        else
        {
            for (var i = 0; i < request.Sites.Count; i++)
            {
                if (SiteInput.Code(request.Sites[i], $"sites[{i}]", errors) is { } code && !sites.Contains(code.ToString()))
                {
                    sites.Add(code.ToString());
                }
            }
        }

        string? senior = null;
        if (request.Senior is not null && SiteInput.Code(request.Senior, "senior", errors) is { } s)
        {
            senior = s.ToString();
            if (sites.Count > 0 && !sites.Contains(senior))
            {
                errors.Add("senior", $"site {senior} does not participate in this logon point; the senior site must be one of its sites");
            }
        }

        if (request.EnrollmentSecret is { } secret && (secret.Length < MinSecret || secret.Length > 200 || secret.Any(char.IsControl)))
        {
            errors.Add("enrollmentSecret", $"between {MinSecret} and 200 characters without control characters (or leave it out and the server makes one)");
        }

        sites.Sort(StringComparer.Ordinal);
        return errors.Any ? null : (name!, sites, senior, request.EnrollmentSecret);
    }
}
