using Kaarya.Domain.Common;
using Kaarya.Tests.Security;
using Microsoft.Playwright;

namespace Kaarya.Tests.Browser;

/// <summary>
/// Where she meets Kaarya, on a 360 x 740 phone in Bengali: she reads her plan and adds her own
/// words; her mentor goes through the plan with her and records the review; she acknowledges it on
/// the mentor's phone with her own password. And words typed while the phone has no network are
/// still there, and saved, when it comes back.
/// </summary>
public sealed class HerVoiceBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const int Width = 360;
    private const int Height = 740;

    /// <summary>The banner that says the circuit lost the server and is trying again.</summary>
    private const string ReconnectShown = "#components-reconnect-modal[open]";

    /// <summary>Set by kaarya.js once what she typed while away has been given back to the circuit.</summary>
    private const string DraftsRestored = "html[data-kaarya-drafts=restored]";

    [Fact]
    public async Task She_signs_in_sees_her_plan_in_Bengali_and_adds_her_own_words()
    {
        var page = await session.NewPageAsync(Width, Height);
        await BrowserSession.SignInAsync(page, "kaa-03", AccessMatrix.DemoPassword);
        await BrowserSession.OpenAsync(page, "/my-business");

        await page.GetByRole(AriaRole.Heading, new() { Name = "আমার প্ল্যান", Exact = true }).WaitForAsync();
        var editor = "[data-testid=her-words-plan-Customers]";
        await BrowserSession.ClickWhenInteractiveAsync(page, $"{editor} button[data-testid=her-words-open]", $"{editor} textarea[data-testid=her-words-text]");
        await page.FillAsync($"{editor} textarea[data-testid=her-words-text]", "পুজোর আগে স্বনির্ভর দলের মেয়েরা ব্লাউজের অর্ডার দেয়।");
        await page.ClickAsync($"{editor} button[data-testid=her-words-save]");

        await page.Locator($"{editor} [data-testid=her-words-shown]", new() { HasText = "পুজোর আগে স্বনির্ভর দলের মেয়েরা" }).WaitForAsync();
        Assert.Contains("আমার নিজের কথায়", await page.InnerTextAsync($"{editor} [data-testid=her-words-shown]"), StringComparison.Ordinal);
        await BrowserSession.SaveScreenshotAsync(page, "her-voice-her-words-bn");
        await page.AssertAccessibleAsync("her page with her words");
        await AssertFitsAsync(page);
        Assert.Empty(session.PolicyViolations);
    }

    [Fact]
    public async Task Her_mentor_records_a_review_with_her_and_she_acknowledges_it_with_her_own_password()
    {
        var page = await session.NewPageAsync(Width, Height);
        await BrowserSession.SignInAsync(page, "mentor.bina", AccessMatrix.DemoPassword);
        var business = await OpenBusinessInBengaliAsync(page, "KAA-01");
        await BrowserSession.OpenAsync(page, business.TrimEnd('/') + "/review");

        await page.Locator("[data-testid=review-section-ProductsAndServices]").WaitForAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "KAA-01-এর সঙ্গে প্ল্যান নিয়ে আলোচনা" }).WaitForAsync();
        await BrowserSession.ClickWhenInteractiveAsync(page, "textarea[data-testid=review-note]", "textarea[data-testid=review-note]:focus");
        await page.FillAsync("textarea[data-testid=review-note]", "চাল-ডাল ভালো বিক্রি হচ্ছে; স্কুলের বাচ্চাদের জন্য বিস্কুট রাখার কথা হলো।");
        await BrowserSession.SaveScreenshotAsync(page, "her-voice-review-part-bn");
        await page.AssertAccessibleAsync("a part of the review");
        for (var part = 2; part <= 8; part++)
        {
            await page.ClickAsync("button[data-testid=review-next]");
            await page.Locator("[data-testid=review-progress]", new() { HasText = $"অংশ {part} " }).WaitForAsync();
        }

        await page.FillAsync("textarea[data-testid=review-discussed-text]", "পুরো প্ল্যানটা একসঙ্গে দেখা হলো।");
        await page.FillAsync("textarea[data-testid=review-changes-text]", "ধারে দেওয়া জিনিসের হিসাব একটা খাতায় লিখে রাখবেন।");
        await BrowserSession.SaveScreenshotAsync(page, "her-voice-review-summary-bn");
        await page.AssertAccessibleAsync("the review's summary");
        await page.ClickAsync("button[data-testid=review-record]");

        var step = page.Locator("[data-testid=acknowledge-step]", new() { HasText = "ধারে দেওয়া জিনিসের হিসাব" });
        await step.WaitForAsync();
        await AssertFitsAsync(page);

        // The mentor hands her the phone. A wrong password is refused, in Bengali.
        await step.Locator("input[data-testid=acknowledge-password]").FillAsync("not-her-password");
        await step.Locator("button[data-testid=acknowledge-submit]").ClickAsync();
        await step.Locator("[data-testid=acknowledge-refusal]", new() { HasText = "পাসওয়ার্ডটা ঠিক নয়" }).WaitForAsync();
        await BrowserSession.SaveScreenshotAsync(page, "her-voice-acknowledge-refused-bn");
        await page.AssertAccessibleAsync("her confirm step, refused");

        await step.Locator("input[data-testid=acknowledge-password]").FillAsync(AccessMatrix.DemoPassword);
        await step.Locator("button[data-testid=acknowledge-submit]").ClickAsync();
        await page.Locator("[data-testid=review-acknowledged]", new() { HasText = "KAA-01 আলোচনাটা স্বীকার করেছেন" }).WaitForAsync();
        await BrowserSession.SaveScreenshotAsync(page, "her-voice-acknowledged-bn");
        await page.AssertAccessibleAsync("the acknowledged review");

        // Staff (here her mentor, on the business page) see it in the history as acknowledged.
        await BrowserSession.OpenAsync(page, business);
        await BrowserSession.ClickWhenInteractiveAsync(page, "[role=tab]:has-text('মেন্টরের সঙ্গে আলোচনা')", "[data-testid=review-history]");
        await page.Locator("[data-testid=review-entry]", new() { HasText = "ধারে দেওয়া জিনিসের হিসাব" }).Locator("[data-testid=review-acknowledged]").WaitForAsync();
        await page.AssertAccessibleAsync("the review history");
        Assert.Empty(session.PolicyViolations);
    }

    [Fact]
    public async Task Words_she_types_while_the_phone_is_offline_are_still_there_and_saved_when_it_is_back()
    {
        var page = await session.NewPageAsync(Width, Height);
        await BrowserSession.SignInAsync(page, "kaa-03", AccessMatrix.DemoPassword);

        var line = await PhoneLine.RouteAsync(page);
        await BrowserSession.OpenAsync(page, "/my-business");
        var editor = "[data-testid=her-words-4p-Purpose]";
        await BrowserSession.ClickWhenInteractiveAsync(page, $"{editor} button[data-testid=her-words-open]", $"{editor} textarea[data-testid=her-words-text]");
        var field = page.Locator($"{editor} textarea[data-testid=her-words-text]");
        await field.FillAsync("আমি যোগ দিয়েছি");

        await line.GoOfflineAsync();
        await page.Locator(ReconnectShown).WaitForAsync();
        await field.PressSequentiallyAsync(" যাতে আমার মেয়ে স্কুলে পড়তে পারে।", new() { Delay = 60 });
        await BrowserSession.SaveScreenshotAsync(page, "her-voice-offline-bn");
        await line.GoOnlineAsync();

        const string Typed = "আমি যোগ দিয়েছি যাতে আমার মেয়ে স্কুলে পড়তে পারে।";
        await page.Locator(ReconnectShown).WaitForAsync(new() { State = WaitForSelectorState.Hidden, Timeout = 60_000 });
        await page.Locator(DraftsRestored).WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(field).ToHaveValueAsync(Typed);
        await page.ClickAsync($"{editor} button[data-testid=her-words-save]");
        await page.Locator($"{editor} [data-testid=her-words-shown]").WaitForAsync();
        Assert.Contains(Typed, await page.InnerTextAsync($"{editor} [data-testid=her-words-shown]"), StringComparison.Ordinal);

        // Saved, not only shown: a fresh page reads it back from the database.
        await page.ReloadAsync();
        await page.Locator($"{editor} [data-testid=her-words-shown]", new() { HasText = Typed }).WaitForAsync();
        await BrowserSession.SaveScreenshotAsync(page, "her-voice-offline-saved-bn");
    }

    [Fact]
    public async Task Words_typed_before_a_circuit_that_did_not_come_back_are_there_after_the_page_reloads_and_are_saved()
    {
        var page = await session.NewPageAsync(Width, Height);
        await BrowserSession.SignInAsync(page, "kaa-03", AccessMatrix.DemoPassword);
        await BrowserSession.OpenAsync(page, "/my-business");
        var editor = "[data-testid=her-words-4p-Preparation]";
        await BrowserSession.ClickWhenInteractiveAsync(page, $"{editor} button[data-testid=her-words-open]", $"{editor} textarea[data-testid=her-words-text]");
        const string Typed = "সেলাইয়ের ক্লাসে তিন মাস শিখেছি।";
        await page.Locator($"{editor} textarea[data-testid=her-words-text]").PressSequentiallyAsync(Typed, new() { Delay = 20 });

        // The reconnect script reloads the page when the server no longer has her circuit.
        await page.ReloadAsync();

        await page.Locator($"{editor} [data-testid=her-words-restored]").WaitForAsync();
        await BrowserSession.WaitForInteractiveAsync(page);
        Assert.Equal(Typed, await page.Locator($"{editor} textarea[data-testid=her-words-text]").InputValueAsync());
        await BrowserSession.SaveScreenshotAsync(page, "her-voice-restored-bn");
        await page.ClickAsync($"{editor} button[data-testid=her-words-save]");
        await page.Locator($"{editor} [data-testid=her-words-shown]").WaitForAsync();
        Assert.Contains(Typed, await page.InnerTextAsync($"{editor} [data-testid=her-words-shown]"), StringComparison.Ordinal);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => Object.keys(sessionStorage).filter(k => k.startsWith('kaarya.draft:')).length"));
    }

    [Fact]
    public async Task A_review_typed_on_the_mentors_phone_keeps_its_dates_notes_and_words_through_a_drop_and_is_saved()
    {
        var page = await session.NewPageAsync(Width, Height);
        await BrowserSession.SignInAsync(page, "mentor.bina", AccessMatrix.DemoPassword);
        var line = await PhoneLine.RouteAsync(page);
        var business = await OpenBusinessInBengaliAsync(page, "KAA-03");
        await BrowserSession.OpenAsync(page, business.TrimEnd('/') + "/review");

        await page.Locator("[data-testid=review-section-ProductsAndServices]").WaitForAsync();
        await BrowserSession.ClickWhenInteractiveAsync(page, "textarea[data-testid=review-note]", "textarea[data-testid=review-note]:focus");
        const string Note = "ব্লাউজের অর্ডার পুজোর আগে বাড়ে।";
        await page.FillAsync("textarea[data-testid=review-note]", Note);
        for (var part = 2; part <= 8; part++)
        {
            await page.ClickAsync("button[data-testid=review-next]");
            await page.Locator("[data-testid=review-progress]", new() { HasText = $"অংশ {part} " }).WaitForAsync();
        }

        // Typed before the line drops: the review's date and what they discussed.
        var today = Kaarya.Domain.Common.ProgrammeCalendar.Today(TimeProvider.System);
        var reviewedOn = DateFormats.Show(today.AddDays(-2));
        var nextReviewOn = DateFormats.Show(today.AddDays(45));
        var reviewDate = page.Locator("input[data-testid=review-date]");
        var nextDate = page.Locator("input[data-testid=review-next-date]");
        var discussed = page.Locator("textarea[data-testid=review-discussed-text]");
        var changes = page.Locator("textarea[data-testid=review-changes-text]");
        await reviewDate.FillAsync(reviewedOn);
        const string Discussed = "অর্ডারের খাতা একসঙ্গে দেখা হলো।";
        await discussed.FillAsync(Discussed);

        // With no network, typing on: the next review date and the changes agreed.
        await line.GoOfflineAsync();
        await page.Locator(ReconnectShown).WaitForAsync();
        await nextDate.FillAsync(string.Empty);
        await nextDate.PressSequentiallyAsync(nextReviewOn, new() { Delay = 60 });
        const string Changes = "ধারের হিসাব আলাদা খাতায় লিখবেন।";
        await changes.PressSequentiallyAsync(Changes, new() { Delay = 60 });
        await BrowserSession.SaveScreenshotAsync(page, "her-voice-review-offline-bn");
        await line.GoOnlineAsync();

        await page.Locator(ReconnectShown).WaitForAsync(new() { State = WaitForSelectorState.Hidden, Timeout = 60_000 });
        await page.Locator(DraftsRestored).WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(reviewDate).ToHaveValueAsync(reviewedOn);
        await Assertions.Expect(nextDate).ToHaveValueAsync(nextReviewOn);
        await Assertions.Expect(discussed).ToHaveValueAsync(Discussed);
        await Assertions.Expect(changes).ToHaveValueAsync(Changes);
        await page.AssertAccessibleAsync("the review's summary after the connection came back");

        await page.ClickAsync("button[data-testid=review-record]");
        await page.Locator("[data-testid=acknowledge-step]", new() { HasText = Changes }).WaitForAsync();

        // Saved, not only shown: the review history on a fresh page reads it from the database.
        await BrowserSession.OpenAsync(page, business);
        await BrowserSession.ClickWhenInteractiveAsync(page, "[role=tab]:has-text('মেন্টরের সঙ্গে আলোচনা')", "[data-testid=review-history]");
        var entry = page.Locator("[data-testid=review-entry]", new() { HasText = Changes });
        await entry.WaitForAsync();
        var saved = await entry.InnerTextAsync();
        Assert.Contains(reviewedOn, saved, StringComparison.Ordinal);
        Assert.Contains(nextReviewOn, await entry.Locator("[data-testid=review-next]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains(Discussed, saved, StringComparison.Ordinal);
        Assert.Contains(Note, saved, StringComparison.Ordinal);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => Object.keys(sessionStorage).filter(k => k.startsWith('kaarya.draft:review:')).length"));
        await BrowserSession.SaveScreenshotAsync(page, "her-voice-review-offline-saved-bn");
    }

    [Fact]
    public async Task She_reads_her_past_reviews_on_her_page_and_her_own_words_on_her_printout()
    {
        var page = await session.NewPageAsync(Width, Height);
        await BrowserSession.SignInAsync(page, "kaa-01", AccessMatrix.DemoPassword);
        await BrowserSession.OpenAsync(page, "/my-business");

        var reviews = page.Locator("[data-testid=my-reviews]");
        await reviews.GetByRole(AriaRole.Heading, new() { Name = "মেন্টরের সঙ্গে আমার আলোচনা" }).WaitForAsync();
        await reviews.Locator("[data-testid=my-review-acknowledged]").First.WaitForAsync();
        Assert.Contains("আমি এটা স্বীকার করেছি", await reviews.InnerTextAsync(), StringComparison.Ordinal);
        await BrowserSession.SaveScreenshotAsync(page, "her-reviews-bn");
        await page.AssertAccessibleAsync("her page with her past reviews");
        await AssertFitsAsync(page);

        await BrowserSession.OpenAsync(page, "/my-business/print");
        var printed = page.Locator("[data-testid=printed-plan] [data-testid=her-words-shown]").First;
        await printed.WaitForAsync();
        Assert.Contains("আমার নিজের কথায়", await printed.InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("[data-testid=printed-answer]").WaitForAsync();
        await page.Locator("[data-testid=printed-4p] [data-testid=her-words-shown]").First.WaitForAsync();
        await BrowserSession.SaveScreenshotAsync(page, "her-printout-her-words-bn");
        await page.AssertAccessibleAsync("her printout with her own words and her answer");
        await AssertFitsAsync(page);
        Assert.Empty(session.PolicyViolations);
    }

    /// <summary>
    /// Her mentor's language is remembered for her account, and the tests of this class share one
    /// app: switch to Bengali only when the screen is not in Bengali yet, then open the business.
    /// </summary>
    private static async Task<string> OpenBusinessInBengaliAsync(IPage page, string code)
    {
        await BrowserSession.OpenAsync(page, "/businesses");
        if (await page.EvaluateAsync<string>("() => document.documentElement.lang") != "bn")
        {
            await page.ClickAsync("[data-testid=switch-language]");
            await page.WaitForFunctionAsync("() => document.documentElement.lang === 'bn'");
            await BrowserSession.WaitForInteractiveAsync(page);
        }

        await page.Locator("[data-testid=business-list] tbody tr", new() { HasText = code }).Filter(new() { HasText = "চলছে" }).First.ClickAsync();
        await page.Locator("[data-testid=business-tabs]").WaitForAsync();
        return page.Url;
    }

    private static async Task AssertFitsAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1] + 1, $"The page is {widths[0]} px wide in a {widths[1]} px window: it scrolls sideways.");
    }
}

/// <summary>
/// The phone's network, switched off and on. Chromium's offline mode stops new requests but leaves
/// an open WebSocket alone, so the circuit's socket is routed through Playwright: cut when the phone
/// goes offline, and every reconnection refused until it is back, as a village network would.
/// </summary>
internal sealed class PhoneLine
{
    private readonly IPage _page;
    private readonly TimeSpan _delay;
    private readonly List<IWebSocketRoute> _sockets = [];
    private bool _offline;

    private PhoneLine(IPage page, TimeSpan delay)
    {
        _page = page;
        _delay = delay;
    }

    /// <summary>
    /// Routes the page's circuit through the line; with a <paramref name="delay"/>, every message
    /// each way arrives that much later, in order, as on a slow mobile network.
    /// </summary>
    public static async Task<PhoneLine> RouteAsync(IPage page, TimeSpan delay = default)
    {
        var line = new PhoneLine(page, delay);
        await page.RouteWebSocketAsync(new System.Text.RegularExpressions.Regex("/_blazor"), line.Connect);
        return line;
    }

    public async Task GoOfflineAsync()
    {
        Volatile.Write(ref _offline, true);
        await _page.Context.SetOfflineAsync(true);
        IWebSocketRoute[] open;
        lock (_sockets)
        {
            open = [.. _sockets];
        }

        foreach (var socket in open)
        {
            await socket.CloseAsync(new() { Code = 4000, Reason = "offline" });
        }
    }

    public async Task GoOnlineAsync()
    {
        Volatile.Write(ref _offline, false);
        await _page.Context.SetOfflineAsync(false);
    }

    private void Connect(IWebSocketRoute socket)
    {
        if (Volatile.Read(ref _offline))
        {
            _ = socket.CloseAsync(new() { Code = 4000, Reason = "offline" });
            return;
        }

        var server = socket.ConnectToServer();
        lock (_sockets)
        {
            _sockets.Add(socket);
            _sockets.Add(server);
        }

        if (_delay > TimeSpan.Zero)
        {
            socket.OnMessage(new DelayedPipe(server, _delay).Send);
            server.OnMessage(new DelayedPipe(socket, _delay).Send);
        }
    }

    /// <summary>One direction of a slow line: each frame is sent on after the delay, in the order it came.</summary>
    private sealed class DelayedPipe
    {
        private readonly System.Threading.Channels.Channel<(DateTime Due, IWebSocketFrame Frame)> _frames =
            System.Threading.Channels.Channel.CreateUnbounded<(DateTime, IWebSocketFrame)>();

        private readonly TimeSpan _delay;

        public DelayedPipe(IWebSocketRoute to, TimeSpan delay)
        {
            _delay = delay;
            _ = Task.Run(() => ForwardAsync(to));
        }

        public void Send(IWebSocketFrame frame) => _frames.Writer.TryWrite((DateTime.UtcNow + _delay, frame));

        private async Task ForwardAsync(IWebSocketRoute to)
        {
            await foreach (var (due, frame) in _frames.Reader.ReadAllAsync())
            {
                var wait = due - DateTime.UtcNow;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }

                if (frame.Binary is { } bytes)
                {
                    to.Send(bytes);
                }
                else
                {
                    to.Send(frame.Text ?? string.Empty);
                }
            }
        }
    }
}
