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

        // A wait for a state gets the same room as Playwright's own waits, so a busy machine is slow, not red.
        Assertions.SetDefaultExpectTimeout(30_000);
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

    /// <summary>
    /// The layout once the circuit has taken the page over (MainLayout's data-kaarya-circuit): a click
    /// or a key on the prerendered page before then is lost.
    /// </summary>
    public const string Interactive = "[data-kaarya-circuit=interactive]";

    /// <summary>Waits until the page's circuit is interactive, so what she does next reaches the server.</summary>
    public static Task WaitForInteractiveAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.Locator(Interactive).WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    /// <summary>Opens a page of the app and waits until she can use it.</summary>
    public static async Task OpenAsync(IPage page, string url)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(url);
        await WaitForInteractiveAsync(page);
    }

    /// <summary>
    /// Signs in through the sign-in page and waits for what follows: the page she lands on, interactive,
    /// or the sign-in page again with its message.
    /// </summary>
    public static async Task SignInAsync(IPage page, string userName, string password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/account/login");
        await page.FillAsync("[data-testid=login-username]", userName);
        await page.FillAsync("[data-testid=login-password]", password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.Locator($"{Interactive}, [data-testid=login-message]").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
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
        ArgumentNullException.ThrowIfNull(page);
        await OpenAsync(page, "/businesses");
        await page.Locator("[data-testid=business-list] tbody tr", new() { HasText = code }).Filter(new() { HasText = "Running" }).First.ClickAsync();
        await page.Locator("[data-testid=business-tabs]").WaitForAsync();
    }

    /// <summary>Picks one of a few choices shown as radios (sale or expense), by its name, as she taps it.</summary>
    public static Task PickAsync(IPage page, string group, string choice) =>
        page.Locator(group).GetByRole(AriaRole.Radio, new() { Name = choice, Exact = true }).ClickAsync();

    /// <summary>Fills a field once the page is interactive and looks that it holds what she typed, as a person does before saving.</summary>
    public static async Task FillAsSeenAsync(IPage page, string field, string text)
    {
        ArgumentNullException.ThrowIfNull(page);
        await WaitForInteractiveAsync(page);
        await page.FillAsync(field, text);
        await Assertions.Expect(page.Locator(field)).ToHaveValueAsync(text);
    }

    /// <summary>Clicks once the page is interactive, then waits for what the click shows.</summary>
    public static async Task ClickWhenInteractiveAsync(IPage page, string selector, string expected)
    {
        ArgumentNullException.ThrowIfNull(page);
        await WaitForInteractiveAsync(page);
        await page.Locator(selector).First.ClickAsync();
        await page.Locator(expected).First.WaitForAsync();
    }
}
