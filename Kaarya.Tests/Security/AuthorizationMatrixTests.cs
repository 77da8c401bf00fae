using System.Net;
using System.Security.Claims;
using Kaarya.Domain.Common;
using Kaarya.Tests.App;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kaarya.Tests.Security;

/// <summary>
/// Every page and endpoint of the app, read from its own route table, against anonymous and each
/// of the five roles. A page without an explicit policy, or missing from <see cref="AccessMatrix"/>,
/// fails the test.
/// </summary>
public sealed class AuthorizationMatrixTests : IAsyncLifetime
{
    private readonly KaaryaAppFactory _app = new();

    public async ValueTask InitializeAsync() => await _app.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public void Every_page_and_endpoint_declares_who_may_open_it()
    {
        var undeclared = AppEndpoints()
            .Where(e => !e.Metadata.OfType<IAllowAnonymous>().Any() && !e.Metadata.OfType<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy)))
            .Select(Describe)
            .ToList();

        Assert.True(undeclared.Count == 0, $"Without an explicit policy or [AllowAnonymous]: {string.Join(", ", undeclared)}");
    }

    [Fact]
    public void The_route_table_and_the_access_matrix_name_the_same_pages()
    {
        var routed = AppEndpoints().Select(Describe).Order().ToList();

        Assert.Equal(AccessMatrix.Expected.Keys.Order(), routed);
    }

    [Fact]
    public void Framework_endpoints_without_metadata_are_closed_to_anonymous_by_the_fallback_policy()
    {
        var options = _app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuthorizationOptions>>().Value;

        Assert.NotNull(options.FallbackPolicy);
        Assert.Contains(options.FallbackPolicy!.Requirements, r => r is Microsoft.AspNetCore.Authorization.Infrastructure.DenyAnonymousAuthorizationRequirement);
    }

    [Fact]
    public async Task Each_role_is_allowed_exactly_what_the_matrix_says_by_policy()
    {
        var authorization = _app.Services.GetRequiredService<IAuthorizationService>();
        var policies = _app.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var mismatches = new List<string>();
        foreach (var endpoint in AppEndpoints())
        {
            var expected = AccessMatrix.Expected[Describe(endpoint)];
            var policy = await AuthorizationPolicy.CombineAsync(policies, endpoint.Metadata.OfType<IAuthorizeData>());
            var anonymousAllowed = endpoint.Metadata.OfType<IAllowAnonymous>().Any();
            foreach (var role in AccessMatrix.Everyone)
            {
                var allowed = anonymousAllowed || (policy is not null && (await authorization.AuthorizeAsync(Principal(role), policy)).Succeeded);
                if (allowed != expected.Contains(role))
                {
                    mismatches.Add($"{Describe(endpoint)} as {role?.ToString() ?? "anonymous"}: {(allowed ? "allowed" : "refused")}");
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public async Task Each_role_signed_in_for_real_gets_exactly_what_the_matrix_says()
    {
        // Pages with a parameter in their route are covered by the policy test above and by record access tests.
        var pages = AccessMatrix.Expected.Where(p => p.Key.StartsWith("GET ", StringComparison.Ordinal) && !p.Key.Contains('{', StringComparison.Ordinal)).ToList();
        var mismatches = new List<string>();
        foreach (var role in AccessMatrix.Everyone)
        {
            using var http = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            if (role is { } signedInRole)
            {
                var signIn = await FormSignIn.SignInAsync(http, AccessMatrix.DemoUsers[signedInRole], AccessMatrix.DemoPassword, Cancel);
                Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            }

            foreach (var (page, allowedRoles) in pages)
            {
                var response = await http.GetAsync(new Uri(page[4..], UriKind.Relative), Cancel);
                var location = response.Headers.Location?.ToString() ?? string.Empty;
                var outcome = response.StatusCode == HttpStatusCode.OK ? "allowed"
                    : location.Contains("/account/login", StringComparison.Ordinal) ? "sent to sign in"
                    : location.Contains("/account/denied", StringComparison.Ordinal) ? "refused"
                    : $"{(int)response.StatusCode} {location}";
                var expected = allowedRoles.Contains(role) ? "allowed" : role is null ? "sent to sign in" : "refused";
                if (outcome != expected)
                {
                    mismatches.Add($"{page} as {role?.ToString() ?? "anonymous"}: {outcome}, expected {expected}");
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public async Task Signing_out_needs_a_signed_in_user_and_a_form_token()
    {
        using var http = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await FormSignIn.SignInAsync(http, "staff.rina", AccessMatrix.DemoPassword, Cancel);

        using var forged = new FormUrlEncodedContent(new Dictionary<string, string> { ["reason"] = "" });
        var response = await http.PostAsync(new Uri("/account/logout", UriKind.Relative), forged, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/businesses", UriKind.Relative), Cancel)).StatusCode);
    }

    /// <summary>Pages (routable components) and the app's own endpoints; not Blazor's hub or static files.</summary>
    private List<RouteEndpoint> AppEndpoints() =>
        _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null
                || (e.Metadata.GetMetadata<IHttpMethodMetadata>() is not null && e.Metadata.OfType<System.Reflection.MethodInfo>().Any())
                || e.DisplayName == "Health checks")
            .ToList();

    private static string Describe(RouteEndpoint endpoint)
    {
        var method = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.FirstOrDefault(m => m != "HEAD") ?? "GET";
        var route = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');
        return $"{(method == "POST" && endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null ? "GET" : method)} {route}";
    }

    private static ClaimsPrincipal Principal(KaaryaRole? role) =>
        role is null
            ? new ClaimsPrincipal(new ClaimsIdentity())
            : new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "someone"), new Claim(ClaimTypes.Role, role.Value.ToString())], "Test"));
}
