using Kaarya.Domain.Common;
using Kaarya.Tests.Security;
using Microsoft.Playwright;

namespace Kaarya.Tests.Browser;

/// <summary>
/// Every page each role can open, and every tab of a business, checked by axe-core in Chromium:
/// no serious or critical violation anywhere. The survivor's pages are checked as she sees them,
/// in Bengali.
/// </summary>
public sealed class AccessibilityBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    public static TheoryData<KaaryaRole?> Roles => new() { (KaaryaRole?)null, KaaryaRole.Staff, KaaryaRole.ProgrammeManager, KaaryaRole.Mentor, KaaryaRole.Survivor, KaaryaRole.Auditor };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Every_page_a_role_can_open_passes_axe_core(KaaryaRole? role)
    {
        var page = await session.NewPageAsync();
        if (role is { } signedIn)
        {
            await BrowserSession.SignInAsync(page, AccessMatrix.DemoUsers[signedIn], AccessMatrix.DemoPassword);
        }

        var found = new List<string>();
        foreach (var path in PagesOf(role))
        {
            await page.GotoAsync(path);
            try
            {
                found.AddRange((await Accessibility.SeriousViolationsAsync(page)).Select(v => $"{path}: {v}"));
            }
            catch (TimeoutException timeout)
            {
                throw new TimeoutException($"{path} never settled: {timeout.Message}", timeout);
            }
        }

        // Every tab of a business as a mentor sees it (reading only); the narrow-screen test checks
        // each tab as staff see it, with its forms.
        if (role is KaaryaRole.Mentor)
        {
            found.AddRange(await BusinessTabViolationsAsync(page, "KAA-01"));
        }

        Assert.True(found.Count == 0, $"axe-core finds {found.Count} serious or critical violation(s) for {role?.ToString() ?? "anonymous"}:\n  - {string.Join("\n  - ", found)}");
        Assert.Empty(session.PolicyViolations);
    }

    /// <summary>The pages the matrix lets this role open, without a parameter in the route and not a download.</summary>
    private static List<string> PagesOf(KaaryaRole? role) =>
        AccessMatrix.Expected
            .Where(p => p.Key.StartsWith("GET /", StringComparison.Ordinal) && !p.Key.Contains('{', StringComparison.Ordinal) && p.Value.Contains(role))
            .Where(p => !AccessMatrix.NotPages.Contains(p.Key))
            .Where(p => role is null || !p.Key.StartsWith("GET /account/login", StringComparison.Ordinal))
            .Select(p => p.Key[4..])
            .ToList();

    /// <summary>Opens a business of the participant and checks each of its tabs as it opens.</summary>
    private static async Task<List<string>> BusinessTabViolationsAsync(IPage page, string code)
    {
        await BrowserSession.OpenBusinessOfAsync(page, code);
        var found = new List<string>();
        var tabs = page.Locator("[data-testid=business-tabs] [role=tab]");
        var count = await tabs.CountAsync();
        for (var i = 0; i < count; i++)
        {
            var header = tabs.Nth(i);
            var name = (await header.InnerTextAsync()).Trim();
            await header.ClickAsync();
            await Assertions.Expect(header).ToHaveAttributeAsync("aria-selected", "true");

            found.AddRange((await Accessibility.SeriousViolationsAsync(page)).Select(v => $"business, {name} tab: {v}"));
        }

        return found;
    }
}
