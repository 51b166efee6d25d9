using Steward.Policy.Boundaries;
using Steward.Policy.Sites;
using Steward.Policy.Versions;
using Steward.Protocol.Admin;
using Steward.Server.Http;

namespace Steward.Server.Sites;

/// <summary>Checks a site request field by field and gives the canonical values.</summary>
internal static class SiteInput
{
    public const int MaxBoundaries = 1000;
    public const int MaxName = 200;

    public static SiteCode? Code(string? text, string field, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrEmpty(text))
        {
            errors.Add(field, "required: three letters or digits, like A01");
            return null;
        }

        var parsed = SiteCode.Parse(text);
        if (!parsed.Success)
        {
            errors.Add(field, parsed.Error!);
            return null;
        }

        return parsed.Value;
    }

    public static AgentVersion? Version(string? text, string field, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrEmpty(text))
        {
            errors.Add(field, "required: an agent version like 2.00.1493.2000");
            return null;
        }

        var parsed = AgentVersion.TryParse(text);
        if (!parsed.Success)
        {
            errors.Add(field, parsed.Error!);
            return null;
        }

        return parsed.Value;
    }

    /// <summary>The canonical boundaries, or null when any is wrong (each error named by its index).</summary>
    public static List<string>? Boundaries(IReadOnlyList<string>? texts, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (texts is null)
        {
            errors.Add("boundaries", "required: a list of subnets, ranges or addresses (an empty list for a site that manages no computer yet)");
            return null;
        }

        if (texts.Count > MaxBoundaries)
        {
            errors.Add("boundaries", $"{texts.Count} boundaries; at most {MaxBoundaries} are accepted");
            return null;
        }

        var canonical = new List<string>(texts.Count);
        for (var i = 0; i < texts.Count; i++)
        {
            var parsed = Boundary.Parse(texts[i] ?? "");
            if (parsed.Success)
            {
                canonical.Add(parsed.Value.ToString());
            }
            else
            {
                errors.Add($"boundaries[{i}]", parsed.Error!);
            }
        }

        return errors.Any ? null : canonical;
    }

    public static string? Name(string? text, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var name = text?.Trim();
        if (name is { Length: > MaxName })
        {
            errors.Add("name", $"{name.Length} characters; at most {MaxName} are accepted");
        }

        if (name is not null && VisibleName.Problem(name) is { } hidden)
        {
            errors.Add("name", hidden);
        }

        return string.IsNullOrEmpty(name) ? null : name;
    }

    /// <summary>All of a site request, checked.</summary>
    public static (SiteCode Code, string? Name, AgentVersion Version, List<string> Boundaries)? Check(SiteRequest request, string? pathCode, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(errors);
        var code = Code(pathCode ?? request.Code, "code", errors);
        if (pathCode is not null && request.Code is not null && code is { } fromPath && (!SiteCode.Parse(request.Code).Success || SiteCode.ParseExact(request.Code) != fromPath))
        {
            errors.Add("code", $"the body names site '{request.Code}' but the path names {fromPath}; leave code out or make them agree");
        }

        var name = Name(request.Name, errors);
        var version = Version(request.Version, "version", errors);
        var boundaries = Boundaries(request.Boundaries, errors);
        return errors.Any ? null : (code!.Value, name, version!.Value, boundaries!);
    }
}
