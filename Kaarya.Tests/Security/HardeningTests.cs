using System.Net;
using Kaarya.Tests.App;
using Kaarya.Web.Security;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Kaarya.Tests.Security;

/// <summary>What the browser is told, and how bad input at the door is met.</summary>
public sealed class HardeningTests : IAsyncLifetime
{
    private readonly KaaryaAppFactory _app = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await _app.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Every_page_carries_the_security_headers()
    {
        using var http = Client();

        var response = await http.GetAsync(new Uri("/account/login", UriKind.Relative), Cancel);

        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task A_tampered_sign_in_cookie_is_treated_as_no_sign_in()
    {
        using var http = Client();
        http.DefaultRequestHeaders.Add("Cookie", "kaarya.auth=CfDJ8forged-and-not-decryptable");

        var response = await http.GetAsync(new Uri("/businesses", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_oversized_user_name_gets_the_calm_sign_in_message()
    {
        using var http = Client();

        var response = await FormSignIn.SignInAsync(http, new string('a', 20_000), "whatever-123", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"login-message\"", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sign_in_form_without_its_token_is_refused()
    {
        using var http = Client();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.UserName"] = "staff.rina",
            ["Input.Password"] = AccessMatrix.DemoPassword,
        });

        var response = await http.PostAsync(new Uri("/account/login", UriKind.Relative), form, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("kaarya.auth=", StringComparison.Ordinal)));
    }

    private HttpClient Client() => _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
