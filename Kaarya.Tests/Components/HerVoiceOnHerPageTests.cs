using System.Globalization;
using Bunit;
using Kaarya.Domain.Assessments;
using Kaarya.Domain.Plans;
using Kaarya.Domain.Voice;
using Kaarya.Tests.Security;
using Kaarya.Web.Components.Forms;
using Kaarya.Web.Components.Pages.MyBusiness;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace Kaarya.Tests.Components;

/// <summary>
/// On her own page she writes her own words beside each part of her plan and each of her 4P, and
/// says whether she agrees with her plan. What she writes is stored as hers and shown as hers, and
/// what she typed is not lost when the page had to reload.
/// </summary>
public sealed class HerVoiceOnHerPageTests : KaaryaComponentTest
{
    [Fact]
    public async Task Her_words_beside_a_part_of_her_plan_are_stored_as_hers_and_shown_as_hers()
    {
        await SignInAsSurvivorAsync("kaa-03", "KAA-03");
        var plan = await LatestPlanOfAsync("KAA-03");
        var page = RenderWithProviders<MyBusinessPage>();

        await WriteAsync(page, "plan-Customers", "Women from the self-help group order blouses before the puja.");

        var stored = await StoredAsync(db => db.HerWords.SingleOrDefaultAsync(w => w.BusinessPlanId == plan.Id && w.PlanPart == PlanPart.Customers, Cancel));
        Assert.Equal(("kaa-03", "Women from the self-help group order blouses before the puja."), (stored.WrittenBy, stored.Text));
        page.WaitForAssertion(() =>
        {
            var shown = page.Find("[data-testid=her-words-plan-Customers] [data-testid=her-words-shown]");
            Assert.Contains("In my words", shown.TextContent, StringComparison.Ordinal);
            Assert.Contains("Women from the self-help group order blouses before the puja.", shown.TextContent, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Her_words_beside_one_of_her_4P_are_stored_beside_her_stocktaking()
    {
        await SignInAsSurvivorAsync("kaa-03", "KAA-03");
        var business = await DemoViewers.BusinessOfAsync(Database, "KAA-03");
        await using var db = Database.CreateDbContext();
        var stocktaking = await db.Stocktakings.Where(s => s.BusinessId == business).OrderByDescending(s => s.HeldOn).FirstAsync(Cancel);
        var page = RenderWithProviders<MyBusinessPage>();

        await WriteAsync(page, "4p-Purpose", "I joined so that my daughter can stay in school.");

        var stored = await StoredAsync(db => db.HerWords.SingleOrDefaultAsync(w => w.StocktakingId == stocktaking.Id && w.FourPPart == FourPPart.Purpose, Cancel));
        Assert.Equal("kaa-03", stored.WrittenBy);
        page.WaitForAssertion(() => Assert.Contains("I joined so that my daughter can stay in school.", page.Find("[data-testid=her-words-4p-Purpose] [data-testid=her-words-shown]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Changing_her_words_keeps_what_she_said_before_and_shows_the_new_words()
    {
        await SignInAsSurvivorAsync("kaa-03", "KAA-03");
        var plan = await LatestPlanOfAsync("KAA-03");
        var page = RenderWithProviders<MyBusinessPage>();

        await WriteAsync(page, "plan-NextSteps", "Buy a second sewing machine.");
        await StoredAsync(db => db.HerWords.SingleOrDefaultAsync(w => w.BusinessPlanId == plan.Id && w.PlanPart == PlanPart.NextSteps, Cancel));
        page.WaitForElement("[data-testid=her-words-plan-NextSteps] [data-testid=her-words-shown]");
        await WriteAsync(page, "plan-NextSteps", "Buy a second sewing machine and teach my sister.");

        var second = await StoredAsync(db => db.HerWords.SingleOrDefaultAsync(w => w.BusinessPlanId == plan.Id && w.PlanPart == PlanPart.NextSteps && w.Revision == 2, Cancel));
        Assert.Equal("Buy a second sewing machine and teach my sister.", second.Text);
        await using var db = Database.CreateDbContext();
        Assert.Equal(2, await db.HerWords.CountAsync(w => w.BusinessPlanId == plan.Id && w.PlanPart == PlanPart.NextSteps, Cancel));
        page.WaitForAssertion(() => Assert.Contains("teach my sister", page.Find("[data-testid=her-words-plan-NextSteps] [data-testid=her-words-shown]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_same_words_again_are_refused_in_Bengali_on_a_Bengali_screen_and_nothing_is_stored()
    {
        await SignInAsSurvivorAsync("kaa-01", "KAA-01");
        var plan = await LatestPlanOfAsync("KAA-01");
        await using var db = Database.CreateDbContext();
        var hers = await db.HerWords.Where(w => w.BusinessPlanId == plan.Id).OrderByDescending(w => w.Revision).FirstAsync(Cancel);
        var before = await db.HerWords.CountAsync(Cancel);
        CultureInfo.CurrentUICulture = new CultureInfo("bn-IN");
        var page = RenderWithProviders<MyBusinessPage>();

        await WriteAsync(page, $"plan-{hers.PlanPart}", hers.Text);

        page.WaitForAssertion(() => Assert.Equal(
            "এগুলো আগে থেকেই এখানে আপনার কথা। বদলাতে চাইলে বদলান, না হলে যেমন আছে রেখে দিন।",
            page.Find($"[data-testid=her-words-plan-{hers.PlanPart}] [data-testid=her-words-refusal]").TextContent.Trim()));
        Assert.Equal(before, await db.HerWords.CountAsync(Cancel));
    }

    [Fact]
    public async Task Saving_without_words_asks_her_for_them_and_stores_nothing()
    {
        await SignInAsSurvivorAsync("kaa-03", "KAA-03");
        var page = RenderWithProviders<MyBusinessPage>();
        await using var db = Database.CreateDbContext();
        var before = await db.HerWords.CountAsync(Cancel);

        var editor = "[data-testid=her-words-plan-Customers]";
        await page.WaitForElement($"{editor} button[data-testid=her-words-open]").ClickAsync(new());
        await page.WaitForElement($"{editor} button[data-testid=her-words-save]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Write your words first.", page.Find(editor).TextContent, StringComparison.Ordinal));
        Assert.Equal(before, await db.HerWords.CountAsync(Cancel));
    }

    [Fact]
    public async Task Her_answer_not_yet_then_agree_is_recorded_and_the_latest_answer_shows()
    {
        await SignInAsSurvivorAsync("kaa-03", "KAA-03");
        var plan = await LatestPlanOfAsync("KAA-03");
        var page = RenderWithProviders<MyBusinessPage>();

        await AnswerAsync(page, PlanAnswer.NotYet, "I want to talk with my mother first.");
        var notYet = await StoredAsync(db => db.PlanAgreements.SingleOrDefaultAsync(a => a.BusinessPlanId == plan.Id && a.Revision == 1, Cancel));
        Assert.Equal((PlanAnswer.NotYet, "kaa-03", "I want to talk with my mother first."), (notYet.Answer, notYet.SaidBy, notYet.Words));
        page.WaitForAssertion(() => Assert.Contains("I said: not yet.", page.Find("[data-testid=my-answer-shown]").TextContent, StringComparison.Ordinal));

        await AnswerAsync(page, PlanAnswer.Agree, string.Empty);
        var agree = await StoredAsync(db => db.PlanAgreements.SingleOrDefaultAsync(a => a.BusinessPlanId == plan.Id && a.Revision == 2, Cancel));
        Assert.Equal(PlanAnswer.Agree, agree.Answer);
        page.WaitForAssertion(() => Assert.Contains("I said: I agree.", page.Find("[data-testid=my-answer-shown]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Words_she_typed_before_the_page_reloaded_come_back_and_are_saved()
    {
        await SignInAsSurvivorAsync("kaa-03", "KAA-03");
        var plan = await LatestPlanOfAsync("KAA-03");
        var key = DraftStore.ForWords(plan.Id, nameof(PlanPart.Customers));
        JSInterop.Setup<string?>("kaarya.drafts.load", key).SetResult("Typed while the line was down.");
        var page = RenderWithProviders<MyBusinessPage>();

        var editor = "[data-testid=her-words-plan-Customers]";
        page.WaitForElement($"{editor} [data-testid=her-words-restored]");
        Assert.Equal("Typed while the line was down.", page.Find($"{editor} textarea[data-testid=her-words-text]").GetAttribute("value") ?? page.Find($"{editor} textarea[data-testid=her-words-text]").TextContent);
        await page.Find($"{editor} button[data-testid=her-words-save]").ClickAsync(new());

        var stored = await StoredAsync(db => db.HerWords.SingleOrDefaultAsync(w => w.BusinessPlanId == plan.Id && w.PlanPart == PlanPart.Customers, Cancel));
        Assert.Equal("Typed while the line was down.", stored.Text);
        page.WaitForAssertion(() => Assert.Contains(JSInterop.Invocations, i => i.Identifier == "kaarya.drafts.clear" && Equals(i.Arguments[0], key)));
    }

    [Fact]
    public async Task Her_page_shows_her_own_words_and_never_another_survivors()
    {
        await using var db = Database.CreateDbContext();
        var kaa01 = await DemoViewers.BusinessOfAsync(Database, "KAA-01");
        var othersWords = await db.HerWords.Where(w => w.BusinessId == kaa01).Select(w => w.Text).ToListAsync(Cancel);
        await SignInAsSurvivorAsync("kaa-03", "KAA-03");

        var page = RenderWithProviders<MyBusinessPage>();

        page.WaitForElement("[data-testid=my-answer]");
        Assert.NotEmpty(othersWords);
        Assert.DoesNotContain(othersWords, text => page.Markup.Contains(text, StringComparison.Ordinal));
    }

    private static async Task WriteAsync(IRenderedComponent<MyBusinessPage> page, string part, string words)
    {
        var editor = $"[data-testid=her-words-{part}]";
        await page.WaitForElement($"{editor} button[data-testid=her-words-open]").ClickAsync(new());
        await page.WaitForElement($"{editor} textarea[data-testid=her-words-text]").InputAsync(new() { Value = words });
        await page.Find($"{editor} button[data-testid=her-words-save]").ClickAsync(new());
    }

    private static async Task AnswerAsync(IRenderedComponent<MyBusinessPage> page, PlanAnswer answer, string words)
    {
        page.WaitForElement("[data-testid=my-answer-form]");
        var choice = page.FindComponent<MudRadioGroup<PlanAnswer?>>();
        await choice.InvokeAsync(() => choice.Instance.ValueChanged.InvokeAsync(answer));
        await page.Find("textarea[data-testid=my-answer-words]").InputAsync(new() { Value = words });
        await page.Find("button[data-testid=my-answer-save]").ClickAsync(new());
    }

    private async Task<BusinessPlan> LatestPlanOfAsync(string code)
    {
        var business = await DemoViewers.BusinessOfAsync(Database, code);
        await using var db = Database.CreateDbContext();
        return await db.BusinessPlans.Where(p => p.BusinessId == business).OrderByDescending(p => p.Version).FirstAsync(Cancel);
    }
}
