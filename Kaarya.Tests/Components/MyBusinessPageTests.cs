using Bunit;
using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Tests.Security;
using Kaarya.Web.Components.Pages.MyBusiness;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Tests.Components;

/// <summary>Her own page shows her business and nothing else: not another survivor's, not what only staff see.</summary>
public sealed class MyBusinessPageTests : KaaryaComponentTest
{
    [Fact]
    public async Task She_sees_her_business_her_plan_and_her_money_and_no_one_elses()
    {
        await SignInAsSurvivorAsync("kaa-01", "KAA-01");
        var hers = await DemoViewers.BusinessOfAsync(Database, "KAA-01");
        await using var db = Database.CreateDbContext();
        var herBusinesses = await db.Businesses.Where(b => db.Participants.Any(p => p.Id == b.ParticipantId && p.Code == Kaarya.Domain.Participants.ParticipantCode.Create("KAA-01"))).ToListAsync(Cancel);
        var othersBusinesses = await db.Businesses.Where(b => !herBusinesses.Select(h => h.Id).Contains(b.Id)).Select(b => b.Name).ToListAsync(Cancel);
        var entries = await db.LedgerEntries.Where(e => e.BusinessId == hers).ToListAsync(Cancel);
        var reversed = entries.Where(e => e.ReversesSequence is not null).Select(e => e.ReversesSequence).ToHashSet();
        var received = Money.Sum(entries.Where(e => e.Kind == LedgerEntryKind.Disbursement && !reversed.Contains(e.Sequence)).Select(e => e.Amount));
        var plan = await db.BusinessPlans.Where(p => p.BusinessId == hers).OrderByDescending(p => p.Version).FirstAsync(Cancel);

        var page = RenderWithProviders<MyBusinessPage>();

        page.WaitForElement("[data-testid=my-business]");
        Assert.All(herBusinesses, b => Assert.Contains(b.Name, page.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain(othersBusinesses, name => page.Markup.Contains(name, StringComparison.Ordinal));
        Assert.Contains(plan.ProductsAndServices, page.Markup, StringComparison.Ordinal);
        Assert.Contains(received.ToString(), page.Find("[data-testid=my-money-total]").TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Find("[data-testid=stage-picture] [aria-current=step]"));
    }

    [Fact]
    public async Task Nothing_only_staff_see_reaches_her_page()
    {
        await SignInAsSurvivorAsync("kaa-01", "KAA-01");
        var hers = await DemoViewers.BusinessOfAsync(Database, "KAA-01");
        await using var db = Database.CreateDbContext();
        var staffOnly = await db.TimelineEvents.Where(e => e.BusinessId == hers).Select(e => e.Text).ToListAsync(Cancel);
        var reasons = await db.DisbursementDecisions.Where(d => d.BusinessId == hers && d.Reason != string.Empty).Select(d => d.Reason).ToListAsync(Cancel);
        var herName = await db.Participants.Where(p => p.Code == Kaarya.Domain.Participants.ParticipantCode.Create("KAA-01")).Select(p => p.GivenName).SingleAsync(Cancel);

        var page = RenderWithProviders<MyBusinessPage>();

        page.WaitForElement("[data-testid=my-business]");
        Assert.NotEmpty(staffOnly);
        Assert.DoesNotContain(staffOnly, text => page.Markup.Contains(text, StringComparison.Ordinal));
        Assert.DoesNotContain(reasons, text => page.Markup.Contains(text, StringComparison.Ordinal));
        Assert.DoesNotContain(herName, page.Markup, StringComparison.Ordinal);
    }
}
