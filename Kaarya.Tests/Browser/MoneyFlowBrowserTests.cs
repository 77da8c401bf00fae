using Kaarya.Tests.Security;
using Microsoft.Playwright;

namespace Kaarya.Tests.Browser;

/// <summary>
/// The money flow as GGBK works it, in a real Chromium: staff record a tranche on a business page,
/// the programme manager approves it in her inbox, and the ledger shows it with its chain intact.
/// </summary>
public sealed class MoneyFlowBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task Staff_record_a_request_the_manager_approves_it_and_the_ledger_shows_it()
    {
        var staff = await session.NewPageAsync();
        await BrowserSession.SignInAsync(staff, "staff.rina", AccessMatrix.DemoPassword);
        await BrowserSession.OpenBusinessOfAsync(staff, "KAA-01");
        await BrowserSession.SaveScreenshotAsync(staff, "business-page");
        await staff.GetByRole(AriaRole.Tab, new() { Name = "Decisions" }).ClickAsync();

        await staff.FillAsync("input[data-testid=request-amount]", "5,000");
        await staff.FillAsync("input[data-testid=request-date]", "02-12-2013");
        await staff.Keyboard.PressAsync("Tab");
        await staff.FillAsync("input[data-testid=request-reference]", "RCPT-2013-88");
        await staff.Keyboard.PressAsync("Tab");
        await staff.Locator("button[data-testid=request-submit]").DblClickAsync();
        await staff.GetByText("Request recorded").First.WaitForAsync();
        await staff.AssertAccessibleAsync("the decisions tab with a request waiting");

        var manager = await session.NewPageAsync();
        await BrowserSession.SignInAsync(manager, "manager.sutapa", AccessMatrix.DemoPassword);
        await BrowserSession.OpenAsync(manager, "/approvals");
        var waiting = manager.Locator("[data-testid=pending-request]");
        await waiting.First.WaitForAsync();
        Assert.Equal(1, await waiting.CountAsync());
        Assert.Contains("₹5,000.00", await waiting.First.InnerTextAsync(), StringComparison.Ordinal);
        await manager.AssertAccessibleAsync("approvals with a request waiting");
        await BrowserSession.ClickWhenInteractiveAsync(manager, "button[data-testid=approve]", "[data-testid=approvals-empty]");

        await BrowserSession.OpenAsync(manager, "/ledger");
        var newest = manager.Locator("[data-testid=ledger] tbody tr").First;
        await newest.WaitForAsync();
        var row = await newest.InnerTextAsync();
        Assert.Contains("KAA-01", row, StringComparison.Ordinal);
        Assert.Contains("₹5,000.00", row, StringComparison.Ordinal);
        await manager.Locator("[data-testid=chain-status]", new() { HasText = "intact" }).WaitForAsync();

        await BrowserSession.OpenAsync(manager, "/dashboard");
        await manager.Locator("[data-testid=latest-postings]").WaitForAsync();
        Assert.Contains("₹5,000.00", await manager.InnerTextAsync("[data-testid=latest-postings]"), StringComparison.Ordinal);
        await BrowserSession.SaveScreenshotAsync(manager, "dashboard");
        Assert.Empty(session.PolicyViolations);
    }

    [Fact]
    public async Task The_manager_reverses_an_entry_and_the_chain_stays_intact()
    {
        var manager = await session.NewPageAsync();
        await BrowserSession.SignInAsync(manager, "manager.sutapa", AccessMatrix.DemoPassword);
        await BrowserSession.OpenAsync(manager, "/ledger");
        await manager.Locator("[data-testid=reverse-panel]").WaitForAsync();
        await BrowserSession.ClickWhenInteractiveAsync(manager, "[data-testid=reverse-panel] .mud-expand-panel-header", "input[data-testid=reverse-sequence]:visible");

        await manager.FillAsync("input[data-testid=reverse-sequence]", "1");
        await manager.FillAsync("input[data-testid=reverse-date]", "15-12-2013");
        await manager.Keyboard.PressAsync("Tab");
        await manager.FillAsync("input[data-testid=reverse-reason]", "Paid into the wrong account");
        await manager.Keyboard.PressAsync("Tab");
        await manager.AssertAccessibleAsync("the ledger with the reversal form open");
        await manager.ClickAsync("button[data-testid=reverse-submit]");

        var newest = manager.Locator("[data-testid=ledger] tbody tr", new() { HasText = "Reversal of #1" });
        await newest.First.WaitForAsync();
        Assert.Contains("-₹", await newest.First.InnerTextAsync(), StringComparison.Ordinal);
        await manager.Locator("[data-testid=chain-status]", new() { HasText = "intact" }).WaitForAsync();
    }

    [Fact]
    public async Task An_amount_outside_the_band_is_refused_with_the_programmes_words_and_nothing_is_stored()
    {
        var staff = await session.NewPageAsync();
        await BrowserSession.SignInAsync(staff, "staff.mousumi", AccessMatrix.DemoPassword);
        await BrowserSession.OpenBusinessOfAsync(staff, "KAA-05");
        await BrowserSession.ClickWhenInteractiveAsync(staff, "[role=tab]:has-text('Decisions')", "[data-testid=decision-form]");
        var decisionsBefore = await staff.Locator("[data-testid=decision]").CountAsync();

        await staff.FillAsync("input[data-testid=decision-amount]", "25,000");
        await staff.FillAsync("input[data-testid=decision-date]", "01-12-2013");
        await staff.Keyboard.PressAsync("Tab");
        await staff.ClickAsync("button[data-testid=decision-submit]");

        var refusal = staff.Locator("[data-testid=decision-refusal]");
        await refusal.WaitForAsync();
        Assert.Contains("₹25,000 is above the programme band ₹8,000–₹20,000; a programme manager can override with a reason.", await refusal.InnerTextAsync(), StringComparison.Ordinal);
        await staff.AssertAccessibleAsync("the decisions tab showing a refusal");
        await staff.ReloadAsync();
        await BrowserSession.ClickWhenInteractiveAsync(staff, "[role=tab]:has-text('Decisions')", "[data-testid=decision-form]");
        Assert.Equal(decisionsBefore, await staff.Locator("[data-testid=decision]").CountAsync());
    }
}
