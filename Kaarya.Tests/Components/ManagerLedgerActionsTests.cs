using Bunit;
using Kaarya.Domain.Common;
using Kaarya.Web.Components.Pages.Ledger;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace Kaarya.Tests.Components;

/// <summary>The manager's two ledger forms: a reversal with its reason, and closing the books through a date.</summary>
public sealed class ManagerLedgerActionsTests : KaaryaComponentTest
{
    [Fact]
    public async Task A_reversal_posts_a_new_entry_that_points_back_at_the_one_reversed()
    {
        SignInAs("manager.sutapa", KaaryaRole.ProgrammeManager);
        Database.Clock.SetUtcNow(new DateTimeOffset(2013, 12, 20, 6, 0, 0, TimeSpan.Zero));
        var target = await UnreversedDisbursementAsync();
        var actions = RenderWithProviders<ManagerLedgerActions>();
        await OpenAsync(actions, 0);

        await actions.Find("input[data-testid=reverse-sequence]").ChangeAsync(new() { Value = target.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await PickDateAsync(actions.FindComponent<MudDatePicker>(), new DateOnly(2013, 12, 15));
        await actions.Find("input[data-testid=reverse-reason]").ChangeAsync(new() { Value = "Paid into the wrong account" });
        await actions.Find("button[data-testid=reverse-submit]").ClickAsync(new());

        var reversal = await StoredAsync(db => db.LedgerEntries.SingleOrDefaultAsync(e => e.ReversesSequence == target, Cancel));
        Assert.Equal(new DateOnly(2013, 12, 15), reversal.ValueDate);
        Assert.True(reversal.Amount.IsNegative);
    }

    [Fact]
    public async Task A_reversal_without_entry_date_or_reason_says_which_is_missing()
    {
        SignInAs("manager.sutapa", KaaryaRole.ProgrammeManager);
        var actions = RenderWithProviders<ManagerLedgerActions>();
        await OpenAsync(actions, 0);
        var before = await EntriesAsync();

        await actions.InvokeAsync(() => actions.FindComponent<MudDatePicker>().Instance.DateChanged.InvokeAsync(null));
        await actions.Find("button[data-testid=reverse-submit]").ClickAsync(new());

        actions.WaitForAssertion(() =>
        {
            Assert.Contains("Choose the entry to reverse.", actions.Markup, StringComparison.Ordinal);
            Assert.Contains("The reason for the reversal is required.", actions.Markup, StringComparison.Ordinal);
            Assert.Contains("Enter the value date of the reversal.", actions.Markup, StringComparison.Ordinal);
        });
        Assert.Equal(before, await EntriesAsync());
    }

    [Fact]
    public async Task Reversing_an_entry_twice_is_refused_in_the_programmes_words()
    {
        SignInAs("manager.sutapa", KaaryaRole.ProgrammeManager);
        Database.Clock.SetUtcNow(new DateTimeOffset(2013, 12, 20, 6, 0, 0, TimeSpan.Zero));
        long reversed;
        await using (var db = Database.CreateDbContext())
        {
            reversed = await db.LedgerEntries.Where(e => e.ReversesSequence != null).Select(e => e.ReversesSequence!.Value).FirstAsync(Cancel);
        }

        var actions = RenderWithProviders<ManagerLedgerActions>();
        await OpenAsync(actions, 0);
        var before = await EntriesAsync();
        await actions.Find("input[data-testid=reverse-sequence]").ChangeAsync(new() { Value = reversed.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await PickDateAsync(actions.FindComponent<MudDatePicker>(), new DateOnly(2013, 12, 15));
        await actions.Find("input[data-testid=reverse-reason]").ChangeAsync(new() { Value = "Again" });
        await actions.Find("button[data-testid=reverse-submit]").ClickAsync(new());

        actions.WaitForAssertion(() => Assert.Equal($"Entry #{reversed} has already been reversed.", actions.Find("[data-testid=ledger-refusal]").TextContent.Trim()));
        Assert.Equal(before, await EntriesAsync());
    }

    [Fact]
    public async Task Closing_the_books_moves_the_close_forward_and_a_date_already_closed_is_refused()
    {
        SignInAs("manager.sutapa", KaaryaRole.ProgrammeManager);
        Database.Clock.SetUtcNow(new DateTimeOffset(2014, 1, 10, 6, 0, 0, TimeSpan.Zero));
        var actions = RenderWithProviders<ManagerLedgerActions>();
        await OpenAsync(actions, 1);

        await PickDateAsync(actions.FindComponents<MudDatePicker>()[1], new DateOnly(2013, 9, 30));
        await actions.Find("button[data-testid=close-submit]").ClickAsync(new());
        await StoredAsync(db => db.AccountingPeriods.FirstOrDefaultAsync(p => p.ClosedThrough == new DateOnly(2013, 9, 30), Cancel));

        await PickDateAsync(actions.FindComponents<MudDatePicker>()[1], new DateOnly(2013, 8, 31));
        await actions.Find("button[data-testid=close-submit]").ClickAsync(new());
        actions.WaitForAssertion(() => Assert.Contains("30-09-2013", actions.Find("[data-testid=ledger-refusal]").TextContent, StringComparison.Ordinal));
        await using var db = Database.CreateDbContext();
        Assert.False(await db.AccountingPeriods.AnyAsync(p => p.ClosedThrough == new DateOnly(2013, 8, 31), Cancel));
    }

    private static async Task OpenAsync(IRenderedComponent<ManagerLedgerActions> actions, int panel) =>
        await actions.FindAll(".mud-expand-panel-header")[panel].ClickAsync(new());

    private async Task<long> UnreversedDisbursementAsync()
    {
        await using var db = Database.CreateDbContext();
        var reversed = await db.LedgerEntries.Where(e => e.ReversesSequence != null).Select(e => e.ReversesSequence!.Value).ToListAsync(Cancel);
        return await db.LedgerEntries.Where(e => e.ReversesSequence == null && !reversed.Contains(e.Sequence) && e.ValueDate > new DateOnly(2013, 6, 30))
            .Select(e => e.Sequence).FirstAsync(Cancel);
    }

    private async Task<int> EntriesAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.LedgerEntries.CountAsync(Cancel);
    }
}
