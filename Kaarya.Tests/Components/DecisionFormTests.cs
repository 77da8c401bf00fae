using Bunit;
using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Domain.Participants;
using Kaarya.Web.Components.Pages.Disbursements;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Tests.Components;

/// <summary>Recording a decision for KAA-05's duck rearing (stocktaking and risks done in the renewed phase).</summary>
public sealed class DecisionFormTests : KaaryaComponentTest
{
    [Fact]
    public async Task An_amount_inside_the_band_is_recorded()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        var (form, business, before) = await RenderFormAsync(isManager: false);

        await form.Find("input[data-testid=decision-amount]").InputAsync(new() { Value = "12,000" });
        await form.Find("input[data-testid=decision-date]").ChangeAsync(new() { Value = "01-12-2013" });
        await form.Find("button[data-testid=decision-submit]").ClickAsync(new());

        form.WaitForAssertion(() => Assert.Empty(form.FindAll("[data-testid=decision-refusal]")));
        var decisions = await DecisionsAsync(business);
        Assert.Equal(before + 1, decisions.Count);
        Assert.Contains(decisions, d => d.Kind == DecisionKind.Immediate && d.Amount == Money.FromRupees(12_000) && d.DecidedBy == "staff.rina");
    }

    [Fact]
    public async Task An_amount_above_the_band_shows_the_programmes_message_and_stores_nothing()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        var (form, business, before) = await RenderFormAsync(isManager: false);

        await form.Find("input[data-testid=decision-amount]").InputAsync(new() { Value = "25,000" });
        await form.Find("input[data-testid=decision-date]").ChangeAsync(new() { Value = "01-12-2013" });
        await form.Find("button[data-testid=decision-submit]").ClickAsync(new());

        var refusal = form.WaitForElement("[data-testid=decision-refusal]");
        Assert.Equal("₹25,000 is above the programme band ₹8,000–₹20,000; a programme manager can override with a reason.", refusal.TextContent.Trim());
        Assert.Equal(before, (await DecisionsAsync(business)).Count);
        Assert.Empty(form.FindAll("input[data-testid=decision-override]"));
    }

    [Fact]
    public async Task A_manager_overrides_the_band_with_a_written_reason()
    {
        SignInAs("manager.sutapa", KaaryaRole.ProgrammeManager);
        var (form, business, _) = await RenderFormAsync(isManager: true);

        await form.Find("input[data-testid=decision-amount]").InputAsync(new() { Value = "25,000" });
        await form.Find("input[data-testid=decision-date]").ChangeAsync(new() { Value = "01-12-2013" });
        await form.Find("input[data-testid=decision-override]").ChangeAsync(new() { Value = "Ducklings and a pond liner cost more this season" });
        await form.Find("button[data-testid=decision-submit]").ClickAsync(new());

        form.WaitForAssertion(() => Assert.Empty(form.FindAll("[data-testid=decision-refusal]")));
        var overridden = Assert.Single(await DecisionsAsync(business), d => d.OverriddenBy is not null);
        Assert.Equal("manager.sutapa", overridden.OverriddenBy);
        Assert.Equal("Ducklings and a pond liner cost more this season", overridden.OverrideReason);
    }

    [Fact]
    public async Task A_decision_without_a_date_shows_its_message_at_the_field()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        var (form, business, before) = await RenderFormAsync(isManager: false);

        await form.Find("input[data-testid=decision-amount]").InputAsync(new() { Value = "10,000" });
        await form.Find("button[data-testid=decision-submit]").ClickAsync(new());

        form.WaitForAssertion(() => Assert.Contains("Enter the date of the decision.", form.Markup, StringComparison.Ordinal));
        Assert.Equal(before, (await DecisionsAsync(business)).Count);
    }

    private async Task<(IRenderedComponent<DecisionForm> Form, Guid Business, int Before)> RenderFormAsync(bool isManager)
    {
        await using var db = Database.CreateDbContext();
        var kaa05 = await db.Participants.SingleAsync(p => p.Code == ParticipantCode.Create("KAA-05"), Cancel);
        var business = await db.Businesses.SingleAsync(b => b.ParticipantId == kaa05.Id && b.Status != BusinessStatus.Closed, Cancel);
        var before = await db.DisbursementDecisions.CountAsync(d => d.BusinessId == business.Id, Cancel);
        var form = RenderWithProviders<DecisionForm>(p => p.Add(f => f.BusinessId, business.Id).Add(f => f.IsManager, isManager));
        form.WaitForElement("[data-testid=decision-form]");
        return (form, business.Id, before);
    }

    private async Task<List<DisbursementDecision>> DecisionsAsync(Guid business)
    {
        await using var db = Database.CreateDbContext();
        return await db.DisbursementDecisions.Where(d => d.BusinessId == business).ToListAsync(Cancel);
    }
}
