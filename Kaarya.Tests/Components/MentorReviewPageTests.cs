using Bunit;
using Kaarya.Domain.Common;
using Kaarya.Domain.Plans;
using Kaarya.Tests.Security;
using Kaarya.Web.Components.Forms;
using Kaarya.Web.Components.Pages.Businesses.Tabs;
using Kaarya.Web.Components.Pages.Reviews;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace Kaarya.Tests.Components;

/// <summary>
/// Her mentor goes through her plan with her one part at a time, records the review, and hands
/// her the phone: she acknowledges it with her own password. Only her assigned mentor reviews;
/// staff read the history.
/// </summary>
public sealed class MentorReviewPageTests : KaaryaComponentTest
{
    [Fact]
    public async Task Her_mentor_goes_through_the_plan_part_by_part_and_records_the_review()
    {
        SignInAs("mentor.bina", KaaryaRole.Mentor);
        var business = await DemoViewers.BusinessOfAsync(Database, "KAA-01");
        var page = RenderWithProviders<PlanReviewPage>(p => p.Add(r => r.Id, business));

        page.WaitForElement("[data-testid=review-section-ProductsAndServices]");
        Assert.Contains("Part 1 of 8", page.Find("[data-testid=review-progress]").TextContent, StringComparison.Ordinal);
        await page.Find("textarea[data-testid=review-note]").InputAsync(new() { Value = "Rice and dal sell; add biscuits for school children." });
        foreach (var _ in Enum.GetValues<PlanPart>())
        {
            await page.Find("button[data-testid=review-next]").ClickAsync(new());
        }

        page.WaitForElement("[data-testid=review-section-summary]");
        await page.Find("textarea[data-testid=review-discussed-text]").InputAsync(new() { Value = "Went through the whole plan together." });
        await page.Find("textarea[data-testid=review-changes-text]").InputAsync(new() { Value = "Keep a notebook of credit given." });
        await PickDateAsync(page.FindComponents<MudDatePicker>()[1], new DateOnly(2013, 12, 3));
        await page.Find("button[data-testid=review-record]").ClickAsync(new());

        var review = await StoredAsync(db => db.MentorReviews.SingleOrDefaultAsync(r => r.BusinessId == business && r.ChangesAgreed == "Keep a notebook of credit given.", Cancel));
        Assert.Equal(("mentor.bina", new DateOnly(2013, 9, 3), new DateOnly(2013, 12, 3), "Went through the whole plan together."), (review.MentorUserId, review.ReviewedOn, review.NextReviewOn, review.Discussed));
        var note = Assert.Single(review.SectionNotes);
        Assert.Equal((PlanPart.ProductsAndServices, "Rice and dal sell; add biscuits for school children."), (note.Part, note.Note));
        Assert.False(review.IsAcknowledged);
        page.WaitForAssertion(() => Assert.Contains("Keep a notebook of credit given.", page.Find("[data-testid=acknowledge-step]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dates_notes_and_words_kept_before_the_page_reloaded_come_back_and_are_saved()
    {
        SignInAs("mentor.bina", KaaryaRole.Mentor);
        var business = await DemoViewers.BusinessOfAsync(Database, "KAA-01");
        await using var db = Database.CreateDbContext();
        var plan = await db.BusinessPlans.Where(p => p.BusinessId == business).OrderByDescending(p => p.Version).FirstAsync(Cancel);
        var kept = new Dictionary<string, string>
        {
            ["reviewed-on"] = "01-09-2013",
            ["next-review-on"] = "15-11-2013",
            [nameof(PlanPart.Customers)] = "Women of the self-help group order blouses before Puja.",
            ["discussed"] = "Went through the order book.",
            ["changes"] = "Keep credit in a separate notebook.",
        };
        foreach (var (field, text) in kept)
        {
            JSInterop.Setup<string?>("kaarya.drafts.load", DraftStore.ForReview(plan.Id, field)).SetResult(text);
        }

        var page = RenderWithProviders<PlanReviewPage>(p => p.Add(r => r.Id, business));
        page.WaitForElement("[data-testid=review-section-ProductsAndServices]");
        foreach (var _ in Enum.GetValues<PlanPart>())
        {
            await page.Find("button[data-testid=review-next]").ClickAsync(new());
        }

        page.WaitForAssertion(() =>
        {
            Assert.Equal("01-09-2013", page.Find("input[data-testid=review-date]").GetAttribute("value"));
            Assert.Equal("15-11-2013", page.Find("input[data-testid=review-next-date]").GetAttribute("value"));
        });
        await page.Find("button[data-testid=review-record]").ClickAsync(new());

        var review = await StoredAsync(db => db.MentorReviews.SingleOrDefaultAsync(r => r.BusinessId == business && r.ChangesAgreed == kept["changes"], Cancel));
        Assert.Equal((new DateOnly(2013, 9, 1), new DateOnly(2013, 11, 15), kept["discussed"]), (review.ReviewedOn, review.NextReviewOn, review.Discussed));
        Assert.Equal((PlanPart.Customers, kept[nameof(PlanPart.Customers)]), (Assert.Single(review.SectionNotes).Part, review.SectionNotes[0].Note));
        page.WaitForAssertion(() => Assert.All(kept.Keys, field =>
            Assert.Contains(JSInterop.Invocations, i => i.Identifier == "kaarya.drafts.clear" && Equals(i.Arguments[0], DraftStore.ForReview(plan.Id, field)))));
    }

    [Fact]
    public async Task A_date_chosen_from_the_calendar_is_kept_as_a_draft_and_half_typed_text_is_not_taken_for_a_date()
    {
        SignInAs("mentor.bina", KaaryaRole.Mentor);
        var business = await DemoViewers.BusinessOfAsync(Database, "KAA-01");
        await using var db = Database.CreateDbContext();
        var plan = await db.BusinessPlans.Where(p => p.BusinessId == business).OrderByDescending(p => p.Version).FirstAsync(Cancel);
        JSInterop.Setup<string?>("kaarya.drafts.load", DraftStore.ForReview(plan.Id, "reviewed-on")).SetResult("02-09-20");
        var page = RenderWithProviders<PlanReviewPage>(p => p.Add(r => r.Id, business));
        page.WaitForElement("[data-testid=review-section-ProductsAndServices]");
        foreach (var _ in Enum.GetValues<PlanPart>())
        {
            await page.Find("button[data-testid=review-next]").ClickAsync(new());
        }

        await PickDateAsync(page.FindComponents<MudDatePicker>()[1], new DateOnly(2013, 12, 3));

        page.WaitForAssertion(() => Assert.Contains(JSInterop.Invocations, i => i.Identifier == "kaarya.drafts.save"
            && Equals(i.Arguments[0], DraftStore.ForReview(plan.Id, "next-review-on")) && Equals(i.Arguments[1], "03-12-2013")));
        Assert.Equal("03-09-2013", page.Find("input[data-testid=review-date]").GetAttribute("value"));
    }

    [Fact]
    public async Task A_next_review_before_this_one_is_refused_and_nothing_is_stored()
    {
        SignInAs("mentor.bina", KaaryaRole.Mentor);
        var business = await DemoViewers.BusinessOfAsync(Database, "KAA-01");
        var before = await ReviewCountAsync();
        var page = RenderWithProviders<PlanReviewPage>(p => p.Add(r => r.Id, business));
        page.WaitForElement("[data-testid=review-section-ProductsAndServices]");
        foreach (var _ in Enum.GetValues<PlanPart>())
        {
            await page.Find("button[data-testid=review-next]").ClickAsync(new());
        }

        await page.Find("textarea[data-testid=review-discussed-text]").InputAsync(new() { Value = "Talked about the stock." });
        await PickDateAsync(page.FindComponents<MudDatePicker>()[1], new DateOnly(2013, 9, 1));
        await page.Find("button[data-testid=review-record]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("The next review comes after this one: choose a later date.", page.Find("[data-testid=review-section-summary]").TextContent, StringComparison.Ordinal));
        Assert.Equal(before, await ReviewCountAsync());
    }

    [Fact]
    public async Task She_acknowledges_on_her_mentors_phone_with_her_own_password_after_a_wrong_one_is_refused()
    {
        SignInAs("mentor.bina", KaaryaRole.Mentor);
        var business = await DemoViewers.BusinessOfAsync(Database, "KAA-03");
        var waiting = await WaitingReviewAsync(business);
        var page = RenderWithProviders<PlanReviewPage>(p => p.Add(r => r.Id, business));

        await ConfirmAsync(page, "not-her-password");

        page.WaitForAssertion(() => Assert.Equal("That password is not right. Please try again.", page.Find("[data-testid=acknowledge-refusal]").TextContent.Trim()));
        Assert.Null((await ReviewAsync(waiting)).Acknowledgement);
        Assert.Empty(page.Find("input[data-testid=acknowledge-password]").GetAttribute("value") ?? string.Empty);

        await ConfirmAsync(page, AccessMatrix.DemoPassword);

        page.WaitForElement("[data-testid=review-acknowledged]");
        var acknowledged = await StoredAsync(async db => (await db.MentorReviews.SingleAsync(r => r.Id == waiting, Cancel)).Acknowledgement);
        Assert.Equal("kaa-03", acknowledged.AcknowledgedBy);
        Assert.Empty(page.FindAll("[data-testid=acknowledge-step]"));
    }

    [Fact]
    public async Task Too_many_wrong_passwords_lock_her_confirm_step_with_a_plain_message()
    {
        SignInAs("mentor.bina", KaaryaRole.Mentor);
        var business = await DemoViewers.BusinessOfAsync(Database, "KAA-03");
        var waiting = await WaitingReviewAsync(business);
        var page = RenderWithProviders<PlanReviewPage>(p => p.Add(r => r.Id, business));

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await ConfirmAsync(page, $"wrong-{attempt}");
            page.WaitForElement("[data-testid=acknowledge-refusal]");
        }

        page.WaitForAssertion(() => Assert.Contains("locked", page.Find("[data-testid=acknowledge-refusal]").TextContent, StringComparison.Ordinal));
        await ConfirmAsync(page, AccessMatrix.DemoPassword);
        page.WaitForAssertion(() => Assert.Contains("locked", page.Find("[data-testid=acknowledge-refusal]").TextContent, StringComparison.Ordinal));
        Assert.Null((await ReviewAsync(waiting)).Acknowledgement);
    }

    [Fact]
    public async Task A_mentor_not_assigned_to_her_is_refused_calmly_and_sees_nothing_of_her_plan()
    {
        SignInAs("mentor.someone-else", KaaryaRole.Mentor);
        var business = await DemoViewers.BusinessOfAsync(Database, "KAA-01");
        await using var db = Database.CreateDbContext();
        var plan = await db.BusinessPlans.Where(p => p.BusinessId == business).OrderByDescending(p => p.Version).FirstAsync(Cancel);

        var page = RenderWithProviders<PlanReviewPage>(p => p.Add(r => r.Id, business));

        page.WaitForElement("[data-testid=not-allowed]");
        Assert.Empty(page.FindAll("[data-testid=review-form]"));
        Assert.DoesNotContain(plan.ProductsAndServices, page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_see_each_review_with_its_mentor_what_was_agreed_and_whether_she_acknowledged_it()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        var kaa01 = await DemoViewers.BusinessOfAsync(Database, "KAA-01");
        await using var db = Database.CreateDbContext();
        var acknowledged = await db.MentorReviews.SingleAsync(r => r.BusinessId == kaa01, Cancel);

        var first = RenderWithProviders<ReviewHistoryTab>(p => p.Add(t => t.BusinessId, kaa01));
        var entry = first.WaitForElement("[data-testid=review-entry]");
        Assert.Contains("mentor.bina", entry.TextContent, StringComparison.Ordinal);
        Assert.Contains(DateFormats.Show(acknowledged.ReviewedOn), entry.TextContent, StringComparison.Ordinal);
        Assert.Contains(DateFormats.Show(acknowledged.NextReviewOn), first.Find("[data-testid=review-next]").TextContent, StringComparison.Ordinal);
        Assert.Contains(string.IsNullOrWhiteSpace(acknowledged.ChangesAgreed) ? "No changes" : acknowledged.ChangesAgreed, first.Find("[data-testid=review-changes]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Acknowledged by her on", first.Find("[data-testid=review-acknowledged]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_see_a_review_still_waiting_for_her_acknowledgement_as_waiting()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        var kaa03 = await DemoViewers.BusinessOfAsync(Database, "KAA-03");

        var tab = RenderWithProviders<ReviewHistoryTab>(p => p.Add(t => t.BusinessId, kaa03));

        tab.WaitForElement("[data-testid=review-awaiting]");
        Assert.Empty(tab.FindAll("[data-testid=review-acknowledged]"));
    }

    [Fact]
    public async Task An_auditor_does_not_read_the_reviews_of_her_plan()
    {
        SignInAs("auditor.kp", KaaryaRole.Auditor);
        var business = await DemoViewers.BusinessOfAsync(Database, "KAA-01");

        var tab = RenderWithProviders<ReviewHistoryTab>(p => p.Add(t => t.BusinessId, business));

        tab.WaitForElement("[data-testid=not-allowed]");
        Assert.Empty(tab.FindAll("[data-testid=review-entry]"));
    }

    private static async Task ConfirmAsync(IRenderedComponent<PlanReviewPage> page, string password)
    {
        await page.WaitForElement("input[data-testid=acknowledge-password]").InputAsync(new() { Value = password });
        await page.Find("form[data-testid=acknowledge-form]").SubmitAsync();
    }

    /// <summary>KAA-03's demo review, with the clock moved past the day it was recorded so she can acknowledge it.</summary>
    private async Task<Guid> WaitingReviewAsync(Guid business)
    {
        await using var db = Database.CreateDbContext();
        var review = await db.MentorReviews.SingleAsync(r => r.BusinessId == business, Cancel);
        Assert.False(review.IsAcknowledged);
        if (Database.Clock.GetUtcNow() < review.RecordedAt)
        {
            Database.Clock.SetUtcNow(review.RecordedAt.AddDays(1));
        }

        return review.Id;
    }

    private async Task<Kaarya.Domain.Reviews.MentorReview> ReviewAsync(Guid id)
    {
        await using var db = Database.CreateDbContext();
        return await db.MentorReviews.AsNoTracking().SingleAsync(r => r.Id == id, Cancel);
    }

    private async Task<int> ReviewCountAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.MentorReviews.CountAsync(Cancel);
    }
}
