using Kaarya.Domain.Assessments;
using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Domain.Participants;
using Kaarya.Domain.Plans;
using Kaarya.Tests.Domain;
using Kaarya.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Tests.Data;

/// <summary>Every aggregate comes back from SQLite exactly as it was saved.</summary>
public abstract class RoundTripTests(DatabaseProvider provider)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Programme_phases_funder_and_budget_round_trip()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var stored = await StoredCase.CreateAsync(database, budget: Money.FromRupees(1_50_000));

        await using var db = database.CreateDbContext();
        var programme = await db.Programmes.SingleAsync(Cancel);
        var budget = await db.FunderBudgets.SingleAsync(Cancel);

        Assert.Equal("Kaarya — Work that Heals", programme.Name);
        Assert.Equal(["Phase 1", "Renewed phase 2013–14"], programme.Phases.OrderBy(p => p.StartsOn).Select(p => p.Name));
        Assert.Equal(Days.RenewedPhaseEnds, programme.Phases.Single(p => p.Id == stored.Given.Phase.Id).EndsOn);
        Assert.Equal(Money.FromRupees(1_50_000), budget.Amount);
        Assert.Equal(Actors.Staff.UserId, budget.CreatedBy);
        Assert.Equal(database.Clock.GetUtcNow(), budget.CreatedAt);
    }

    [Fact]
    public async Task Participant_with_consents_and_enrolments_round_trips_in_bengali()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var stored = await StoredCase.CreateAsync(database);
        await using (var write = database.CreateDbContext())
        {
            var asma = new ParticipantBuilder().WithCode("KAA-03").Named("আসমা").EnrolledIn(stored.Given.Phase).Build();
            asma.RecordConsent(ConsentPurpose.Photos, granted: true, Days.ConsentGiven);
            asma.RecordConsent(ConsentPurpose.Photos, granted: false, Days.Decided);
            asma.DropOut(stored.Given.Phase.Id, Days.Decided, "Married and moved to Kolkata");
            write.Participants.Add(asma);
            await write.SaveChangesAsync(Cancel);
        }

        await using var db = database.CreateDbContext();
        var read = await db.Participants.SingleAsync(p => p.Code == ParticipantCode.Create("KAA-03"), Cancel);

        Assert.Equal("আসমা", read.GivenName);
        Assert.Equal(3, read.Consents.Count);
        Assert.False(read.HasConsented(ConsentPurpose.Photos));
        Assert.True(read.HasConsented(ConsentPurpose.DataKept));
        var enrolment = Assert.Single(read.Enrolments);
        Assert.Equal(EnrolmentStatus.DroppedOut, enrolment.Status);
        Assert.Equal("Married and moved to Kolkata", enrolment.EndReason);
    }

    [Fact]
    public async Task Business_keeps_its_whole_stage_history_and_status()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var stored = await StoredCase.CreateAsync(database);
        await using (var write = database.CreateDbContext())
        {
            var business = await write.Businesses.SingleAsync(Cancel);
            business.AssessStage(LifecycleStage.StartUp, new DateOnly(2012, 2, 1), Actors.Staff, "First hens bought");
            business.AssessStage(LifecycleStage.Growth, new DateOnly(2013, 6, 1), Actors.Staff, "মাসে ২০০০ টাকা আয়");
            business.Pause(new DateOnly(2013, 7, 1), Kaarya.Tests.Domain.Causes.Other(), "Birds fell ill");
            await write.SaveChangesAsync(Cancel);
        }

        await using var db = database.CreateDbContext();
        var read = await db.Businesses.SingleAsync(b => b.Id == stored.Given.Business.Id, Cancel);

        Assert.Equal([LifecycleStage.StartUp, LifecycleStage.Growth], read.StageHistory.OrderBy(s => s.Sequence).Select(s => s.Stage));
        Assert.Equal(LifecycleStage.Growth, read.CurrentStage);
        Assert.Equal("মাসে ২০০০ টাকা আয়", read.StageHistory.Single(s => s.Sequence == 2).Evidence);
        Assert.Equal(BusinessStatus.Paused, read.Status);
        Assert.Equal("Birds fell ill", read.StatusReason);
    }

    [Fact]
    public async Task Plan_versions_round_trip_with_their_line_items()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var stored = await StoredCase.CreateAsync(database);
        var first = BusinessPlan.Draft(stored.Given.Business, Days.StocktakingHeld, Actors.Staff, PlanContents.Poultry());
        var second = first.Revise(Days.Decided, Actors.Staff, PlanContents.Poultry() with { NextSteps = "Buy a second coop" });
        await using (var write = database.CreateDbContext())
        {
            write.BusinessPlans.AddRange(first, second);
            await write.SaveChangesAsync(Cancel);
        }

        await using var db = database.CreateDbContext();
        var plans = await db.BusinessPlans.OrderBy(p => p.Version).ToListAsync(Cancel);

        Assert.Equal([1, 2], plans.Select(p => p.Version));
        Assert.Equal(first.Costs, plans[0].Costs);
        Assert.Equal(first.IntendedUsesOfSeedMoney, plans[0].IntendedUsesOfSeedMoney);
        Assert.Equal(first.SeedMoneyAskedFor, plans[0].SeedMoneyAskedFor);
        Assert.Equal("Buy a second coop", plans[1].NextSteps);
    }

    [Fact]
    public async Task Stocktaking_and_risk_assessment_round_trip()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var stored = await StoredCase.CreateAsync(database);

        await using var db = database.CreateDbContext();
        var stocktaking = await db.Stocktakings.SingleAsync(Cancel);
        var risks = await db.RiskAssessments.SingleAsync(Cancel);

        Assert.Equal(stored.Given.Stocktaking.Partners, stocktaking.Partners);
        Assert.Equal(stored.Given.Stocktaking.Purpose, stocktaking.Purpose);
        Assert.Equal(stored.Given.Stocktaking.PerformanceChallenges, stocktaking.PerformanceChallenges);
        Assert.Equal(
            stored.Given.RiskAssessment.Risks.Select(r => (r.CatalogueKey, r.Title, r.Group, r.Likelihood, r.Impact, r.Mitigation, r.ReviewOn)),
            risks.Risks.Select(r => (r.CatalogueKey, r.Title, r.Group, r.Likelihood, r.Impact, r.Mitigation, r.ReviewOn)));
    }

    [Fact]
    public async Task Decisions_of_every_kind_round_trip()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var stored = await StoredCase.CreateAsync(database);
        // Each replaces the one before it, as decisions of one business in one phase do.
        var delayed = stored.Given.DelayedDecision(SeedFundCase.Holding((stored.Decision, Money.Zero)));
        var overridden = stored.Given.ImmediateDecision(
            Money.FromRupees(25_000), new BandOverride(Actors.Manager, "Second-hand sewing machine costs more"), SeedFundCase.Holding((delayed, Money.Zero)));
        var none = stored.Given.NoDisbursementDecision(SeedFundCase.Holding((overridden, Money.Zero)));
        await using (var write = database.CreateDbContext())
        {
            write.DisbursementDecisions.Update(stored.Decision);
            write.DisbursementDecisions.AddRange(delayed, overridden, none);
            await write.SaveChangesAsync(Cancel);
        }

        await using var db = database.CreateDbContext();
        var decisions = await db.DisbursementDecisions.ToDictionaryAsync(d => d.Id, Cancel);

        Assert.Equal(4, decisions.Count);
        Assert.Equal(delayed.FollowUpOn, decisions[delayed.Id].FollowUpOn);
        Assert.Equal(delayed.MustTakePart, decisions[delayed.Id].MustTakePart);
        Assert.Equal(Money.FromRupees(25_000), decisions[overridden.Id].Amount);
        Assert.Equal(Actors.Manager.UserId, decisions[overridden.Id].OverriddenBy);
        Assert.Equal("Second-hand sewing machine costs more", decisions[overridden.Id].OverrideReason);
        Assert.Single(decisions.Values, d => d.Kind == DecisionKind.None);
        Assert.Equal(delayed.Id, decisions[overridden.Id].SupersedesId);
        Assert.Equal(overridden.Id, decisions[delayed.Id].SupersededById);
        Assert.Equal(none.Id, Assert.Single(decisions.Values, d => d.IsCurrent).Id);
    }

    [Fact]
    public async Task Request_posting_and_utilisation_round_trip()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var stored = await StoredCase.CreateAsync(database);
        var posted = await stored.PostAsync(Money.FromRupees(12_500));
        await using (var write = database.CreateDbContext())
        {
            write.UtilisationReports.Add(new UtilisationReport(
                posted, disbursementReversed: false, Money.Zero, Days.Paid.AddDays(30), Actors.Staff,
                [new UtilisationItem("২০টি মুরগির ছানা", Money.FromRupees(6_000)), new UtilisationItem("Feed", Money.FromRupees(4_000))]));
            await write.SaveChangesAsync(Cancel);
        }

        await using var db = database.CreateDbContext();
        var request = await db.DisbursementRequests.SingleAsync(Cancel);
        var entry = await db.LedgerEntries.SingleAsync(Cancel);
        var report = await db.UtilisationReports.SingleAsync(Cancel);

        Assert.Equal(RequestStatus.Approved, request.Status);
        Assert.Equal(entry.Sequence, request.LedgerSequence);
        Assert.Equal(Actors.Manager.UserId, entry.ApprovedBy);
        Assert.Equal(Actors.Staff.UserId, entry.RecordedBy);
        Assert.Equal(posted.Hash, entry.Hash);
        Assert.Equal(posted.PostedAt, entry.PostedAt);
        Assert.Equal(entry.Hash, entry.ComputeHash());
        Assert.Equal("২০টি মুরগির ছানা", report.Items[0].Description);
        Assert.Equal(Money.FromRupees(2_500), new UtilisationPosition(entry.Amount, report.Total).Unexplained);
    }

    [Fact]
    public async Task Timeline_snapshot_and_cash_book_round_trip()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var stored = await StoredCase.CreateAsync(database);
        var business = stored.Given.Business;
        await using (var write = database.CreateDbContext())
        {
            write.TimelineEvents.Add(new TimelineEvent(business, TimelineEventKind.Cloud, TimelineCategory.Threats, Days.Paid, "Threatening calls", Actors.Staff));
            write.FinancialSnapshots.Add(new FinancialSnapshot(business, Days.Paid, Money.FromRupees(30_000), Money.FromRupees(2_000), Money.FromRupees(5_000), insured: true, "Livestock insurance"));
            write.CashBookEntries.Add(new CashBookEntry(business, Days.Paid, CashBookEntryKind.Sale, Money.FromRupees(450), "Eggs"));
            write.CashBookEntries.Add(new CashBookEntry(business, Days.Paid, CashBookEntryKind.Expense, Money.FromRupees(200), "Feed"));
            await write.SaveChangesAsync(Cancel);
        }

        await using var db = database.CreateDbContext();
        var cloud = await db.TimelineEvents.SingleAsync(Cancel);
        var snapshot = await db.FinancialSnapshots.SingleAsync(Cancel);
        var book = CashBookEntry.Totals(await db.CashBookEntries.ToListAsync(Cancel));

        Assert.Equal((TimelineEventKind.Cloud, TimelineCategory.Threats, "Threatening calls"), (cloud.Kind, cloud.Category, cloud.Text));
        Assert.Equal(Money.FromRupees(23_000), snapshot.NetWorth);
        Assert.Equal(Money.FromRupees(250), book.Net);
    }

    public sealed class OnSqlite() : RoundTripTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : RoundTripTests(DatabaseProvider.Postgres);
}
