using System.Text.RegularExpressions;

namespace Kaarya.Tests.App;

/// <summary>Signs in through the real sign-in form, as a browser would post it.</summary>
public static partial class FormSignIn
{
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient http, string userName, string password, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(http);
        var form = await http.GetStringAsync(new Uri("/account/login", UriKind.Relative), cancel);
        var token = Token().Match(form).Groups["token"].Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        return await http.PostAsync(new Uri("/account/login", UriKind.Relative), content, cancel);
    }

    /// <summary>The antiforgery token of the first form on a page, to post as that form would.</summary>
    public static string TokenFrom(string html) => Token().Match(html).Groups["token"].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex Token();
}
