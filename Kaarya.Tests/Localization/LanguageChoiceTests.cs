using System.Net;
using Kaarya.Tests.App;
using Kaarya.Tests.Security;
using Kaarya.Web.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaarya.Tests.Localization;

/// <summary>Bengali for survivors unless she chooses otherwise; anyone's choice remembered on her account.</summary>
public sealed class LanguageChoiceTests : IAsyncLifetime
{
    private readonly KaaryaAppFactory _app = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await _app.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("kaa-01", "bn")]
    [InlineData("staff.rina", "en")]
    public async Task Before_she_chooses_a_survivor_meets_Kaarya_in_Bengali_and_staff_in_English(string userName, string language)
    {
        using var http = Client();
        await FormSignIn.SignInAsync(http, userName, AccessMatrix.DemoPassword, Cancel);

        var home = await http.GetStringAsync(new Uri("/", UriKind.Relative), Cancel);

        Assert.Contains($"<html lang=\"{language}\"", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_language_chosen_is_remembered_on_her_account_for_the_next_sign_in()
    {
        using (var http = Client())
        {
            await FormSignIn.SignInAsync(http, "staff.mousumi", AccessMatrix.DemoPassword, Cancel);
            var chosen = await PostLanguageAsync(http, "bn-IN", "/businesses");

            Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
            Assert.Equal("/businesses", chosen.Headers.Location?.OriginalString);
        }

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IDbContextFactory<KaaryaDbContext>>().CreateDbContext();
            await using var _ = db;
            Assert.Equal("bn-IN", (await db.Users.SingleAsync(u => u.UserName == "staff.mousumi", Cancel)).PreferredCulture);
        }

        using var later = Client();
        await FormSignIn.SignInAsync(later, "staff.mousumi", AccessMatrix.DemoPassword, Cancel);
        Assert.Contains("<html lang=\"bn\"", await later.GetStringAsync(new Uri("/", UriKind.Relative), Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_language_Kaarya_does_not_speak_is_refused_and_nothing_changes()
    {
        using var http = Client();
        await FormSignIn.SignInAsync(http, "staff.rina", AccessMatrix.DemoPassword, Cancel);

        var refused = await PostLanguageAsync(http, "fr-FR", "/");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("<html lang=\"en\"", await http.GetStringAsync(new Uri("/", UriKind.Relative), Cancel), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostLanguageAsync(HttpClient http, string culture, string returnUrl)
    {
        var page = await http.GetStringAsync(new Uri("/", UriKind.Relative), Cancel);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = FormSignIn.TokenFrom(page),
            ["culture"] = culture,
            ["returnUrl"] = returnUrl,
        });
        return await http.PostAsync(new Uri("/account/language", UriKind.Relative), form, Cancel);
    }

    private HttpClient Client() => _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
