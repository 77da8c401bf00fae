using Bunit;
using Kaarya.Domain.Common;
using Kaarya.Domain.Plans;
using Kaarya.Web.Components.Pages.Businesses.Plans;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace Kaarya.Tests.Components;

/// <summary>A plan is revised as a new version that starts from the latest, and the tab shows what changed.</summary>
public sealed class PlanFormTests : KaaryaComponentTest
{
    [Fact]
    public async Task A_revision_is_stored_as_the_next_version_and_the_tab_shows_what_changed()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        var latest = await LatestPlanAsync();
        Database.Clock.SetUtcNow(new DateTimeOffset(latest.DraftedOn.AddDays(30).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        var tab = RenderWithProviders<PlanTab>(p => p.Add(t => t.BusinessId, latest.BusinessId).Add(t => t.CanRecord, true));
        await tab.WaitForElement("[data-testid=plan-revise]").ClickAsync(new());

        await tab.Find("[data-testid=plan-products]").ChangeAsync(new() { Value = "Petticoats and blouses, stitched to order" });
        await tab.Find("input[data-testid=plan-uses-amount-0]").InputAsync(new() { Value = "12,500" });
        await tab.Find("button[data-testid=plan-submit]").ClickAsync(new());

        var stored = await StoredAsync(db => db.BusinessPlans.SingleOrDefaultAsync(p => p.BusinessId == latest.BusinessId && p.Version == latest.Version + 1, Cancel));
        Assert.Equal("Petticoats and blouses, stitched to order", stored.ProductsAndServices);
        Assert.Equal(Money.FromRupees(12_500), stored.IntendedUsesOfSeedMoney[0].Amount);
        Assert.Equal(latest.Customers, stored.Customers);
        tab.WaitForAssertion(() =>
        {
            var diff = tab.Find("[data-testid=plan-diff]").TextContent;
            Assert.Contains("Petticoats and blouses, stitched to order", diff, StringComparison.Ordinal);
            Assert.Contains("₹12,500.00", diff, StringComparison.Ordinal);
            Assert.DoesNotContain("Customers", diff, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Each_missing_or_unreadable_field_says_what_is_wrong_and_nothing_is_stored()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        var latest = await LatestPlanAsync();
        var form = RenderWithProviders<PlanForm>(p => p.Add(f => f.BusinessId, latest.BusinessId).Add(f => f.Latest, latest));

        await form.Find("[data-testid=plan-products]").ChangeAsync(new() { Value = string.Empty });
        await form.Find("input[data-testid=plan-income]").InputAsync(new() { Value = "lots" });
        await form.Find("input[data-testid=plan-uses-amount-0]").InputAsync(new() { Value = "12.345" });
        await form.Find("button[data-testid=plan-submit]").ClickAsync(new());

        form.WaitForAssertion(() =>
        {
            Assert.Contains("Products and services is required.", form.Markup, StringComparison.Ordinal);
            Assert.Equal(2, CountOf(form.Markup, "Enter an amount in rupees, such as 12,500 or 0."));
        });
        await AssertVersionsAsync(latest.BusinessId, latest.Version);
    }

    [Fact]
    public async Task A_revision_dated_before_the_latest_version_is_refused_in_the_programmes_words()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        var latest = await LatestPlanAsync();
        var form = RenderWithProviders<PlanForm>(p => p.Add(f => f.BusinessId, latest.BusinessId).Add(f => f.Latest, latest));

        await PickDateAsync(form.FindComponent<MudDatePicker>(), latest.DraftedOn.AddDays(-1));
        await form.Find("button[data-testid=plan-submit]").ClickAsync(new());

        form.WaitForAssertion(() => Assert.Contains(
            $"A revision is dated on or after {DateFormats.Show(latest.DraftedOn)}, the date of version {latest.Version}.",
            form.Find("[data-testid=plan-refusal]").TextContent, StringComparison.Ordinal));
        await AssertVersionsAsync(latest.BusinessId, latest.Version);
    }

    private async Task<BusinessPlan> LatestPlanAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.BusinessPlans.AsNoTracking().OrderByDescending(p => p.Version).ThenBy(p => p.DraftedOn).FirstAsync(Cancel);
    }

    private async Task AssertVersionsAsync(Guid businessId, int expected)
    {
        await using var db = Database.CreateDbContext();
        Assert.Equal(expected, await db.BusinessPlans.CountAsync(p => p.BusinessId == businessId, Cancel));
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}
