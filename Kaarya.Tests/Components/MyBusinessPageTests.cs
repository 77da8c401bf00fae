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
    [Fact]
    public async Task She_sees_her_past_reviews_with_her_mentor_and_whether_she_acknowledged_them_and_no_one_elses()
    {
        await SignInAsSurvivorAsync("kaa-01", "KAA-01");
        var hers = await DemoViewers.BusinessOfAsync(Database, "KAA-01");
        await using var db = Database.CreateDbContext();
        var herReviews = await db.MentorReviews.Where(r => r.BusinessId == hers).ToListAsync(Cancel);
        var othersReviews = await db.MentorReviews.Where(r => r.BusinessId != hers).ToListAsync(Cancel);

        var page = RenderWithProviders<MyBusinessPage>();

        var section = page.WaitForElement("[data-testid=my-reviews]");
        Assert.NotEmpty(herReviews);
        Assert.NotEmpty(othersReviews);
        Assert.Equal(herReviews.Count, page.FindAll("[data-testid=my-review]").Count);
        foreach (var review in herReviews)
        {
            Assert.Contains(DateFormats.Show(review.ReviewedOn), section.TextContent, StringComparison.Ordinal);
            Assert.Contains(DateFormats.Show(review.NextReviewOn), section.TextContent, StringComparison.Ordinal);
            Assert.All(review.SectionNotes, note => Assert.Contains(note.Note, section.TextContent, StringComparison.Ordinal));
            if (!string.IsNullOrWhiteSpace(review.Discussed))
            {
                Assert.Contains(review.Discussed, section.TextContent, StringComparison.Ordinal);
            }

            if (!string.IsNullOrWhiteSpace(review.ChangesAgreed))
            {
                Assert.Contains(review.ChangesAgreed, section.TextContent, StringComparison.Ordinal);
            }
        }

        Assert.Equal(herReviews.Count(r => r.IsAcknowledged), page.FindAll("[data-testid=my-review-acknowledged]").Count);
        Assert.Contains(herReviews.Where(r => r.IsAcknowledged), r => section.TextContent.Contains(
            $"I acknowledged it on {DateFormats.Show(ProgrammeCalendar.Today(r.Acknowledgement!.AcknowledgedAt))}.", StringComparison.Ordinal));
        Assert.DoesNotContain(othersReviews.SelectMany(r => r.SectionNotes.Select(n => n.Note).Append(r.Discussed).Append(r.ChangesAgreed)).Where(t => !string.IsNullOrWhiteSpace(t)),
            text => page.Markup.Contains(text, StringComparison.Ordinal));
        Assert.DoesNotContain(herReviews, r => page.Markup.Contains(r.MentorUserId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_review_she_has_not_acknowledged_yet_says_so_in_her_language()
    {
        await SignInAsSurvivorAsync("kaa-03", "KAA-03");
        var hers = await DemoViewers.BusinessOfAsync(Database, "KAA-03");
        await using var db = Database.CreateDbContext();
        var waiting = await db.MentorReviews.Where(r => r.BusinessId == hers).ToListAsync(Cancel);
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("bn-IN");

        var page = RenderWithProviders<MyBusinessPage>();

        page.WaitForElement("[data-testid=my-reviews]");
        Assert.Contains(waiting, r => !r.IsAcknowledged);
        Assert.Equal(waiting.Count(r => !r.IsAcknowledged), page.FindAll("[data-testid=my-review-awaiting]").Count);
        Assert.Contains("আমি এখনও এটা স্বীকার করিনি।", page.Find("[data-testid=my-review-awaiting]").TextContent, StringComparison.Ordinal);
        Assert.Contains("মেন্টরের সঙ্গে আমার আলোচনা", page.Find("[data-testid=my-reviews] h2").TextContent, StringComparison.Ordinal);
    }
}
