using Microsoft.AspNetCore.Localization;

namespace Kaarya.Web.Identity;

/// <summary>
/// Which language Kaarya speaks to whom: the one she chose, remembered on her account; before
/// she chooses, Bengali for a survivor and English for everyone else.
/// </summary>
public static class LanguageChoice
{
    public const string English = "en-IN";
    public const string Bengali = "bn-IN";

    public static IReadOnlyList<string> Cultures { get; } = [English, Bengali];

    public static bool IsSupported(string? culture) => culture is not null && Cultures.Contains(culture, StringComparer.Ordinal);

    public static string For(KaaryaUser user, IEnumerable<string> roles)
    {
        ArgumentNullException.ThrowIfNull(user);
        return IsSupported(user.PreferredCulture)
            ? user.PreferredCulture!
            : roles.Contains(nameof(Domain.Common.KaaryaRole.Survivor), StringComparer.Ordinal) ? Bengali : English;
    }

    /// <summary>Puts the language in the cookie the request localization reads on every later request.</summary>
    public static void Remember(HttpContext context, string culture)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions
            {
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
                MaxAge = TimeSpan.FromDays(365),
            });
    }
}
