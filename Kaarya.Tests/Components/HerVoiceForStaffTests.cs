using Bunit;
using Kaarya.Domain.Common;
using Kaarya.Tests.Security;
using Kaarya.Web.Components.Pages.Businesses.Assessments;
using Kaarya.Web.Components.Pages.Businesses.Plans;
using Kaarya.Web.Components.Pages.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Tests.Components;

/// <summary>Staff and her mentor read her words beside her plan, marked as hers, and cannot change them there.</summary>
public sealed class HerVoiceForStaffTests : KaaryaComponentTest
{
    [Fact]
    public async Task Staff_read_her_words_beside_the_parts_of_her_plan_marked_as_hers()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        var business = await DemoViewers.BusinessOfAsync(Database, "KAA-01");
        var words = await HerLatestWordsAsync(business);

        var tab = RenderWithProviders<PlanTab>(p => p.Add(t => t.BusinessId, business));

        tab.WaitForAssertion(() =>
        {
            var beside = tab.FindAll("[data-testid=her-words-beside]");
            Assert.Contains(beside, b => b.TextContent.Contains(words, StringComparison.Ordinal) && b.TextContent.Contains("In her words", StringComparison.Ordinal));
        });
        Assert.Empty(tab.FindAll("[data-testid=her-words-open]"));
    }

    [Fact]
    public async Task Staff_read_her_words_beside_her_4P_marked_as_hers()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        var business = await DemoViewers.BusinessOfAsync(Database, "KAA-01");
        await using var db = Database.CreateDbContext();
        var onHer4P = await db.HerWords.Where(w => w.BusinessId == business && w.StocktakingId != null).OrderByDescending(w => w.Revision).Select(w => w.Text).FirstAsync(Cancel);

        var tab = RenderWithProviders<FourPTab>(p => p.Add(t => t.BusinessId, business));

        tab.WaitForAssertion(() => Assert.Contains(tab.FindAll("[data-testid=her-words-beside]"), b => b.TextContent.Contains(onHer4P, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Her_mentor_reads_her_words_beside_each_part_as_they_go_through_the_plan()
    {
        SignInAs("mentor.bina", KaaryaRole.Mentor);
        var business = await DemoViewers.BusinessOfAsync(Database, "KAA-01");
        await using var db = Database.CreateDbContext();
        var plan = await db.BusinessPlans.Where(p => p.BusinessId == business).OrderByDescending(p => p.Version).FirstAsync(Cancel);
        var first = await db.HerWords.Where(w => w.BusinessPlanId == plan.Id).OrderBy(w => w.PlanPart).ThenByDescending(w => w.Revision).FirstAsync(Cancel);

        var page = RenderWithProviders<PlanReviewPage>(p => p.Add(r => r.Id, business));
        page.WaitForElement("[data-testid=review-section-ProductsAndServices]");
        for (var part = Kaarya.Domain.Plans.PlanPart.ProductsAndServices; part < first.PlanPart; part++)
        {
            await page.Find("button[data-testid=review-next]").ClickAsync(new());
        }

        page.WaitForAssertion(() => Assert.Contains(first.Text, page.Find($"[data-testid=review-section-{first.PlanPart}] [data-testid=review-her-words]").TextContent, StringComparison.Ordinal));
    }

    private async Task<string> HerLatestWordsAsync(Guid business)
    {
        await using var db = Database.CreateDbContext();
        var plan = await db.BusinessPlans.Where(p => p.BusinessId == business).OrderByDescending(p => p.Version).FirstAsync(Cancel);
        return await db.HerWords.Where(w => w.BusinessPlanId == plan.Id).OrderByDescending(w => w.Revision).Select(w => w.Text).FirstAsync(Cancel);
    }
}
