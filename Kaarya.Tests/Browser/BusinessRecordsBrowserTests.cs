using Kaarya.Tests.Security;
using Microsoft.Playwright;

namespace Kaarya.Tests.Browser;

/// <summary>The business page's record forms, used in Chromium against the running app.</summary>
public sealed class BusinessRecordsBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task Staff_revise_a_plan_and_add_to_the_cash_book()
    {
        var staff = await session.NewPageAsync();
        await BrowserSession.SignInAsync(staff, "staff.rina", AccessMatrix.DemoPassword);
        await BrowserSession.OpenBusinessOfAsync(staff, "KAA-03");

        await BrowserSession.ClickWhenInteractiveAsync(staff, "button[data-testid=plan-revise]", "[data-testid=plan-form]");
        var versionsBefore = await staff.Locator("[data-testid=plan-versions] .mud-chip").CountAsync();
        await staff.FillAsync("[data-testid=plan-next-steps]", "Buy a second sewing machine before the Puja orders");
        await staff.Keyboard.PressAsync("Tab");
        await staff.ClickAsync("button[data-testid=plan-submit]");
        await staff.GetByText("of the plan is saved").First.WaitForAsync();
        await staff.Locator("[data-testid=plan-diff]", new() { HasText = "Buy a second sewing machine before the Puja orders" }).WaitForAsync();
        Assert.Equal(versionsBefore + 1, await staff.Locator("[data-testid=plan-versions] .mud-chip").CountAsync());
        await BrowserSession.SaveScreenshotAsync(staff, "business-plan-versions");
        await staff.AssertAccessibleAsync("the plan tab comparing two versions");

        await staff.GetByRole(AriaRole.Tab, new() { Name = "4P stocktaking" }).ClickAsync();
        await staff.Locator("[data-testid=stocktaking]").First.WaitForAsync();
        await BrowserSession.SaveScreenshotAsync(staff, "business-4p");

        await staff.GetByRole(AriaRole.Tab, new() { Name = "Assets and cash book" }).ClickAsync();
        await staff.Locator("[data-testid=cash-form]").WaitForAsync();
        await BrowserSession.PickAsync(staff, "[data-testid=cash-kind]", "Sale");
        await BrowserSession.FillAsSeenAsync(staff, "input[data-testid=cash-amount]", "1,250");
        await BrowserSession.FillAsSeenAsync(staff, "input[data-testid=cash-note]", "Ten petticoats at the Thursday haat");
        await staff.Keyboard.PressAsync("Tab");
        await staff.ClickAsync("button[data-testid=cash-submit]");

        await staff.Locator("[data-testid=cash-book] tr", new() { HasText = "Ten petticoats at the Thursday haat" }).WaitForAsync();
        Assert.Contains("₹1,250.00", await staff.InnerTextAsync("[data-testid=cash-book]"), StringComparison.Ordinal);
        await BrowserSession.SaveScreenshotAsync(staff, "business-books");
        await staff.AssertAccessibleAsync("the books tab after a cash book line is saved");
        Assert.Empty(session.PolicyViolations);
    }

    // A village line 400 ms each way; and a line 300 ms each way to a phone twenty times slower than
    // this machine. She taps "Expense" and types on at once: nothing she fills in is lost on the way.
    [Theory]
    [InlineData(400, 1)]
    [InlineData(300, 20)]
    public async Task On_a_slow_line_what_she_fills_in_straight_after_her_choice_reaches_the_cash_book(int delayMs, int slowerCpu)
    {
        var staff = await session.NewPageAsync();
        await PhoneLine.RouteAsync(staff, TimeSpan.FromMilliseconds(delayMs));
        await BrowserSession.SignInAsync(staff, "staff.rina", AccessMatrix.DemoPassword);
        await BrowserSession.OpenBusinessOfAsync(staff, "KAA-05");
        await BrowserSession.ClickWhenInteractiveAsync(staff, "role=tab[name='Assets and cash book']", "[data-testid=cash-form]");
        var devtools = await staff.Context.NewCDPSessionAsync(staff);
        await devtools.SendAsync("Emulation.setCPUThrottlingRate", new Dictionary<string, object> { ["rate"] = slowerCpu });

        var note = $"Ribbons for the Rath Yatra stall {delayMs} {slowerCpu}";
        await BrowserSession.PickAsync(staff, "[data-testid=cash-kind]", "Expense");
        await staff.FillAsync("input[data-testid=cash-amount]", "375");
        await staff.FillAsync("input[data-testid=cash-note]", note);
        await staff.Keyboard.PressAsync("Tab");
        await staff.ClickAsync("button[data-testid=cash-submit]");

        await staff.Locator("[data-testid=cash-book] tr", new() { HasText = note }).WaitForAsync();
        Assert.Contains("₹375.00", await staff.Locator("[data-testid=cash-book] tr", new() { HasText = note }).InnerTextAsync(), StringComparison.Ordinal);
    }
}
