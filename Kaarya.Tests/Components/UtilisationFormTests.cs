using Bunit;
using Kaarya.Domain.Access;
using Kaarya.Domain.Common;
using Kaarya.Web.Components.Pages.Businesses.Tabs;
using Kaarya.Web.Features.Funding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaarya.Tests.Components;

/// <summary>How she used a disbursement: reported against it, never more than was paid, the unexplained balance following.</summary>
public sealed class UtilisationFormTests : KaaryaComponentTest
{
    [Fact]
    public async Task A_report_is_stored_against_the_disbursement_and_the_unexplained_balance_falls()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        var (businessId, paid) = await DisbursementWithMoneyUnexplainedAsync();
        var tab = RenderWithProviders<MoneyTab>(p => p.Add(t => t.BusinessId, businessId).Add(t => t.CanRecord, true));
        tab.WaitForElement("[data-testid=utilisation-form]");

        await tab.Find("input[data-testid=utilisation-items-description-0]").ChangeAsync(new() { Value = "Twenty chicks from the block hatchery" });
        await tab.Find("input[data-testid=utilisation-items-amount-0]").InputAsync(new() { Value = "1,000" });
        await tab.Find("button[data-testid=utilisation-submit]").ClickAsync(new());

        var stored = await StoredAsync(db => db.UtilisationReports.SingleOrDefaultAsync(r => r.LedgerSequence == paid.Sequence && r.ReportedOn == ProgrammeCalendar.Today(Database.Clock), Cancel));
        Assert.Equal(Money.FromRupees(1_000), stored.Total);
        var expected = paid.Position.Unexplained - Money.FromRupees(1_000);
        tab.WaitForAssertion(() => Assert.Contains(expected.ToString(), tab.Find("[data-testid=utilisation]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_report_without_uses_or_with_an_unreadable_amount_says_so_and_stores_nothing()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        var (_, paid) = await DisbursementWithMoneyUnexplainedAsync();
        var form = RenderWithProviders<UtilisationForm>(p => p.Add(f => f.Disbursements, [paid]));
        var before = await CountAsync();

        await form.Find("input[data-testid=utilisation-items-amount-0]").InputAsync(new() { Value = "a lot" });
        await form.Find("button[data-testid=utilisation-submit]").ClickAsync(new());
        form.WaitForAssertion(() =>
        {
            Assert.Contains("What the money was used for is required.", form.Markup, StringComparison.Ordinal);
            Assert.Contains("Enter an amount in rupees, such as 12,500 or 12500.50.", form.Markup, StringComparison.Ordinal);
        });

        await form.Find("[data-testid=utilisation-items] button[aria-label='Remove this line']").ClickAsync(new());
        await form.Find("button[data-testid=utilisation-submit]").ClickAsync(new());
        form.WaitForAssertion(() => Assert.Contains("List at least one use of the money.", form.Markup, StringComparison.Ordinal));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Uses_adding_up_to_more_than_was_paid_are_refused_in_the_programmes_words()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        var (_, paid) = await DisbursementWithMoneyUnexplainedAsync();
        var form = RenderWithProviders<UtilisationForm>(p => p.Add(f => f.Disbursements, [paid]));
        var before = await CountAsync();
        var tooMuch = paid.Position.Unexplained + Money.FromRupees(1);

        await form.Find("input[data-testid=utilisation-items-description-0]").ChangeAsync(new() { Value = "Sewing machine" });
        await form.Find("input[data-testid=utilisation-items-amount-0]").InputAsync(new() { Value = tooMuch.ToInputString() });
        await form.Find("button[data-testid=utilisation-submit]").ClickAsync(new());

        form.WaitForAssertion(() => Assert.Equal(
            $"The uses add up to {(paid.Position.Reported + tooMuch).ToShortString()}, more than the {paid.Paid.ToShortString()} paid in entry #{paid.Sequence}.",
            form.Find("[data-testid=utilisation-refusal]").TextContent.Trim()));
        Assert.Equal(before, await CountAsync());
    }

    private async Task<(Guid BusinessId, DisbursementUse Paid)> DisbursementWithMoneyUnexplainedAsync()
    {
        var reader = Services.GetRequiredService<UtilisationReader>();
        var staff = Viewer.Staff(new Actor("staff.rina", KaaryaRole.Staff));
        await using var db = Database.CreateDbContext();
        foreach (var businessId in await db.LedgerEntries.Select(e => e.BusinessId).Distinct().ToListAsync(Cancel))
        {
            var use = (await reader.ForBusinessAsync(businessId, staff, Cancel)).Disbursements.FirstOrDefault(d => d.Position.Unexplained.IsPositive);
            if (use is not null)
            {
                return (businessId, use);
            }
        }

        throw new InvalidOperationException("The demo data has no disbursement with money still unexplained.");
    }

    private async Task<int> CountAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.UtilisationReports.CountAsync(Cancel);
    }
}
