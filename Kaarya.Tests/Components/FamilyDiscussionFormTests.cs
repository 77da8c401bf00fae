using Bunit;
using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Web.Components.Pages.Businesses.Tabs;
using Kaarya.Web.Features.Funding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace Kaarya.Tests.Components;

/// <summary>
/// KAA-06's poultry decision was delayed on 29-06-2013 until a discussion with her family (follow
/// up on 14-09-2013). Staff record the discussion on the decisions tab; its follow-up then closes.
/// </summary>
public sealed class FamilyDiscussionFormTests : KaaryaComponentTest
{
    [Fact]
    public async Task A_recorded_discussion_is_stored_and_shown_in_place_of_the_follow_up()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        var (business, decision) = await DelayedDecisionOfKaa06Async();
        var tab = RenderWithProviders<DecisionsTab>(p => p.Add(t => t.BusinessId, business).Add(t => t.CanRecord, true));
        tab.WaitForElement("[data-testid=discussion-form]");

        await PickDateAsync(tab.FindComponents<MudDatePicker>().Single(p => p.Instance.Label == "Discussed on"), new DateOnly(2013, 9, 2));
        await tab.Find("input[data-testid=discussion-who]").ChangeAsync(new() { Value = "Her father and the social worker" });
        await tab.Find("textarea[data-testid=discussion-outcome]").ChangeAsync(new() { Value = "Her father agreed to the poultry shed." });
        await tab.Find("button[data-testid=discussion-submit]").ClickAsync(new());

        var stored = await EventuallyAsync(db => db.DisbursementDecisions.SingleAsync(d => d.Id == decision, Cancel), d => d.DiscussedOn is not null);
        Assert.Equal(new DateOnly(2013, 9, 2), stored.DiscussedOn);
        Assert.Equal("Her father and the social worker", stored.DiscussedWith);
        tab.WaitForAssertion(() => Assert.Equal(
            "Discussed on 02-09-2013 with Her father and the social worker: Her father agreed to the poultry shed.",
            tab.Find("[data-testid=decision-discussed]").TextContent.Trim()));
        Assert.Empty(tab.FindAll("[data-testid=discussion-form]"));
    }

    [Fact]
    public async Task Without_what_it_came_to_the_field_says_so_and_nothing_is_stored()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        var (business, decision) = await DelayedDecisionOfKaa06Async();
        var tab = RenderWithProviders<DecisionsTab>(p => p.Add(t => t.BusinessId, business).Add(t => t.CanRecord, true));
        tab.WaitForElement("[data-testid=discussion-form]");

        await PickDateAsync(tab.FindComponents<MudDatePicker>().Single(p => p.Instance.Label == "Discussed on"), new DateOnly(2013, 9, 2));
        await tab.Find("input[data-testid=discussion-who]").ChangeAsync(new() { Value = "Her father" });
        await tab.Find("button[data-testid=discussion-submit]").ClickAsync(new());

        tab.WaitForAssertion(() => Assert.Contains("What the discussion came to is required.", tab.Markup, StringComparison.Ordinal));
        await using var db = Database.CreateDbContext();
        Assert.Null((await db.DisbursementDecisions.SingleAsync(d => d.Id == decision, Cancel)).DiscussedOn);
    }

    [Fact]
    public async Task The_decision_that_follows_the_discussion_replaces_the_delayed_one_on_the_tab()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        var (business, delayed) = await DelayedDecisionOfKaa06Async();
        var decisions = Services.GetRequiredService<DecisionService>();
        var grounds = (await decisions.GroundsAsync(business, Cancel))!;

        await decisions.RecordAsync(
            new DecisionInput
            {
                BusinessId = business, PhaseId = grounds.PhaseId, StocktakingId = grounds.StocktakingId, RiskAssessmentId = grounds.RiskAssessmentId,
                Kind = DecisionKind.Immediate, Amount = "12,000", DecidedOn = new DateOnly(2013, 9, 2),
            },
            new Actor("staff.rina", KaaryaRole.Staff), Cancel);
        var tab = RenderWithProviders<DecisionsTab>(p => p.Add(t => t.BusinessId, business).Add(t => t.CanRecord, true));

        tab.WaitForAssertion(() => Assert.Equal(2, tab.FindAll("[data-testid=decision]").Count));
        var replaced = tab.FindAll("[data-testid=decision]").Single(d => d.QuerySelector("[data-testid=decision-replaced]") is not null);
        Assert.Contains("Replaced on 02-09-2013 by a later decision", replaced.TextContent, StringComparison.Ordinal);
        Assert.Contains("Delayed", replaced.TextContent, StringComparison.Ordinal);
        await using var db = Database.CreateDbContext();
        Assert.NotNull((await db.DisbursementDecisions.SingleAsync(d => d.Id == delayed, Cancel)).SupersededById);
    }

    private async Task<(Guid Business, Guid Decision)> DelayedDecisionOfKaa06Async()
    {
        await using var db = Database.CreateDbContext();
        var kaa06 = await db.Participants.SingleAsync(p => p.Code == Kaarya.Domain.Participants.ParticipantCode.Create("KAA-06"), Cancel);
        var decision = await (
            from d in db.DisbursementDecisions
            join b in db.Businesses on d.BusinessId equals b.Id
            where b.ParticipantId == kaa06.Id && d.Kind == DecisionKind.Delayed
            select new { d.BusinessId, d.Id }).SingleAsync(Cancel);
        return (decision.BusinessId, decision.Id);
    }
}
