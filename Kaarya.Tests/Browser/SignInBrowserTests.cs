using System.Text.Json.Nodes;
using Kaarya.Domain.Common;
using Kaarya.Tests.Security;
using Microsoft.Playwright;

namespace Kaarya.Tests.Browser;

/// <summary>Signing in, what each role is offered, lockout, quick-hide and titles, in a real Chromium.</summary>
public sealed class SignInBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    public static TheoryData<KaaryaRole, string[]> Navigation => new()
    {
        { KaaryaRole.Staff, ["nav-home", "nav-dashboard", "nav-participants", "nav-businesses", "nav-decisions", "nav-ledger"] },
        { KaaryaRole.ProgrammeManager, ["nav-home", "nav-dashboard", "nav-participants", "nav-businesses", "nav-decisions", "nav-ledger", "nav-reports", "nav-approvals", "nav-audit", "nav-import", "nav-users", "nav-caseloads", "nav-setup"] },
        { KaaryaRole.Mentor, ["nav-home", "nav-businesses"] },
        { KaaryaRole.Survivor, ["nav-home", "nav-my-business"] },
        { KaaryaRole.Auditor, ["nav-home", "nav-businesses", "nav-decisions", "nav-ledger", "nav-reports"] },
    };

    [Theory]
    [MemberData(nameof(Navigation))]
    public async Task Each_demo_role_signs_in_and_is_offered_its_own_navigation(KaaryaRole role, string[] expected)
    {
        var page = await session.NewPageAsync();

        await BrowserSession.SignInAsync(page, AccessMatrix.DemoUsers[role], AccessMatrix.DemoPassword);

        var offered = await page.Locator("[data-testid^=nav-]").EvaluateAllAsync<string[]>("links => links.map(l => l.getAttribute('data-testid'))");
        Assert.Equal(expected.Order(), offered.Order());
        Assert.Empty(session.PolicyViolations);
    }

    [Fact]
    public async Task The_signed_in_workspace_becomes_interactive_under_the_security_policy()
    {
        var page = await session.NewPageAsync();
        await BrowserSession.SignInAsync(page, "staff.rina", AccessMatrix.DemoPassword);
        var drawer = page.Locator(".mud-drawer");

        // Only a live circuit answers the menu button.
        await page.ClickAsync("header button[aria-label]");
        await Assertions.Expect(drawer).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-drawer--closed"));
        Assert.Empty(session.PolicyViolations);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account()
    {
        var page = await session.NewPageAsync();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await BrowserSession.SignInAsync(page, "staff.mousumi", $"not-her-password-{attempt}");
        }

        await BrowserSession.SignInAsync(page, "staff.mousumi", AccessMatrix.DemoPassword);

        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
        Assert.Contains("locked", await page.TextContentAsync("[data-testid=login-message]") ?? string.Empty, StringComparison.Ordinal);
        await page.AssertAccessibleAsync("the sign-in page saying the account is locked");
    }

    [Fact]
    public async Task The_hide_button_blanks_the_screen_to_a_neutral_page_and_signs_out()
    {
        var page = await session.NewPageAsync();
        await BrowserSession.SignInAsync(page, "kaa-01", AccessMatrix.DemoPassword);

        await page.ClickAsync("[data-testid=quick-hide]");
        await page.WaitForURLAsync("**/calm.html");

        Assert.Equal("Weather", await page.TitleAsync());
        await page.AssertAccessibleAsync("the neutral page quick-hide leaves");
        await page.GotoAsync("/my-business");
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pressing_escape_twice_hides_the_screen()
    {
        var page = await session.NewPageAsync();
        await BrowserSession.SignInAsync(page, "mentor.bina", AccessMatrix.DemoPassword);

        // Both presses are sent at once: awaited one by one, a loaded machine can put more than the
        // 800 ms the app allows between them, and the second press then starts a new pair.
        await Task.WhenAll(page.Keyboard.PressAsync("Escape"), page.Keyboard.PressAsync("Escape"));
        await page.WaitForURLAsync("**/calm.html");

        Assert.Equal("Weather", await page.TitleAsync());
    }

    [Theory]
    [InlineData(KaaryaRole.Survivor)]
    [InlineData(KaaryaRole.Mentor)]
    [InlineData(KaaryaRole.Auditor)]
    public async Task No_survivors_name_appears_in_the_title_or_on_any_page_she_can_open(KaaryaRole role)
    {
        var names = SurvivorNames();
        var page = await session.NewPageAsync();
        await BrowserSession.SignInAsync(page, AccessMatrix.DemoUsers[role], AccessMatrix.DemoPassword);
        var pages = AccessMatrix.Expected
            .Where(p => p.Key.StartsWith("GET /", StringComparison.Ordinal) && !p.Key.Contains('{', StringComparison.Ordinal) && p.Value.Contains(role) && !p.Value.Contains(null))
            .Where(p => !AccessMatrix.NotPages.Contains(p.Key))
            .Select(p => p.Key[4..])
            .ToList();
        Assert.NotEmpty(pages);

        foreach (var path in pages)
        {
            await BrowserSession.OpenAsync(page, path);
            await Assertions.Expect(page.Locator(".mud-progress-indeterminate")).ToHaveCountAsync(0);
            var title = await page.TitleAsync();
            var text = await page.InnerTextAsync("body");
            Assert.DoesNotContain(page.Url, "/account/", StringComparison.Ordinal);
            Assert.All(names, name => Assert.DoesNotContain(name, title, StringComparison.OrdinalIgnoreCase));
            Assert.All(names, name => Assert.DoesNotContain(name, text, StringComparison.OrdinalIgnoreCase));
        }

        Assert.Empty(session.PolicyViolations);
    }

    private static List<string> SurvivorNames()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "seed-data", "participants.json");
        return JsonNode.Parse(File.ReadAllText(file))!.AsArray().Select(p => (string)p!["givenName"]!).ToList();
    }
}
