using Bunit;
using Kaarya.Domain.Access;
using Kaarya.Domain.Common;
using Kaarya.Tests.Security;
using Kaarya.Web.Features.MyBusiness;
using Microsoft.Extensions.DependencyInjection;
using Kaarya.Web.Components.Pages.MyBusiness;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace Kaarya.Tests.Components;

/// <summary>Her plan to print and keep: her code, not her name, unless she asks; her plan's parts; nothing staff-only.</summary>
public sealed class PrintMyPlanPageTests : KaaryaComponentTest
{
    private const string Her = "KAA-01";

    [Fact]
    public async Task The_printout_carries_her_code_and_not_her_name_by_default()
    {
        await SignInAsSurvivorAsync("kaa-01", Her);
        var herName = await HerNameAsync();

        var page = RenderWithProviders<PrintMyPlanPage>();

        var whose = page.WaitForElement("[data-testid=print-whose]");
        Assert.Contains(Her, whose.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(herName, page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Her_name_is_printed_instead_of_her_code_when_she_ticks_the_box()
    {
        await SignInAsSurvivorAsync("kaa-01", Her);
        var herName = await HerNameAsync();
        var page = RenderWithProviders<PrintMyPlanPage>();
        page.WaitForElement("[data-testid=print-whose]");

        var box = page.FindComponent<MudCheckBox<bool>>();
        await box.InvokeAsync(() => box.Instance.ValueChanged.InvokeAsync(true));

        page.WaitForAssertion(() => Assert.Contains(herName, page.Find("[data-testid=print-whose]").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain(Her, page.Find("[data-testid=print-whose]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_printout_shows_each_part_of_her_latest_plan_her_risks_and_what_comes_next()
    {
        await SignInAsSurvivorAsync("kaa-01", Her);
        var hers = await DemoViewers.BusinessOfAsync(Database, Her);
        await using var db = Database.CreateDbContext();
        var plan = await db.BusinessPlans.Where(p => p.BusinessId == hers).OrderByDescending(p => p.Version).FirstAsync(Cancel);
        var risks = await db.RiskAssessments.Where(r => r.BusinessId == hers).OrderByDescending(r => r.AssessedOn).FirstAsync(Cancel);

        var page = RenderWithProviders<PrintMyPlanPage>();

        page.WaitForElement("[data-testid=printed-business]");
        var printed = page.Find("[data-testid=printed-plan]").TextContent;
        Assert.Contains(plan.ProductsAndServices, printed, StringComparison.Ordinal);
        Assert.Contains(plan.Customers, printed, StringComparison.Ordinal);
        Assert.Contains(plan.SupportersAndChallengers, printed, StringComparison.Ordinal);
        Assert.All(plan.IntendedUsesOfSeedMoney, use => Assert.Contains(use.Description, printed, StringComparison.Ordinal));
        Assert.All(risks.Risks, risk => Assert.Contains(risk.Mitigation, page.Find("[data-testid=printed-risks]").TextContent, StringComparison.Ordinal));
        Assert.Contains(plan.NextSteps, page.Find("[data-testid=printed-next]").TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Find("[data-testid=stage-picture] [aria-current=step]"));
    }

    [Fact]
    public async Task Her_own_words_on_each_part_of_her_plan_and_her_4P_are_printed_as_hers_with_her_answer()
    {
        await SignInAsSurvivorAsync("kaa-01", Her);
        var hers = await DemoViewers.BusinessOfAsync(Database, Her);
        await using var db = Database.CreateDbContext();
        var plan = await db.BusinessPlans.Where(p => p.BusinessId == hers).OrderByDescending(p => p.Version).FirstAsync(Cancel);
        var fourP = await db.Stocktakings.Where(s => s.BusinessId == hers).OrderByDescending(s => s.HeldOn).FirstAsync(Cancel);
        var words = await db.HerWords.Where(w => w.BusinessId == hers).ToListAsync(Cancel);
        var onPlan = words.Where(w => w.BusinessPlanId == plan.Id && w.PlanPart != Kaarya.Domain.Plans.PlanPart.Costs)
            .GroupBy(w => w.PlanPart).Select(g => g.MaxBy(w => w.Revision)!).ToList();
        var onFourP = words.Where(w => w.StocktakingId == fourP.Id).GroupBy(w => w.FourPPart).Select(g => g.MaxBy(w => w.Revision)!).ToList();
        var answer = await db.PlanAgreements.Where(a => a.BusinessPlanId == plan.Id).OrderByDescending(a => a.Revision).FirstAsync(Cancel);

        var page = RenderWithProviders<PrintMyPlanPage>();

        page.WaitForElement("[data-testid=printed-business]");
        Assert.NotEmpty(onPlan);
        Assert.NotEmpty(onFourP);
        var printedAsHers = page.FindAll("[data-testid=her-words-shown]").Select(e => e.TextContent).ToList();
        Assert.All(onPlan.Concat(onFourP), w => Assert.Contains(printedAsHers, shown => shown.Contains(w.Text, StringComparison.Ordinal) && shown.Contains("In my words", StringComparison.Ordinal)));
        Assert.All(onFourP, w => Assert.Contains(w.Text, page.Find("[data-testid=printed-4p]").TextContent, StringComparison.Ordinal));
        Assert.Contains(fourP.Purpose, page.Find("[data-testid=printed-4p]").TextContent, StringComparison.Ordinal);
        var printedAnswer = page.Find("[data-testid=printed-answer]").TextContent;
        Assert.Contains(answer.Agrees ? "I said: I agree." : "I said: not yet.", printedAnswer, StringComparison.Ordinal);
        Assert.DoesNotContain(await HerNameAsync(), page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Words_she_wrote_before_are_not_printed_only_what_she_now_says()
    {
        await SignInAsSurvivorAsync("kaa-01", Her);
        var hers = await DemoViewers.BusinessOfAsync(Database, Her);
        await using var db = Database.CreateDbContext();
        var plan = await db.BusinessPlans.Where(p => p.BusinessId == hers).OrderByDescending(p => p.Version).FirstAsync(Cancel);
        var before = await db.HerWords.Where(w => w.BusinessPlanId == plan.Id && w.PlanPart == Kaarya.Domain.Plans.PlanPart.Customers).OrderByDescending(w => w.Revision).FirstAsync(Cancel);
        var herself = await DemoViewers.ForAsync(Database, "kaa-01");
        var rewritten = Kaarya.Domain.Voice.HerWordsInput.OnPlan(plan.Id, Kaarya.Domain.Plans.PlanPart.Customers, before);
        rewritten.Words = "মেলার দিনে গ্রামের মেয়েরাও কেনে";
        await Services.GetRequiredService<Kaarya.Web.Features.Voice.HerVoiceService>().WriteAsync(rewritten, herself, Cancel);
        var othersBusiness = await DemoViewers.BusinessOfAsync(Database, "KAA-03");
        var othersPlan = await db.BusinessPlans.Where(p => p.BusinessId == othersBusiness).OrderByDescending(p => p.Version).FirstAsync(Cancel);
        var othersInput = Kaarya.Domain.Voice.HerWordsInput.OnPlan(othersPlan.Id, Kaarya.Domain.Plans.PlanPart.Customers);
        othersInput.Words = "আমার খদ্দের পাশের গ্রামের দোকান";
        await Services.GetRequiredService<Kaarya.Web.Features.Voice.HerVoiceService>().WriteAsync(othersInput, await DemoViewers.ForAsync(Database, "kaa-03"), Cancel);
        var othersWords = await db.HerWords.Where(w => w.BusinessId != hers).Select(w => w.Text).ToListAsync(Cancel);

        var page = RenderWithProviders<PrintMyPlanPage>();

        page.WaitForElement("[data-testid=printed-business]");
        Assert.Contains("মেলার দিনে গ্রামের মেয়েরাও কেনে", page.Find("[data-testid=printed-plan]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(before.Text, page.Markup, StringComparison.Ordinal);
        Assert.NotEmpty(othersWords);
        Assert.DoesNotContain(othersWords, text => page.Markup.Contains(text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_survivor_who_has_not_answered_sees_that_on_her_printout()
    {
        await SignInAsSurvivorAsync("kaa-03", "KAA-03");
        var hers = await DemoViewers.BusinessOfAsync(Database, "KAA-03");
        await using var db = Database.CreateDbContext();
        var plan = await db.BusinessPlans.Where(p => p.BusinessId == hers).OrderByDescending(p => p.Version).FirstAsync(Cancel);
        Assert.False(await db.PlanAgreements.AnyAsync(a => a.BusinessPlanId == plan.Id, Cancel));

        var page = RenderWithProviders<PrintMyPlanPage>();

        page.WaitForAssertion(() => Assert.Contains("I have not yet said whether I agree with this plan.", page.Find("[data-testid=printed-answer]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=her-words-shown]"));
    }

    [Fact]
    public async Task Nothing_only_staff_see_and_no_one_elses_business_reaches_the_printout()
    {
        await SignInAsSurvivorAsync("kaa-01", Her);
        var hers = await DemoViewers.BusinessOfAsync(Database, Her);
        await using var db = Database.CreateDbContext();
        var herself = await db.Businesses.Where(b => b.Id == hers).Select(b => b.ParticipantId).SingleAsync(Cancel);
        var othersBusinesses = await db.Businesses.Where(b => b.ParticipantId != herself).Select(b => b.Name).ToListAsync(Cancel);
        var staffOnly = await db.TimelineEvents.Where(e => e.BusinessId == hers).Select(e => e.Text).ToListAsync(Cancel);
        var reasons = await db.DisbursementDecisions.Where(d => d.BusinessId == hers && d.Reason != string.Empty).Select(d => d.Reason).ToListAsync(Cancel);

        var page = RenderWithProviders<PrintMyPlanPage>();

        page.WaitForElement("[data-testid=printed-business]");
        Assert.NotEmpty(staffOnly);
        Assert.DoesNotContain(staffOnly, text => page.Markup.Contains(text, StringComparison.Ordinal));
        Assert.DoesNotContain(reasons, text => page.Markup.Contains(text, StringComparison.Ordinal));
        Assert.DoesNotContain(othersBusinesses, name => page.Markup.Contains(name, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(KaaryaRole.Staff)]
    [InlineData(KaaryaRole.Mentor)]
    [InlineData(KaaryaRole.Auditor)]
    public async Task Only_a_survivor_can_have_a_printout_and_only_of_her_own_plan(KaaryaRole role)
    {
        var reader = Services.GetRequiredService<PlanPrintoutReader>();
        var someone = await DemoViewers.ForAsync(Database, AccessMatrix.DemoUsers[role]);

        await Assert.ThrowsAsync<AccessDeniedException>(() => reader.ForHerAsync(someone, Cancel));
    }

    private async Task<string> HerNameAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.Participants.Where(p => p.Code == Kaarya.Domain.Participants.ParticipantCode.Create(Her)).Select(p => p.GivenName).SingleAsync(Cancel);
    }
}
