using Bunit;
using Kaarya.Domain.Assessments;
using Kaarya.Domain.Common;
using Kaarya.Web.Components.Pages.Businesses.Assessments;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace Kaarya.Tests.Components;

/// <summary>A new risk assessment starts from the last one; each risk is checked at its fields; the domain's refusals are shown.</summary>
public sealed class RiskAssessmentFormTests : KaaryaComponentTest
{
    [Fact]
    public async Task A_reassessment_carries_the_risks_forward_and_stores_the_new_ratings()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        Database.Clock.SetUtcNow(new DateTimeOffset(2014, 3, 30, 6, 0, 0, TimeSpan.Zero));
        var previous = await LatestAssessmentAsync();
        var tab = RenderWithProviders<RiskRegisterTab>(p => p.Add(t => t.BusinessId, previous.BusinessId).Add(t => t.CanRecord, true));
        await ExpandAsync(tab, "risk-panel");

        var reviewOn = new DateOnly(2014, 6, 30);
        foreach (var picker in tab.FindComponents<MudDatePicker>().Skip(1))
        {
            await PickDateAsync(picker, reviewOn);
        }

        await ChooseAsync(tab.FindComponents<MudSelect<RiskLevel?>>()[0], RiskLevel.High);
        await ChooseAsync(tab.FindComponents<MudSelect<RiskLevel?>>()[1], RiskLevel.High);
        await tab.Find("button[data-testid=risk-submit]").ClickAsync(new());

        var stored = await StoredAsync(db => db.RiskAssessments.SingleOrDefaultAsync(r => r.BusinessId == previous.BusinessId && r.AssessedOn == new DateOnly(2014, 3, 30), Cancel));
        Assert.Equal(previous.Risks.Select(r => r.Title), stored.Risks.Select(r => r.Title));
        Assert.Equal(RiskLevel.High, stored.Risks[0].Severity);
        Assert.All(stored.Risks, r => Assert.Equal(reviewOn, r.ReviewOn));
        tab.WaitForAssertion(() => Assert.Contains("Rated on 30-03-2014", tab.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_risk_of_her_own_needs_each_field_and_says_which_is_missing()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        var businessId = await BusinessWithoutRisksAsync();
        var form = RenderWithProviders<RiskAssessmentForm>(p => p.Add(f => f.BusinessId, businessId));
        await ExpandAsync(form, "risk-panel");

        await form.Find("button[data-testid=risk-submit]").ClickAsync(new());
        form.WaitForAssertion(() => Assert.Contains("Rate at least one risk.", form.Markup, StringComparison.Ordinal));

        await form.Find("button[data-testid=risk-add-custom]").ClickAsync(new());
        await form.Find("button[data-testid=risk-submit]").ClickAsync(new());

        form.WaitForAssertion(() =>
        {
            Assert.Contains("The risk is required.", form.Markup, StringComparison.Ordinal);
            Assert.Contains("Choose whether she can deal with it or it is beyond her control.", form.Markup, StringComparison.Ordinal);
            Assert.Contains("Rate how likely it is.", form.Markup, StringComparison.Ordinal);
            Assert.Contains("Rate how much harm it would do.", form.Markup, StringComparison.Ordinal);
            Assert.Contains("The mitigation is required.", form.Markup, StringComparison.Ordinal);
            Assert.Contains("Who looks after it is required.", form.Markup, StringComparison.Ordinal);
        });
        await using var db = Database.CreateDbContext();
        Assert.False(await db.RiskAssessments.AnyAsync(r => r.BusinessId == businessId, Cancel));
    }

    [Fact]
    public async Task A_review_date_before_the_assessment_is_refused_in_the_programmes_words()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        Database.Clock.SetUtcNow(new DateTimeOffset(2014, 3, 30, 6, 0, 0, TimeSpan.Zero));
        var previous = await LatestAssessmentAsync();
        var form = RenderWithProviders<RiskAssessmentForm>(p => p.Add(f => f.BusinessId, previous.BusinessId).Add(f => f.Previous, previous));
        await ExpandAsync(form, "risk-panel");

        var pickers = form.FindComponents<MudDatePicker>();
        foreach (var picker in pickers.Skip(1))
        {
            await PickDateAsync(picker, new DateOnly(2014, 3, 1));
        }

        await form.Find("button[data-testid=risk-submit]").ClickAsync(new());

        form.WaitForAssertion(() => Assert.Equal(
            $"The review date of \"{previous.Risks[0].Title}\" is before the assessment.",
            form.Find("[data-testid=risk-refusal]").TextContent.Trim()));
        await using var db = Database.CreateDbContext();
        Assert.False(await db.RiskAssessments.AnyAsync(r => r.AssessedOn == new DateOnly(2014, 3, 30), Cancel));
    }

    private async Task<RiskAssessment> LatestAssessmentAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.RiskAssessments.AsNoTracking().OrderByDescending(r => r.AssessedOn).FirstAsync(Cancel);
    }

    private async Task<Guid> BusinessWithoutRisksAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.Businesses.Where(b => !db.RiskAssessments.Any(r => r.BusinessId == b.Id)).Select(b => b.Id).FirstAsync(Cancel);
    }
}
