using Kaarya.Tests.App;
using Microsoft.Playwright;

namespace Kaarya.Tests.Browser;

/// <summary>
/// The real app on a free loopback port, driven by Debian's Chromium through Playwright, as a
/// person would use it. One app and one browser per test class; each test gets its own context
/// (cookies and storage), as if on another device.
/// </summary>
public sealed class BrowserSession : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;

    public KaaryaAppFactory App { get; } = new(realServer: true);

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Everything the browser reported as refused by the Content-Security-Policy.</summary>
    public List<string> PolicyViolations { get; } = [];

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            return;
        }

        await App.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await LaunchChromiumAsync(_playwright);
    }

    /// <summary>Debian's Chromium, headless, kept off the closed network.</summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArguments,
        });
    }

    /// <summary>
    /// Browser tests need Chromium. CI installs it (.ci/run) and a missing browser fails there; on a
    /// developer's machine without it the browser tests say so and are skipped.
    /// </summary>
    public static void RequireChromium()
    {
        if (File.Exists(ChromiumPath))
        {
            return;
        }

        var message = $"Chromium is not installed at {ChromiumPath}: run 'apt-get install chromium' (.ci/run does).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }

        Assert.Skip(message);
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 800)
    {
        RequireChromium();
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.Address.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (PolicyViolations)
                {
                    PolicyViolations.Add(message.Text);
                }
            }
        };
        return page;
    }

    /// <summary>Signs in through the sign-in page and waits for the page she lands on.</summary>
    public static async Task SignInAsync(IPage page, string userName, string password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/account/login");
        await page.FillAsync("[data-testid=login-username]", userName);
        await page.FillAsync("[data-testid=login-password]", password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    /// <summary>Saves a full-page screenshot as a test artifact, under artifacts/screenshots at the repository's root.</summary>
    public static async Task SaveScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var target = Repository.PathTo("artifacts", "screenshots");
        Directory.CreateDirectory(target);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(target, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
    }

    /// <summary>Opens the running business of a participant from the businesses grid.</summary>
    public static async Task OpenBusinessOfAsync(IPage page, string code)
    {
        await page.GotoAsync("/businesses");
        var row = page.Locator("[data-testid=business-list] tbody tr", new() { HasText = code }).Filter(new() { HasText = "Running" }).First;
        await row.WaitForAsync();
        for (var attempt = 0; attempt < 40 && !page.Url.Contains("/businesses/", StringComparison.Ordinal); attempt++)
        {
            await row.ClickAsync();
            await page.WaitForTimeoutAsync(250);
        }

        await page.Locator("[data-testid=business-tabs]").WaitForAsync();
    }

    /// <summary>Picks one of a few choices shown as radios (sale or expense), by its name, as she taps it.</summary>
    public static Task PickAsync(IPage page, string group, string choice) =>
        page.Locator(group).GetByRole(AriaRole.Radio, new() { Name = choice, Exact = true }).ClickAsync();

    /// <summary>
    /// Fills a field and looks that it holds what she typed, as a person does before saving; text that
    /// vanished (the focus taken away as she typed) is typed once more.
    /// </summary>
    public static async Task FillAsSeenAsync(IPage page, string field, string text)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            await page.FillAsync(field, text);
            try
            {
                await Assertions.Expect(page.Locator(field)).ToHaveValueAsync(text, new() { Timeout = 3_000 });
                return;
            }
            catch (PlaywrightException) when (attempt == 0)
            {
                // Not there: type it again.
            }
        }
    }

    /// <summary>Clicks until the page shows the expected result: clicks before the circuit is up are lost.</summary>
    public static async Task ClickWhenInteractiveAsync(IPage page, string selector, string expected)
    {
        for (var attempt = 0; attempt < 40; attempt++)
        {
            if (await page.Locator(expected).CountAsync() > 0)
            {
                return;
            }

            if (await page.Locator(selector).CountAsync() > 0)
            {
                await page.Locator(selector).First.ClickAsync();
            }

            await page.WaitForTimeoutAsync(250);
        }

        await page.Locator(expected).WaitForAsync();
    }
}
