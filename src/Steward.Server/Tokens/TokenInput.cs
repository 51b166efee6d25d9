using System.Globalization;
using System.Text.RegularExpressions;
using Steward.Policy.Sites;
using Steward.Protocol.Admin;
using Steward.Server.Http;
using Steward.Server.Security.Access;

namespace Steward.Server.Tokens;

/// <summary>Checks a token request field by field.</summary>
internal static partial class TokenInput
{
    /// <summary>The longest life a token may be given: ten years.</summary>
    public static readonly TimeSpan MaxLife = TimeSpan.FromDays(3650);

    // \z, not $: a name ending in a line feed is not a name.
    [GeneratedRegex(@"^[A-Za-z0-9._@-]{1,64}\z")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^([0-9]{1,6})([dhm])\z")]
    private static partial Regex LifePattern();

    public static bool ValidName(string? name) => name is not null && NamePattern().IsMatch(name);

    public static (string Name, AdminRole Role, TimeSpan? Life)? Check(TokenRequest request, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(errors);
        if (request.Name is not null && VisibleName.Problem(request.Name) is { } hidden)
        {
            errors.Add("name", hidden);
        }
        else if (!ValidName(request.Name))
        {
            errors.Add("name", $"'{request.Name}' is not a token name: 1 to 64 letters, digits, '.', '-', '_' or '@'");
        }

        var role = AdminRoles.Parse(request.Role);
        if (role is null)
        {
            errors.Add("role", $"'{request.Role}' is not a role: {AdminRoles.Words}");
        }

        var life = Life(request.ExpiresIn, errors);
        return errors.Any ? null : (request.Name!, role!.Value, life);
    }

    // "30d", "12h", "90m": a whole number and a unit, at most ten years.
    private static TimeSpan? Life(string? text, FieldErrors errors)
    {
        if (text is null)
        {
            return null;
        }

        var match = LifePattern().Match(text);
        if (!match.Success)
        {
            errors.Add("expiresIn", $"'{text}' is not a duration: a whole number and d (days), h (hours) or m (minutes), like 30d");
            return null;
        }

        var amount = int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
        var life = match.Groups[2].Value switch
        {
            "d" => TimeSpan.FromDays(amount),
            "h" => TimeSpan.FromHours(amount),
            _ => TimeSpan.FromMinutes(amount),
        };
        if (life <= TimeSpan.Zero || life > MaxLife)
        {
            errors.Add("expiresIn", $"'{text}' is not between one minute and ten years");
            return null;
        }

        return life;
    }
}
