using System.Globalization;
using Bunit;
using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;
using Kaarya.Web.Components.Pages.Businesses.Plans;
using Kaarya.Web.Components.Pages.Businesses.Tabs;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Tests.Components;

/// <summary>Staff screens in Bengali answer a mistake in Bengali, at the field, lines of a list included.</summary>
public sealed class StaffFormValidationInBengaliTests : KaaryaComponentTest
{
    [Fact]
    public async Task An_empty_stage_assessment_is_sent_back_in_Bengali_on_a_Bengali_screen()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        await using var db = Database.CreateDbContext();
        var business = await db.Businesses.FirstAsync(b => b.Status == BusinessStatus.Running, Cancel);
        CultureInfo.CurrentUICulture = new CultureInfo("bn-IN");
        var form = RenderWithProviders<StageAssessmentForm>(p => p.Add(f => f.BusinessId, business.Id));

        await form.Find("button[data-testid=stage-submit]").ClickAsync(new());

        form.WaitForAssertion(() =>
        {
            Assert.Contains("চারটি ধাপের একটি বেছে নিন।", form.Markup, StringComparison.Ordinal);
            Assert.Contains("কী দেখে এই ধাপ বোঝা যাচ্ছে, তা লিখতে হবে।", form.Markup, StringComparison.Ordinal);
            Assert.DoesNotContain("Choose one of the four stages.", form.Markup, StringComparison.Ordinal);
            Assert.DoesNotContain("is required", form.Markup, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_plan_line_with_an_unreadable_amount_is_answered_in_Bengali_like_the_plan_itself()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        await using var db = Database.CreateDbContext();
        var latest = await db.BusinessPlans.AsNoTracking().OrderByDescending(p => p.Version).ThenBy(p => p.DraftedOn).FirstAsync(Cancel);
        CultureInfo.CurrentUICulture = new CultureInfo("bn-IN");
        var form = RenderWithProviders<PlanForm>(p => p.Add(f => f.BusinessId, latest.BusinessId).Add(f => f.Latest, latest));

        await form.Find("[data-testid=plan-products]").ChangeAsync(new() { Value = string.Empty });
        await form.Find("input[data-testid=plan-income]").InputAsync(new() { Value = "lots" });
        await form.Find("input[data-testid=plan-uses-amount-0]").InputAsync(new() { Value = "12.345" });
        await form.Find("button[data-testid=plan-submit]").ClickAsync(new());

        form.WaitForAssertion(() =>
        {
            Assert.Contains("জিনিস ও পরিষেবা লিখতে হবে।", form.Markup, StringComparison.Ordinal);
            Assert.Equal(2, form.Markup.Split("টাকার অঙ্ক দিন, যেমন 12,500 বা 0।").Length - 1);
            Assert.DoesNotContain("Enter an amount in rupees", form.Markup, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_long_text_is_refused_in_Bengali_with_the_domains_own_limit()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        await using var db = Database.CreateDbContext();
        var business = await db.Businesses.FirstAsync(b => b.Status == BusinessStatus.Running, Cancel);
        CultureInfo.CurrentUICulture = new CultureInfo("bn-IN");
        var form = RenderWithProviders<StageAssessmentForm>(p => p.Add(f => f.BusinessId, business.Id));

        await form.Find("textarea[data-testid=stage-evidence]").ChangeAsync(new() { Value = new string('ক', TextLimits.Passage + 1) });
        await form.Find("button[data-testid=stage-submit]").ClickAsync(new());

        form.WaitForAssertion(() => Assert.Contains($"কী দেখে এই ধাপ বোঝা যাচ্ছে, তা {TextLimits.Passage} অক্ষরের চেয়ে লম্বা হয়ে গেছে।", form.Markup, StringComparison.Ordinal));
    }
}
