using Bunit;
using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Web.Components.Pages.Disbursements;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Tests.Components;

/// <summary>The manager's approvals inbox, over the demo programme.</summary>
public sealed class ApprovalsPageTests : KaaryaComponentTest
{
    [Fact]
    public async Task An_empty_inbox_says_nothing_is_waiting()
    {
        SignInAs("manager.sutapa", KaaryaRole.ProgrammeManager);

        var page = RenderWithProviders<ApprovalsPage>();

        page.WaitForElement("[data-testid=approvals-empty]");
        Assert.Empty(page.FindAll("[data-testid=pending-request]"));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Approving_a_waiting_request_posts_it_to_the_ledger_and_empties_the_inbox()
    {
        var request = await RecordPendingAsync("5,000");
        SignInAs("manager.sutapa", KaaryaRole.ProgrammeManager);
        var page = RenderWithProviders<ApprovalsPage>();
        page.WaitForElement("[data-testid=pending-request]");

        await page.Find("[data-testid=approve]").ClickAsync(new());

        page.WaitForElement("[data-testid=approvals-empty]");
        await using var db = Database.CreateDbContext();
        var posted = await db.DisbursementRequests.SingleAsync(r => r.Id == request, Cancel);
        Assert.Equal(RequestStatus.Approved, posted.Status);
        Assert.NotNull(posted.LedgerSequence);
    }

    [Fact]
    public async Task Rejecting_without_a_reason_is_refused_in_plain_words_and_changes_nothing()
    {
        var request = await RecordPendingAsync("2,000");
        SignInAs("manager.sutapa", KaaryaRole.ProgrammeManager);
        var page = RenderWithProviders<ApprovalsPage>();
        page.WaitForElement("[data-testid=pending-request]");

        await page.Find("[data-testid=reject]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("reason for rejecting is required", page.Markup, StringComparison.Ordinal));
        await using var db = Database.CreateDbContext();
        Assert.Equal(RequestStatus.Pending, (await db.DisbursementRequests.SingleAsync(r => r.Id == request, Cancel)).Status);
    }

    [Fact]
    public async Task The_inbox_shows_what_the_decision_allows_and_who_recorded_it()
    {
        await RecordPendingAsync("1,500");
        SignInAs("manager.sutapa", KaaryaRole.ProgrammeManager);

        var page = RenderWithProviders<ApprovalsPage>();

        var waiting = page.WaitForElement("[data-testid=pending-request]");
        Assert.Contains("₹1,500.00", waiting.TextContent, StringComparison.Ordinal);
        Assert.Contains("staff.rina", waiting.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_card_shows_what_the_business_has_in_the_whole_phase()
    {
        // KAA-01's grocery: ₹15,000 decided in Phase 2, ₹10,000 of it paid, in the demo.
        await using (var db = Database.CreateDbContext())
        {
            var kaa01 = await db.Participants.SingleAsync(p => p.Code == Kaarya.Domain.Participants.ParticipantCode.Create("KAA-01"), Cancel);
            var business = await db.Businesses.SingleAsync(b => b.ParticipantId == kaa01.Id && b.Status != Kaarya.Domain.Businesses.BusinessStatus.Closed, Cancel);
            var decision = await db.DisbursementDecisions.SingleAsync(d => d.BusinessId == business.Id, Cancel);
            var funder = await db.Funders.FirstAsync(Cancel);
            Database.Clock.SetUtcNow(new DateTimeOffset(2013, 12, 2, 6, 0, 0, TimeSpan.Zero));
            await new Web.Features.Funding.DisbursementService(Database, Database.Clock).RecordRequestAsync(
                new DisbursementRequestInput { DecisionId = decision.Id, FunderId = funder.Id, Amount = "2,500", ValueDate = new DateOnly(2013, 12, 2) },
                new Actor("staff.rina", KaaryaRole.Staff), Cancel);
        }

        SignInAs("manager.sutapa", KaaryaRole.ProgrammeManager);
        var page = RenderWithProviders<ApprovalsPage>();

        var inPhase = page.WaitForElement("[data-testid=pending-in-phase]");
        Assert.Equal("In Phase 2 (renewed with GGBK), this business has ₹15,000.00 decided and ₹10,000.00 paid in all.", inPhase.TextContent.Trim());
    }

    private async Task<Guid> RecordPendingAsync(string amount)
    {
        await using var db = Database.CreateDbContext();
        // In the demo, KAA-01's grocery has ₹5,000 of its decision still to pay.
        var decisions = await db.DisbursementDecisions.Where(d => d.Kind == DecisionKind.Immediate).ToListAsync(Cancel);
        var entries = await db.LedgerEntries.ToListAsync(Cancel);
        var decision = decisions.First(d => d.Amount - Money.Sum(entries.Where(e => e.DecisionId == d.Id).Select(e => e.Amount)) >= Money.Parse(amount));
        var funder = await db.Funders.FirstAsync(Cancel);
        var service = new Web.Features.Funding.DisbursementService(Database, Database.Clock);
        Database.Clock.SetUtcNow(new DateTimeOffset(2013, 12, 2, 6, 0, 0, TimeSpan.Zero));
        return await service.RecordRequestAsync(
            new DisbursementRequestInput { DecisionId = decision.Id, FunderId = funder.Id, Amount = amount, ValueDate = new DateOnly(2013, 12, 2) },
            new Actor("staff.rina", KaaryaRole.Staff), Cancel);
    }
}
