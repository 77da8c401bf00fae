using Kaarya.Tests.Security;
using Microsoft.Playwright;

namespace Kaarya.Tests.Browser;

/// <summary>
/// Her page from the keyboard alone, and her plan on paper, at 360 px in Bengali as she uses them.
/// </summary>
public sealed class HerPlanBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const int Width = 360;
    private const int Height = 740;

    /// <summary>What has the keyboard focus: its data-testid (or tag), whether it shows on screen, and whether a focus ring is drawn.</summary>
    private const string Focused = """
        () => {
            const e = document.activeElement;
            if (!e || e === document.body) return { Id: 'body', Shown: true, Ringed: true };
            const box = e.getBoundingClientRect();
            const style = getComputedStyle(e);
            const ringed = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none';
            const shown = box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && box.right > 0 && box.left < window.innerWidth;
            const named = e.closest('[data-testid]');
            return { Id: named ? named.getAttribute('data-testid') : e.tagName.toLowerCase() + '.' + [...e.classList].join('.'), Shown: shown, Ringed: ringed };
        }
        """;

    private sealed class FocusStop
    {
        public string Id { get; set; } = string.Empty;

        public bool Shown { get; set; }

        public bool Ringed { get; set; }
    }

    [Fact]
    public async Task She_reaches_her_plans_print_button_with_the_keyboard_alone_and_always_sees_where_she_is()
    {
        var page = await session.NewPageAsync(Width, Height);
        await BrowserSession.SignInAsync(page, "kaa-01", AccessMatrix.DemoPassword);
        await BrowserSession.OpenAsync(page, "/my-business");
        await page.Locator("[data-testid=my-business]").First.WaitForAsync();
        await page.AssertAccessibleAsync("her page");

        var stops = new List<FocusStop>();
        for (var press = 0; press < 25 && (stops.Count == 0 || stops[^1].Id != "print-plan"); press++)
        {
            await page.Keyboard.PressAsync("Tab");
            stops.Add(await page.EvaluateAsync<FocusStop>(Focused));
        }

        var path = string.Join(" → ", stops.Select(s => s.Id));
        Assert.True(stops[^1].Id == "print-plan", $"Tab never reached the print button: {path}");
        Assert.True(stops.All(s => s.Shown), $"The keyboard focus went to something she cannot see: {path}");
        Assert.True(stops.All(s => s.Ringed), $"No focus ring on: {string.Join(", ", stops.Where(s => !s.Ringed).Select(s => s.Id))}");
        await BrowserSession.SaveScreenshotAsync(page, "her-page-keyboard-focus");

        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/my-business/print");
        await page.Locator("[data-testid=printed-business]").First.WaitForAsync();
        Assert.Empty(session.PolicyViolations);
    }

    [Fact]
    public async Task Her_printed_plan_shows_her_code_only_the_plan_and_a_page_for_each_part()
    {
        var page = await session.NewPageAsync(Width, Height);
        await BrowserSession.SignInAsync(page, "kaa-01", AccessMatrix.DemoPassword);
        await BrowserSession.OpenAsync(page, "/my-business/print");
        await page.Locator("[data-testid=printed-business]").First.WaitForAsync();
        await page.AssertAccessibleAsync("her printable plan");
        Assert.Contains("KAA-01", await page.InnerTextAsync("[data-testid=print-whose]"), StringComparison.Ordinal);
        await BrowserSession.SaveScreenshotAsync(page, "her-plan-print-screen");

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        Assert.False(await page.Locator("header.mud-appbar").IsVisibleAsync(), "The app bar is printed.");
        Assert.False(await page.Locator("[data-testid=print-controls]").IsVisibleAsync(), "The print controls are printed.");
        Assert.Equal(0, await page.Locator("button:visible").CountAsync());
        Assert.Equal("page", await page.Locator("[data-testid=printed-risks]").First.EvaluateAsync<string>("e => getComputedStyle(e).breakBefore"));
        Assert.Equal("rgb(0, 0, 0)", await page.Locator("[data-testid=printed-plan] dd").First.EvaluateAsync<string>("e => getComputedStyle(e).color"));

        var target = Repository.PathTo("artifacts", "screenshots");
        Directory.CreateDirectory(target);
        var pdf = await page.PdfAsync(new PagePdfOptions { Path = Path.Combine(target, "her-plan-printed.pdf"), Format = "A4", PrintBackground = false });
        Assert.True(CountPages(pdf) >= 3, "Her plan, her risks and what comes next do not each start a page.");
        Assert.Empty(session.PolicyViolations);
    }

    [Fact]
    public async Task She_chooses_with_the_keyboard_to_print_her_name_and_the_next_visit_starts_from_her_code_again()
    {
        var page = await session.NewPageAsync(Width, Height);
        await BrowserSession.SignInAsync(page, "kaa-01", AccessMatrix.DemoPassword);
        await BrowserSession.OpenAsync(page, "/my-business/print");
        var whose = page.Locator("[data-testid=print-whose]");
        await whose.WaitForAsync();
        var code = await whose.InnerTextAsync();

        // From the back link, one Tab reaches the box, ringed; Space ticks it.
        await page.FocusAsync("[data-testid=print-back]");
        await page.Keyboard.PressAsync("Tab");
        var stop = await page.EvaluateAsync<FocusStop>(Focused);
        Assert.Equal("print-show-name", stop.Id);
        Assert.True(stop.Ringed, "The name box shows no focus ring.");
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(whose).Not.ToHaveTextAsync(code);

        Assert.DoesNotContain("KAA-01", await whose.InnerTextAsync(), StringComparison.Ordinal);
        await page.AssertAccessibleAsync("her printable plan with her name");

        await page.ReloadAsync();
        await Assertions.Expect(whose).ToContainTextAsync("KAA-01");
    }

    private static int CountPages(byte[] pdf)
    {
        var text = System.Text.Encoding.Latin1.GetString(pdf);
        return System.Text.RegularExpressions.Regex.Count(text, @"/Type\s*/Page[^s]");
    }
}
