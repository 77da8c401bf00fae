using Kaarya.Tests.Security;
using Microsoft.Playwright;

namespace Kaarya.Tests.Browser;

/// <summary>
/// GGBK's social workers open Kaarya on a phone in the field. At 360 px wide, the smallest common
/// Android screen, no page may scroll sideways (a table may scroll inside its own box) and the
/// navigation must still be reachable from the menu button.
/// </summary>
public sealed class NarrowScreenBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const int Width = 360;
    private const int Height = 740;

    [Fact]
    public async Task At_360_px_the_dashboard_the_businesses_and_every_tab_of_a_business_fit_without_scrolling_sideways()
    {
        var page = await session.NewPageAsync(Width, Height);
        await BrowserSession.SignInAsync(page, "staff.rina", AccessMatrix.DemoPassword);

        await BrowserSession.OpenAsync(page, "/dashboard");
        await page.Locator("[data-testid=latest-postings]").WaitForAsync();
        await BrowserSession.SaveScreenshotAsync(page, "narrow-dashboard");
        await AssertNoSidewaysScrollAsync(page, "dashboard");
        await page.AssertAccessibleAsync("the dashboard at 360 px");

        await BrowserSession.OpenAsync(page, "/businesses");
        await page.Locator("[data-testid=business-list] tbody tr", new() { HasText = "KAA-01" }).First.WaitForAsync();
        await BrowserSession.SaveScreenshotAsync(page, "narrow-businesses");
        await AssertNoSidewaysScrollAsync(page, "businesses");
        await page.AssertAccessibleAsync("the businesses at 360 px");

        await page.Locator("[data-testid=business-list] tbody tr:has-text('KAA-01')").First.ClickAsync();
        await page.Locator("[data-testid=business-tabs]").WaitForAsync();
        await BrowserSession.SaveScreenshotAsync(page, "narrow-business");
        await AssertNoSidewaysScrollAsync(page, "business");

        // Every tab of her business, whichever tabs the page has, the money tab's tables included.
        var tabs = page.Locator("[data-testid=business-tabs] [role=tab]");
        var names = (await tabs.AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
        Assert.Contains(names, n => n.Equals("Money", StringComparison.OrdinalIgnoreCase));
        for (var i = 0; i < names.Count; i++)
        {
            var header = tabs.Nth(i);
            await header.ClickAsync();
            await Assertions.Expect(header).ToHaveAttributeAsync("aria-selected", "true");
            await Assertions.Expect(page.Locator(".mud-tabs-panels .mud-progress-indeterminate")).ToHaveCountAsync(0);
            await BrowserSession.SaveScreenshotAsync(page, "narrow-business-tab-" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            await AssertNoSidewaysScrollAsync(page, $"business ({names[i]} tab)");
            await page.AssertAccessibleAsync($"the business's {names[i]} tab at 360 px");
        }
    }

    [Fact]
    public async Task At_360_px_the_menu_button_opens_the_navigation_and_it_leads_to_the_businesses()
    {
        var page = await session.NewPageAsync(Width, Height);
        await BrowserSession.SignInAsync(page, "staff.rina", AccessMatrix.DemoPassword);
        var businesses = page.Locator("[data-testid=nav-businesses]");

        // The drawer starts closed on a phone, so the page has the whole width.
        Assert.False(await businesses.IsVisibleAsync(), "The navigation covers the page on a phone before anyone asks for it.");
        await BrowserSession.WaitForInteractiveAsync(page);
        await page.Locator("header button[aria-label]").First.ClickAsync();
        await Assertions.Expect(businesses).ToBeInViewportAsync(new() { Ratio = 1 });
        await BrowserSession.SaveScreenshotAsync(page, "narrow-navigation");
        await AssertNoSidewaysScrollAsync(page, "home (navigation open)");
        await page.AssertAccessibleAsync("home with the navigation open at 360 px");

        await businesses.ClickAsync();
        await page.WaitForURLAsync("**/businesses");
        await page.Locator("[data-testid=business-list] tbody tr", new() { HasText = "KAA-01" }).First.WaitForAsync();

        // Once she has chosen, the drawer gets out of the way of the page she chose.
        await Assertions.Expect(businesses).Not.ToBeInViewportAsync();
    }

    /// <summary>
    /// For every table wider than the box it sits in: that box must scroll sideways (overflow-x auto
    /// or scroll). A box that hides the overflow would cut off columns, such as the amounts, that
    /// nobody could then reach. Inline boxes (a tab panel is one) have no width of their own and are
    /// passed over. Answers the tables cut off, named by their data-testid.
    /// </summary>
    private const string CutOffTables = """
        () => [...document.querySelectorAll('table')].filter(table => {
            const width = table.getBoundingClientRect().width;
            if (width === 0) return false;
            for (let box = table.parentElement; box && box !== document.body; box = box.parentElement) {
                const style = getComputedStyle(box);
                if (['inline', 'contents'].includes(style.display)) continue;
                if (box.clientWidth < width - 1) return !['auto', 'scroll'].includes(style.overflowX);
            }
            return false;
        }).map(table => table.closest('[data-testid]')?.getAttribute('data-testid') ?? table.className)
        """;

    /// <summary>The outermost elements that reach past the window's right edge, to say what widens a page.</summary>
    private const string StickingOut = """
        () => [...document.body.querySelectorAll('*')].filter(e => {
            const over = el => el.getBoundingClientRect().right > window.innerWidth + 1;
            for (let box = e.parentElement; box && box !== document.body; box = box.parentElement) {
                if (getComputedStyle(box).overflowX !== 'visible') return false;
            }
            return over(e) && e.parentElement && !over(e.parentElement);
        }).map(e => e.tagName.toLowerCase() + (e.getAttribute('data-testid') ? `[data-testid=${e.getAttribute('data-testid')}]` : '')
            + '.' + [...e.classList].join('.') + ` (${Math.round(e.getBoundingClientRect().width)} px)`)
        """;

    private static async Task AssertNoSidewaysScrollAsync(IPage page, string what)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        if (widths[0] > widths[1] + 1)
        {
            var culprits = await page.EvaluateAsync<string[]>(StickingOut);
            Assert.Fail($"The {what} page is {widths[0]} px wide in a {widths[1]} px window: it scrolls sideways, widened by {string.Join("; ", culprits)}.");
        }

        var cutOff = await page.EvaluateAsync<string[]>(CutOffTables);
        Assert.True(cutOff.Length == 0, $"On the {what} page these tables are cut off instead of scrolling in their own box: {string.Join(", ", cutOff)}.");
    }
}
