using System.Net;
using Kaarya.Domain.Common;
using Kaarya.Tests.App;
using Kaarya.Web.Auditing;
using Kaarya.Web.Data;
using Kaarya.Web.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaarya.Tests.Security;

/// <summary>Signing in through the real form: success, wrong passwords, lockout, sign-out, each audited.</summary>
public sealed class SignInAuditTests : IAsyncLifetime
{
    private readonly KaaryaAppFactory _app = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await _app.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_sign_in_and_a_wrong_password_are_recorded()
    {
        using var http = Client();
        await FormSignIn.SignInAsync(http, "staff.mousumi", "not-the-password-1", Cancel);
        var signedIn = await FormSignIn.SignInAsync(http, "staff.mousumi", AccessMatrix.DemoPassword, Cancel);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var entries = await EntriesForAsync("staff.mousumi");
        Assert.Equal([AuditAction.SignInFailed, AuditAction.SignedIn], entries.Select(e => e.Action));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        using var http = Client();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var wrong = await FormSignIn.SignInAsync(http, "staff.rina", $"wrong-password-{attempt}", Cancel);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var right = await FormSignIn.SignInAsync(http, "staff.rina", AccessMatrix.DemoPassword, Cancel);
        var page = await right.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked", page, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, (await http.GetAsync(new Uri("/businesses", UriKind.Relative), Cancel)).StatusCode);
        var entries = await EntriesForAsync("staff.rina");
        Assert.Equal(4, entries.Count(e => e.Action == AuditAction.SignInFailed));
        Assert.Equal(2, entries.Count(e => e.Action == AuditAction.LockedOut));
        Assert.DoesNotContain(entries, e => e.Action == AuditAction.SignedIn);
    }

    [Fact]
    public async Task A_deactivated_account_is_refused_even_with_the_right_password_and_says_it_is_deactivated()
    {
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<UserAccounts>().DeactivateAsync("staff.mousumi", new Actor("manager.sutapa", KaaryaRole.ProgrammeManager), Cancel);
        }

        using var http = Client();
        var refused = await FormSignIn.SignInAsync(http, "staff.mousumi", AccessMatrix.DemoPassword, Cancel);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("This account has been deactivated.", await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        var entry = Assert.Single(await EntriesForAsync("staff.mousumi"));
        Assert.Equal(AuditAction.LockedOut, entry.Action);
        Assert.Equal("Sign-in refused: the account is deactivated", entry.Summary);
    }

    [Fact]
    public async Task A_sign_in_to_no_account_is_recorded_without_the_typed_name()
    {
        using var http = Client();
        await FormSignIn.SignInAsync(http, "Rumа Khatun", "whatever-123", Cancel);

        await using var scope = _app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<KaaryaDbContext>>().CreateDbContextAsync(Cancel);
        var failure = await db.AuditEntries.SingleAsync(a => a.Action == AuditAction.SignInFailed, Cancel);
        Assert.Equal("anonymous", failure.UserId);
        Assert.DoesNotContain("Rum", failure.Summary, StringComparison.Ordinal);
    }

    private HttpClient Client() => _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private async Task<List<AuditEntry>> EntriesForAsync(string userName)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<KaaryaDbContext>>().CreateDbContextAsync(Cancel);
        return await db.AuditEntries.Where(a => a.UserId == userName && a.RecordType == "User").OrderBy(a => a.Id).ToListAsync(Cancel);
    }
}
