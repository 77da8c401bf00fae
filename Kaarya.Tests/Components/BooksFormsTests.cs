using Bunit;
using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;
using Kaarya.Web.Components.Pages.Businesses.Books;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace Kaarya.Tests.Components;

/// <summary>The assets-and-debts stock and the cash book: typed as people type amounts, shown with lakh grouping.</summary>
public sealed class BooksFormsTests : KaaryaComponentTest
{
    [Fact]
    public async Task A_stock_of_assets_is_stored_and_its_net_worth_shown()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        var businessId = await AnyBusinessAsync();
        var tab = RenderWithProviders<BooksTab>(p => p.Add(t => t.BusinessId, businessId).Add(t => t.CanRecord, true));
        tab.WaitForElement("[data-testid=snapshot-form]");

        await PickDateAsync(tab.FindComponent<MudDatePicker>(), new DateOnly(2014, 2, 1));
        await tab.Find("input[data-testid=snapshot-assets]").InputAsync(new() { Value = "1,25,000" });
        await tab.Find("input[data-testid=snapshot-liabilities]").InputAsync(new() { Value = "5000" });
        await tab.Find("input[data-testid=snapshot-loans]").InputAsync(new() { Value = "20,000" });
        await tab.Find("button[data-testid=snapshot-submit]").ClickAsync(new());

        var stored = await StoredAsync(db => db.FinancialSnapshots.SingleOrDefaultAsync(s => s.BusinessId == businessId && s.TakenOn == new DateOnly(2014, 2, 1), Cancel));
        Assert.Equal(Money.FromRupees(125_000), stored.Assets);
        Assert.Equal(Money.FromRupees(100_000), stored.NetWorth);
        tab.WaitForAssertion(() => Assert.Contains("₹1,00,000.00", tab.Find("[data-testid=snapshots]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_stock_with_unreadable_amounts_or_an_unexplained_insurance_says_so_and_stores_nothing()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        var businessId = await AnyBusinessAsync();
        var form = RenderWithProviders<SnapshotForm>(p => p.Add(f => f.BusinessId, businessId));

        await form.Find("input[data-testid=snapshot-liabilities]").InputAsync(new() { Value = "-500" });
        await form.FindComponent<MudCheckBox<bool>>().InvokeAsync(() => form.FindComponent<MudCheckBox<bool>>().Instance.ValueChanged.InvokeAsync(true));
        await form.Find("button[data-testid=snapshot-submit]").ClickAsync(new());

        form.WaitForAssertion(() =>
        {
            Assert.Contains("Enter an amount in rupees; 0 if there is none.", form.Markup, StringComparison.Ordinal);
            Assert.Contains("Enter an amount in rupees, such as 12,500 or 0.", form.Markup, StringComparison.Ordinal);
            Assert.Contains("Say what the insurance covers.", form.Markup, StringComparison.Ordinal);
        });
        await using var db = Database.CreateDbContext();
        Assert.False(await db.FinancialSnapshots.AnyAsync(s => s.BusinessId == businessId, Cancel));
    }

    [Fact]
    public async Task A_sale_is_added_to_the_cash_book_and_the_totals_follow()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        var businessId = await AnyBusinessAsync();
        var tab = RenderWithProviders<BooksTab>(p => p.Add(t => t.BusinessId, businessId).Add(t => t.CanRecord, true));
        tab.WaitForElement("[data-testid=cash-form]");

        await tab.Find("input[data-testid=cash-kind-sale]").ClickAsync(new());
        await tab.Find("input[data-testid=cash-amount]").InputAsync(new() { Value = "1,250" });
        await tab.Find("input[data-testid=cash-note]").ChangeAsync(new() { Value = "Ten petticoats at the Thursday haat" });
        await tab.Find("button[data-testid=cash-submit]").ClickAsync(new());

        var stored = await StoredAsync(db => db.CashBookEntries.SingleOrDefaultAsync(c => c.BusinessId == businessId && c.Note == "Ten petticoats at the Thursday haat", Cancel));
        Assert.Equal(Money.FromRupees(1_250), stored.Amount);
        await using var db = Database.CreateDbContext();
        var all = await db.CashBookEntries.Where(c => c.BusinessId == businessId).ToListAsync(Cancel);
        var net = CashBookEntry.Totals(all).Net;
        tab.WaitForAssertion(() => Assert.Contains($"Net {net}", tab.Find("[data-testid=cash-totals]").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("Choose sale or expense.", tab.Find("[data-testid=cash-form]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_she_has_typed_in_the_cash_book_survives_the_books_reloading_underneath_it()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        var businessId = await AnyBusinessAsync();
        var tab = RenderWithProviders<BooksTab>(p => p.Add(t => t.BusinessId, businessId).Add(t => t.CanRecord, true));
        tab.WaitForElement("[data-testid=cash-form]");
        await tab.Find("input[data-testid=cash-kind-expense]").ClickAsync(new());
        await tab.Find("input[data-testid=cash-amount]").InputAsync(new() { Value = "640" });
        await tab.Find("input[data-testid=cash-note]").ChangeAsync(new() { Value = "Jute thread from the Diamond Harbour market" });

        tab.Render(p => p.Add(t => t.BusinessId, businessId).Add(t => t.CanRecord, true));
        await tab.Find("button[data-testid=cash-submit]").ClickAsync(new());

        var stored = await StoredAsync(db => db.CashBookEntries.SingleOrDefaultAsync(c => c.BusinessId == businessId && c.Note == "Jute thread from the Diamond Harbour market", Cancel));
        Assert.Equal((CashBookEntryKind.Expense, Money.FromRupees(640)), (stored.Kind, stored.Amount));
    }

    [Fact]
    public async Task A_cash_line_without_kind_or_amount_says_so_and_a_zero_amount_is_refused()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        var businessId = await AnyBusinessAsync();
        var form = RenderWithProviders<CashBookForm>(p => p.Add(f => f.BusinessId, businessId));

        await form.Find("button[data-testid=cash-submit]").ClickAsync(new());
        form.WaitForAssertion(() =>
        {
            Assert.Contains("Choose sale or expense.", form.Markup, StringComparison.Ordinal);
            Assert.Contains("Enter an amount in rupees.", form.Markup, StringComparison.Ordinal);
        });

        await form.Find("input[data-testid=cash-kind-expense]").ClickAsync(new());
        await form.Find("input[data-testid=cash-amount]").InputAsync(new() { Value = "0" });
        await form.Find("button[data-testid=cash-submit]").ClickAsync(new());
        form.WaitForAssertion(() => Assert.Contains("Enter an amount in rupees, such as 12,500 or 12500.50.", form.Markup, StringComparison.Ordinal));

        await using var db = Database.CreateDbContext();
        Assert.False(await db.CashBookEntries.AnyAsync(c => c.BusinessId == businessId && c.Amount == Money.Zero, Cancel));
    }

    [Fact]
    public async Task An_auditor_is_refused_in_the_programmes_words_and_nothing_is_stored()
    {
        SignInAs("auditor.kp", KaaryaRole.Auditor);
        var businessId = await AnyBusinessAsync();
        var form = RenderWithProviders<CashBookForm>(p => p.Add(f => f.BusinessId, businessId));

        await form.Find("input[data-testid=cash-kind-sale]").ClickAsync(new());
        await form.Find("input[data-testid=cash-amount]").InputAsync(new() { Value = "300" });
        await form.Find("button[data-testid=cash-submit]").ClickAsync(new());

        form.WaitForAssertion(() => Assert.Equal("Only GGBK staff or the programme manager can record this.", form.Find("[data-testid=cash-refusal]").TextContent.Trim()));
        await using var db = Database.CreateDbContext();
        Assert.False(await db.CashBookEntries.AnyAsync(c => c.BusinessId == businessId && c.Amount == Money.FromRupees(300), Cancel));
    }

    private async Task<Guid> AnyBusinessAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.Businesses.OrderBy(b => b.Name).Select(b => b.Id).FirstAsync(Cancel);
    }
}
