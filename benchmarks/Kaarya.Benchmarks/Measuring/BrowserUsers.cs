using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Kaarya.Benchmarks.Measuring;

/// <summary>What the browser side is asked to do; passed to the child process as JSON.</summary>
internal sealed record BrowserUsersPlan(
    string Url,
    IReadOnlyList<string> Users,
    string Password,
    string Mode,
    int DurationSeconds,
    int Seed,
    int ThinkMinMs,
    int ThinkMaxMs)
{
    /// <summary>Sign in, open the grid, then a business page, waiting for the parent between them.</summary>
    public const string Hold = "hold";

    /// <summary>Browse and record for the duration, then hold the circuits open until the parent has measured.</summary>
    public const string Load = "load";

    /// <summary>Before a run against an app elsewhere: each user signs in once and looks at the businesses grid.</summary>
    public const string Check = "check";
}

/// <summary>One timed interaction: in the page, from the click or keystroke to the expected element; and as Playwright saw it.</summary>
internal sealed record Interaction(string Kind, double PageMs, double DriverMs);

/// <summary>What the browser side saw.</summary>
internal sealed record BrowserUsersResult(
    IReadOnlyList<Interaction> Interactions,
    IReadOnlyList<string> FailedExpectations,
    IReadOnlyList<string> ConsoleErrors,
    int ReconnectsShown,
    int Recorded,
    double SecondsBrowsing,
    IReadOnlyList<string>? Unusable = null,
    int RunningOnGrid = 0);

/// <summary>
/// The browser side of the circuit and load benchmarks, in a child process of its own so that its
/// memory and CPU stay out of the server's figures: Debian's Chromium, headless, one browser,
/// one context per user (her own cookies, her own circuit over the WebSocket), driven by
/// Playwright. It talks to the parent in lines: it prints <c>@ready NAME</c> and waits for a
/// line on standard input, and prints <c>@result JSON</c> at the end.
/// </summary>
internal sealed class BrowserUsers
{
    public const string ChildCommand = "browser-users";

    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>How long an expected element may take before the interaction counts as failed.</summary>
    private const float ExpectTimeoutMs = 30_000;

    // The browser tests' flags (kept off the closed network), and lean: no GPU, no extensions,
    // no audio. Playwright adds its own flags that stop Chromium from throttling timers in
    // pages that are not in front, which every page here is but one.
    private static readonly string[] ChromiumArguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-extensions", "--mute-audio", "--disable-software-rasterizer",
    ];

    private static readonly string[] SearchNames = ["Mitali", "Rina", "Asma", "Puja", "Sonali", "Champa", "Laxmi", "Nupur", "Rekha", "Gita"];

    private static readonly (string Tab, string Expect)[] Tabs =
    [
        ("Stage history", "[data-testid=stage-history]"),
        ("4P stocktaking", "[data-testid=stocktaking]"),
        ("Money", "[data-testid=business-ledger]"),
        ("Sun and cloud", "[data-testid=event-form]"),
        ("Assets and cash book", "[data-testid=cash-book]"),
    ];

    private readonly BrowserUsersPlan _plan;
    private readonly List<Interaction> _interactions = [];
    private readonly List<string> _failed = [];
    private readonly List<string> _consoleErrors = [];
    private int _reconnects;
    private int _recorded;

    private BrowserUsers(BrowserUsersPlan plan) => _plan = plan;

    /// <summary>Starts the child process for <paramref name="plan"/>; the caller reads and writes its lines.</summary>
    public static Process Start(BrowserUsersPlan plan)
    {
        var start = HarnessProcess.StartInfo(ChildCommand, JsonSerializer.Serialize(plan with { Password = string.Empty }));
        start.RedirectStandardOutput = true;
        start.RedirectStandardInput = true;

        // The password goes in the child's environment, not on its command line, where anyone on
        // the machine could read it in the process list.
        start.Environment[LiveOptions.PasswordVariable] = plan.Password;

        // The client is a plain .NET program: the workstation GC keeps it small beside the server.
        start.Environment["DOTNET_gcServer"] = "0";
        return Process.Start(start)!;
    }

    /// <summary>In the child.</summary>
    public static async Task<int> ChildMainAsync(string planJson)
    {
        var plan = JsonSerializer.Deserialize<BrowserUsersPlan>(planJson)! with
        {
            Password = Environment.GetEnvironmentVariable(LiveOptions.PasswordVariable) ?? string.Empty,
        };
        return await new BrowserUsers(plan).RunAsync();
    }

    private static string Now => DateTime.UtcNow.ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    private async Task<int> RunAsync()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArguments,
        });
        var script = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Measuring", "interaction-timing.js"));
        if (_plan.Mode == BrowserUsersPlan.Check)
        {
            return await CheckAsync(browser, script);
        }

        var pages = new IPage[_plan.Users.Count];

        // Sign in a few at a time: each sign-in hashes a password, as it would for a person.
        var signing = new SemaphoreSlim(4);
        await Task.WhenAll(_plan.Users.Select(async (user, i) =>
        {
            await signing.WaitAsync();
            try
            {
                pages[i] = await SignInAsync(browser, script, user);
            }
            finally
            {
                signing.Release();
            }
        }));
        Console.WriteLine($"[{Now}] {pages.Length} users signed in");

        if (_plan.Mode == BrowserUsersPlan.Hold)
        {
            await Task.WhenAll(pages.Select(async p =>
            {
                if (!await TimedAsync(p, "open the businesses grid", "present", "[data-testid=business-list] tbody tr td", null, () => p.ClickAsync("[data-testid=nav-businesses]")))
                {
                    // Noted as a problem; the page is loaded afresh so that the reading still has every user on the grid.
                    await ReloadAsync(p);
                    await p.Locator("[data-testid=business-list] tbody tr td").First.WaitForAsync();
                }
            }));
            await ReadyAsync("grid");
            await Task.WhenAll(pages.Select((p, i) => OpenBusinessAsync(p, new Random(_plan.Seed + i))));
            await ReadyAsync("business");
        }
        else
        {
            await ReadyAsync("browsing");
            var clock = Stopwatch.StartNew();
            var until = DateTime.UtcNow.AddSeconds(_plan.DurationSeconds);
            await Task.WhenAll(pages.Select((p, i) => BrowseAsync(p, i, until)));
            var browsing = clock.Elapsed.TotalSeconds;
            var result = new BrowserUsersResult(_interactions, _failed, _consoleErrors, _reconnects, _recorded, browsing);
            Console.WriteLine("@result " + JsonSerializer.Serialize(result));
            await ReadyAsync("done");
        }

        // Leaving the page lets Blazor tell the server the circuit is over, as closing a tab does.
        // A few at a time, as people leave: fifty renderers unloading at once on two processors
        // have kept one navigation waiting past Playwright's 30 s.
        using var leaving = new SemaphoreSlim(5);
        await Task.WhenAll(pages.Select(async p =>
        {
            await leaving.WaitAsync();
            try
            {
                await p.GotoAsync("about:blank", new() { Timeout = 120_000 });
                await p.Context.CloseAsync();
            }
            finally
            {
                leaving.Release();
            }
        }));
        if (_plan.Mode == BrowserUsersPlan.Hold)
        {
            var result = new BrowserUsersResult(_interactions, _failed, _consoleErrors, _reconnects, _recorded, 0);
            Console.WriteLine("@result " + JsonSerializer.Serialize(result));
        }

        return 0;
    }

    /// <summary>
    /// Each account signs in once (a few at a time) and opens the businesses grid, then leaves. Notes
    /// every account that cannot sign in or sees no business, by name, and how many running businesses
    /// the first one sees on the grid's first page, which the load test's users open.
    /// </summary>
    private async Task<int> CheckAsync(IBrowser browser, string script)
    {
        var unusable = new List<string>();
        var running = new int[_plan.Users.Count];
        using var signing = new SemaphoreSlim(4);
        await Task.WhenAll(_plan.Users.Select(async (user, i) =>
        {
            await signing.WaitAsync();
            IBrowserContext? context = null;
            try
            {
                var page = await SignInOnceAsync(browser, script, user, unusable);
                context = page?.Context;
                if (page is not null)
                {
                    running[i] = await RunningOnGridAsync(page, user, unusable);
                    await page.GotoAsync("about:blank", new() { Timeout = 120_000 });
                }
            }
            catch (Exception problem) when (problem is PlaywrightException or TimeoutException)
            {
                Unusable(unusable, $"{user}: {problem.Message.Split('\n')[0]}");
            }
            finally
            {
                if (context is not null)
                {
                    await context.CloseAsync();
                }

                signing.Release();
            }
        }));
        var result = new BrowserUsersResult(_interactions, _failed, _consoleErrors, _reconnects, _recorded, 0, [.. unusable.Order(StringComparer.Ordinal)], running.Length == 0 ? 0 : running[0]);
        Console.WriteLine("@result " + JsonSerializer.Serialize(result));
        return 0;
    }

    /// <summary>Signs in as <paramref name="user"/>: the page with her circuit up, or null with the reason noted.</summary>
    private async Task<IPage?> SignInOnceAsync(IBrowser browser, string script, string user, List<string> unusable)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _plan.Url });
        await context.AddInitScriptAsync(script);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(ExpectTimeoutMs);
        page.PageError += (_, error) => Note(_consoleErrors, $"{user}: page error {error}");
        await page.GotoAsync("/account/login");
        await page.FillAsync("[data-testid=login-username]", user);
        await page.FillAsync("[data-testid=login-password]", _plan.Password);
        await page.ClickAsync("[data-testid=login-submit]");
        try
        {
            // Signed in: Blazor's circuit comes up. Refused: the sign-in page says why.
            await page.WaitForFunctionAsync(
                "() => (window.__kaarya && window.__kaarya.circuitUp === true) || document.querySelector('[data-testid=login-message][role=alert]') !== null",
                null,
                new() { Timeout = ExpectTimeoutMs, PollingInterval = 100 });
        }
        catch (TimeoutException)
        {
            Unusable(unusable, $"{user}: no answer to signing in within {ExpectTimeoutMs / 1000:0} s ({page.Url})");
            await context.CloseAsync();
            return null;
        }

        var refusal = page.Locator("[data-testid=login-message][role=alert]");
        if (await refusal.CountAsync() > 0)
        {
            Unusable(unusable, $"{user}: cannot sign in: \"{(await refusal.InnerTextAsync()).Trim()}\"");
            await context.CloseAsync();
            return null;
        }

        return page;
    }

    /// <summary>Opens the businesses grid from the menu: how many running businesses its first page shows (0, with the reason noted, when none).</summary>
    private static async Task<int> RunningOnGridAsync(IPage page, string user, List<string> unusable)
    {
        const string grid = "[data-testid=business-list][aria-busy=false]";
        var menu = page.Locator("[data-testid=nav-businesses]");
        if (await menu.CountAsync() == 0)
        {
            Unusable(unusable, $"{user}: signed in, but the menu has no businesses grid (is it a staff account?)");
            return 0;
        }

        await menu.ClickAsync();
        await page.Locator(grid + " tbody tr td").First.WaitForAsync();
        if (await page.Locator(grid + " [data-testid=business-list-empty]").CountAsync() > 0)
        {
            Unusable(unusable, $"{user}: the businesses grid is empty: the load test's users need businesses to open");
            return 0;
        }

        var running = await page.Locator(grid + " tbody tr", new() { HasText = "Running" }).CountAsync();
        if (running == 0)
        {
            Unusable(unusable, $"{user}: no running business on the first page of the businesses grid: the load test's users open running ones");
        }

        return running;
    }

    private static async Task ReadyAsync(string name)
    {
        Console.WriteLine("@ready " + name);
        await Console.In.ReadLineAsync();
    }

    private async Task<IPage> SignInAsync(IBrowser browser, string script, string user)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _plan.Url,
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },

            // As many people set it: fewer of MudBlazor's animations for Chromium to paint.
            ReducedMotion = ReducedMotion.Reduce,
        });
        await context.AddInitScriptAsync(script);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(ExpectTimeoutMs);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Note(_consoleErrors, $"{user}: {message.Text} ({message.Location})");
            }
            else if (message.Text.StartsWith("kaarya-reconnect", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _reconnects);
                Note(_consoleErrors, $"{user}: {message.Text}");
            }
        };
        page.PageError += (_, error) => Note(_consoleErrors, $"{user}: page error {error}");

        var clock = Stopwatch.StartNew();
        await page.GotoAsync("/account/login");
        await page.FillAsync("[data-testid=login-username]", user);
        await page.FillAsync("[data-testid=login-password]", _plan.Password);
        await page.ClickAsync("[data-testid=login-submit]");

        // Interactive once Blazor has started the circuit (interaction-timing.js notes it).
        try
        {
            await page.WaitForFunctionAsync("() => window.__kaarya && window.__kaarya.circuitUp === true", null, new() { Timeout = ExpectTimeoutMs, PollingInterval = 50 });
            Record(new Interaction("sign in (page load, circuit up)", clock.Elapsed.TotalMilliseconds, clock.Elapsed.TotalMilliseconds));
        }
        catch (TimeoutException)
        {
            Note(_failed, $"{user}: sign in: no circuit within {ExpectTimeoutMs / 1000:0} s");
        }

        return page;
    }

    /// <summary>The loop of one member of staff until <paramref name="until"/>, with think time between steps.</summary>
    private async Task BrowseAsync(IPage page, int index, DateTime until)
    {
        var random = new Random(_plan.Seed + index);

        // Users start a little apart, as people do.
        await page.WaitForTimeoutAsync(random.Next(0, _plan.ThinkMaxMs));
        while (DateTime.UtcNow < until)
        {
            try
            {
                await LoopOnceAsync(page, random);
            }
            catch (Exception problem) when (problem is PlaywrightException or TimeoutException)
            {
                Note(_failed, $"user {index + 1}: {problem.Message.Split('\n')[0]} ({page.Url})");
                await ReloadAsync(page);
            }
        }
    }

    /// <summary>After a failure, the next loop starts from a fresh page, as a person would reload.</summary>
    private async Task ReloadAsync(IPage page)
    {
        try
        {
            await page.GotoAsync("/businesses");
            await page.WaitForFunctionAsync("() => window.__kaarya && window.__kaarya.circuitUp === true", null, new() { Timeout = ExpectTimeoutMs });
        }
        catch (Exception problem) when (problem is PlaywrightException or TimeoutException)
        {
            Note(_failed, $"reload: {problem.Message.Split('\n')[0]}");
        }
    }

    private async Task LoopOnceAsync(IPage page, Random random)
    {
        const string rows = "[data-testid=business-list] tbody";
        if (!await TimedAsync(page, "open the businesses grid", "present", rows + " tr td", null, () => page.ClickAsync("[data-testid=nav-businesses]")))
        {
            return;
        }

        await ThinkAsync(page, random);
        var step = random.Next(3);
        var nextPage = page.Locator("[data-testid=business-list] button[aria-label='Next page']");
        if (step == 2 && await nextPage.IsDisabledAsync())
        {
            // A programme with one page of businesses (a small deployed one) has no next page: she sorts instead.
            step = 1;
        }

        switch (step)
        {
            case 0:
                var name = SearchNames[random.Next(SearchNames.Length)];
                await TimedAsync(page, "grid: search by name (300 ms debounce included)", "changed", rows, null,
                    () => page.FillAsync("input[data-testid=business-search]", name));
                break;
            case 1:
                await TimedAsync(page, "grid: sort by amount disbursed", "changed", rows, null,
                    () => page.Locator("[data-testid=business-list] th", new() { HasText = "Disbursed" }).Locator(".sortable-column-header").First.ClickAsync());
                break;
            default:
                await TimedAsync(page, "grid: next page", "changed", rows, null, () => nextPage.ClickAsync());
                break;
        }

        await ThinkAsync(page, random);
        if (!await OpenBusinessAsync(page, random))
        {
            return;
        }

        await ThinkAsync(page, random);
        var (tab, expect) = Tabs[random.Next(Tabs.Length)];
        if (!await SwitchTabAsync(page, tab, expect))
        {
            return;
        }

        await ThinkAsync(page, random);
        if (tab != "Sun and cloud" && tab != "Assets and cash book")
        {
            (tab, expect) = Tabs[3 + random.Next(2)];
            if (!await SwitchTabAsync(page, tab, expect))
            {
                return;
            }

            await ThinkAsync(page, random);
        }

        var note = string.Create(CultureInfo.InvariantCulture, $"Load test note {Guid.NewGuid():N}");
        if (tab == "Sun and cloud")
        {
            await PickAsync(page, "[data-testid=event-kind]", random.Next(2) == 0 ? "Sun" : "Cloud");
            await ChooseAsync(page, "[data-testid=event-category]", "Business earning");
            await page.FillAsync("[data-testid=event-text] textarea, textarea[data-testid=event-text]", note);
            await page.Keyboard.PressAsync("Tab");
            await ThinkAsync(page, random, shorter: true);
            if (await TimedAsync(page, "record a timeline event", "contains", ".mud-timeline-item", note, () => page.ClickAsync("button[data-testid=event-submit]"), "[data-testid=event-form]"))
            {
                Interlocked.Increment(ref _recorded);
            }
        }
        else
        {
            await PickAsync(page, "[data-testid=cash-kind]", random.Next(3) == 0 ? "Expense" : "Sale");
            await page.FillAsync("input[data-testid=cash-amount]", (50 * random.Next(2, 60)).ToString(CultureInfo.InvariantCulture));
            await page.FillAsync("input[data-testid=cash-note]", note);
            await page.Keyboard.PressAsync("Tab");
            await ThinkAsync(page, random, shorter: true);
            if (await TimedAsync(page, "record a cash-book line", "contains", "[data-testid=cash-book] tr", note, () => page.ClickAsync("button[data-testid=cash-submit]"), "[data-testid=cash-form]"))
            {
                Interlocked.Increment(ref _recorded);
            }
        }

        await ThinkAsync(page, random);
    }

    /// <summary>Opens a running business from the grid on screen, a random one of its rows.</summary>
    private async Task<bool> OpenBusinessAsync(IPage page, Random random)
    {
        var running = page.Locator("[data-testid=business-list] tbody tr", new() { HasText = "Running" });
        var count = await running.CountAsync();
        if (count == 0)
        {
            // A search can leave no running business on screen: back to the whole list.
            if (!await TimedAsync(page, "grid: clear the search", "changed", "[data-testid=business-list] tbody", null,
                    () => page.FillAsync("input[data-testid=business-search]", string.Empty)))
            {
                return false;
            }

            // The step ends when the grid's region first changes, which can be the "none match" line
            // going as the grid starts loading, before the rows are there: she waits for them.
            count = await running.CountAsync();
            if (count == 0)
            {
                try
                {
                    await page.Locator("[data-testid=business-list][aria-busy=false] tbody tr", new() { HasText = "Running" }).First.WaitForAsync();
                    count = await running.CountAsync();
                }
                catch (TimeoutException)
                {
                    // Noted below.
                }
            }

            if (count == 0)
            {
                Note(_failed, "no running business on the first page of the grid");
                return false;
            }
        }

        var row = running.Nth(random.Next(count));
        var code = (await row.Locator("td").First.InnerTextAsync()).Trim();
        return await TimedAsync(page, "open a business", "contains", "[data-testid=business-owner]", code, () => row.Locator("td").Nth(1).ClickAsync());
    }

    private Task<bool> SwitchTabAsync(IPage page, string tab, string expect) =>
        TimedAsync(page, "switch tab", "present", expect, null, () => page.GetByRole(AriaRole.Tab, new() { Name = tab }).ClickAsync());

    /// <summary>Taps one of a few choices shown as radios; she types on at once, as nothing opens or takes the focus.</summary>
    private static Task PickAsync(IPage page, string group, string choice) =>
        page.Locator(group).GetByRole(AriaRole.Radio, new() { Name = choice, Exact = true }).ClickAsync();

    /// <summary>
    /// Chooses from a select as a person does: opens it, clicks her choice, and waits to see the list
    /// close with her choice shown before she moves on. On a page that is seconds behind, the list
    /// closing takes the focus back to the select, so text typed into the next field before then
    /// goes nowhere, as it would for her.
    /// </summary>
    private static async Task ChooseAsync(IPage page, string select, string option)
    {
        await page.ClickAsync(select);
        var choice = page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true });
        await choice.ClickAsync();
        await choice.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        await page.Locator(select).Filter(new() { HasText = option }).WaitForAsync();
    }

    private Task ThinkAsync(IPage page, Random random, bool shorter = false) =>
        page.WaitForTimeoutAsync(shorter ? random.Next(200, 600) : random.Next(_plan.ThinkMinMs, _plan.ThinkMaxMs + 1));

    /// <summary>
    /// Arms the page's timer (interaction-timing.js) for an expected element, does the action, and
    /// waits for the page to say the element is there. Records the time between the first click or
    /// keystroke after arming and the DOM change that showed the element, and the wall time of the
    /// whole step as Playwright saw it. A missing element is a failed expectation; when the step
    /// saves a <paramref name="form"/>, what the form then shows is noted with it.
    /// </summary>
    private async Task<bool> TimedAsync(IPage page, string kind, string mode, string selector, string? text, Func<Task> action, string? form = null)
    {
        await page.EvaluateAsync("a => window.__kaarya.arm(a[0], a[1], a[2])", new object?[] { mode, selector, text });
        var clock = Stopwatch.StartNew();
        try
        {
            await action();
            var done = page.EvaluateAsync("() => window.__kaarya.done");
            if (await Task.WhenAny(done, Task.Delay(TimeSpan.FromMilliseconds(ExpectTimeoutMs))) != done)
            {
                throw new TimeoutException("The expected element did not come.");
            }

            await done;
            var driverMs = clock.Elapsed.TotalMilliseconds;
            var times = await page.EvaluateAsync<double[]>("() => [window.__kaarya.start ?? -1, window.__kaarya.end]");
            Record(new Interaction(kind, times[0] >= 0 ? times[1] - times[0] : driverMs, driverMs));
            return true;
        }
        catch (TimeoutException)
        {
            var state = await page.EvaluateAsync<string>("() => window.__kaarya ? `armed ${window.__kaarya.mode}, start ${window.__kaarya.start}` : 'no timer: the page was reloaded'");
            var there = await page.Locator(selector).CountAsync();
            var shown = form is null ? string.Empty : "; the form shows: " + await page.EvaluateAsync<string>(FormStateScript, form);
            Note(_failed, $"{kind}: {selector} {text} not there after {ExpectTimeoutMs / 1000:0} s ({page.Url}; {there} such elements now; {state}{shown})");
            return false;
        }
    }

    // What a person would see of a form that did not save: its fields' values, its messages, its
    // button, and any snackbar on the page.
    private const string FormStateScript = """
        selector => {
          const form = document.querySelector(selector);
          if (!form) return 'no form on the page';
          const fields = [...form.querySelectorAll('input, textarea')]
            .filter(i => i.type !== 'hidden' || i.value)
            .map(i => `${i.getAttribute('data-testid') ?? i.getAttribute('aria-label') ?? i.type}=[${i.value}]`);
          const messages = [...form.querySelectorAll('.mud-input-helper-text, .mud-alert')]
            .map(e => e.textContent.trim()).filter(t => t);
          const button = form.querySelector('button[data-testid$=submit]');
          const snackbars = [...document.querySelectorAll('.mud-snackbar')].map(e => e.textContent.trim());
          const focus = document.activeElement;
          const focused = focus ? `${focus.tagName.toLowerCase()} ${focus.getAttribute('data-testid') ?? focus.className}` : 'nothing';
          return `fields ${fields.join(', ')}; messages [${messages.join(' | ')}]; button ${button ? (button.disabled ? 'disabled' : 'enabled') : 'gone'}; snackbars [${snackbars.join(' | ')}]; focus on ${focused}`;
        }
        """;

    private void Record(Interaction interaction)
    {
        lock (_interactions)
        {
            _interactions.Add(interaction);
        }
    }

    /// <summary>An account that cannot take part, by name; no time, so that the list reads in the accounts' order.</summary>
    private static void Unusable(List<string> list, string message)
    {
        lock (list)
        {
            list.Add(message);
        }
    }

    private static void Note(List<string> list, string message)
    {
        lock (list)
        {
            list.Add(string.Create(CultureInfo.InvariantCulture, $"{Now} {message}"));
        }
    }
}
