using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Tests.Domain;
using Kaarya.Web.Data;
using Kaarya.Web.Features.Funding;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Tests.Data;

/// <summary>
/// Recording decisions through the use case: the band's total for a business in a phase is read
/// from the database, so a second immediate decision cannot walk past it.
/// </summary>
public abstract class DecisionServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private StoredCase _stored = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private DecisionService Service => new(_database, _database.Clock);

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        // The case's business already has an immediate decision of ₹12,000 in the renewed phase.
        _stored = await StoredCase.CreateAsync(_database, decided: Money.FromRupees(12_000));
    }

    public async ValueTask DisposeAsync()
    {
        // Null when the database could not be made (PostgreSQL not configured: the test is skipped).
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_new_decision_replaces_the_current_one_and_both_are_kept_linked()
    {
        await PayTheFirstDecisionInFullAsync();

        var id = await Service.RecordAsync(Immediate("8,000"), Actors.Staff, Cancel);

        await using var db = _database.CreateDbContext();
        var replacing = await db.DisbursementDecisions.SingleAsync(d => d.Id == id, Cancel);
        var replaced = await db.DisbursementDecisions.SingleAsync(d => d.Id == _stored.Decision.Id, Cancel);
        Assert.Equal(Money.FromRupees(8_000), replacing.Amount);
        Assert.Null(replacing.OverriddenBy);
        Assert.Equal(replaced.Id, replacing.SupersedesId);
        Assert.Equal(replacing.Id, replaced.SupersededById);
        Assert.Equal(Money.FromRupees(20_000), (await DecisionService.InPhaseAsync(db, _stored.Given.Business.Id, _stored.Given.Phase.Id, Cancel)).Committed);
    }

    [Fact]
    public async Task A_new_decision_past_what_the_phase_has_left_is_refused_and_nothing_changes()
    {
        await PayTheFirstDecisionInFullAsync();

        var refusal = await Assert.ThrowsAsync<DomainException>(() => Service.RecordAsync(Immediate("10,000"), Actors.Staff, Cancel));

        Assert.Equal("phase-total", refusal.Variant);
        Assert.Contains("come to ₹22,000", refusal.Message, StringComparison.Ordinal);
        await using var db = _database.CreateDbContext();
        Assert.Equal(1, await db.DisbursementDecisions.CountAsync(Cancel));
        Assert.Null((await db.DisbursementDecisions.SingleAsync(Cancel)).SupersededById);
    }

    [Fact]
    public async Task A_manager_records_it_past_the_phase_total_with_a_reason()
    {
        await PayTheFirstDecisionInFullAsync();
        var input = Immediate("10,000");
        input.OverrideReason = "A second cow after the first died of disease.";

        var id = await Service.RecordAsync(input, Actors.Manager, Cancel);

        await using var db = _database.CreateDbContext();
        var stored = await db.DisbursementDecisions.SingleAsync(d => d.Id == id, Cancel);
        Assert.Equal(Actors.Manager.UserId, stored.OverriddenBy);
        Assert.Equal("A second cow after the first died of disease.", stored.OverrideReason);
    }

    [Fact]
    public async Task An_unpaid_decision_replaced_by_a_delayed_one_leaves_nothing_held_in_the_phase()
    {
        await Service.RecordAsync(Delayed(), Actors.Staff, Cancel);
        var afterDelay = await HeldInPhaseAsync();
        await Service.RecordAsync(Immediate("15,000"), Actors.Staff, Cancel);

        Assert.Equal(Money.Zero, afterDelay);
        Assert.Equal(Money.FromRupees(15_000), await HeldInPhaseAsync());
    }

    private async Task<Money> HeldInPhaseAsync()
    {
        await using var db = _database.CreateDbContext();
        return (await DecisionService.InPhaseAsync(db, _stored.Given.Business.Id, _stored.Given.Phase.Id, Cancel)).Committed;
    }

    [Fact]
    public async Task The_database_keeps_one_first_decision_per_business_and_phase_whatever_runs_at_once()
    {
        // What two forms saved at the same moment would write: both start the business's chain in the phase.
        var given = _stored.Given;
        await using var db = _database.CreateDbContext();
        db.ActingAs(Actors.Staff);
        db.DisbursementDecisions.Add(DisbursementDecision.NoDisbursement(
            given.Business, given.Phase, given.Stocktaking, given.RiskAssessment, "She moved to Kolkata.", Days.Decided, Actors.Staff, DecisionsInPhase.None));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Cancel));
    }

    private async Task PayTheFirstDecisionInFullAsync()
    {
        var request = await _stored.RecordAsync(Money.FromRupees(12_000));
        await _stored.Service.ApproveAsync(request, Actors.Manager, Cancel);
    }

    [Fact]
    public async Task A_recorded_family_discussion_takes_the_decision_off_the_overdue_follow_ups()
    {
        var id = await Service.RecordAsync(Delayed(), Actors.Staff, Cancel);
        _database.Clock.SetUtcNow(new DateTimeOffset(2013, 10, 1, 6, 0, 0, TimeSpan.Zero));
        var register = new DecisionRegister(_database, _database.Audit, _database.Clock);
        var staff = Kaarya.Domain.Access.Viewer.Staff(Actors.Staff);
        Assert.Equal(1, (await register.PageAsync(new DecisionRegisterQuery { OverdueOnly = true }, staff, Cancel)).TotalCount);

        await Service.RecordFamilyDiscussionAsync(
            new FamilyDiscussionInput { DecisionId = id, DiscussedOn = new DateOnly(2013, 9, 28), WhoTookPart = "Her husband and the social worker", Outcome = "He agreed; a new decision follows." },
            Actors.Staff, Cancel);

        Assert.Equal(0, (await register.PageAsync(new DecisionRegisterQuery { OverdueOnly = true }, staff, Cancel)).TotalCount);
        await using var db = _database.CreateDbContext();
        var stored = await db.DisbursementDecisions.SingleAsync(d => d.Id == id, Cancel);
        Assert.Equal(new DateOnly(2013, 9, 28), stored.DiscussedOn);
        Assert.Equal("Her husband and the social worker", stored.DiscussedWith);
        Assert.Equal("He agreed; a new decision follows.", stored.DiscussionOutcome);
        Assert.Equal(Actors.Staff.UserId, stored.DiscussionRecordedBy);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.RecordId == id.ToString() && a.UserId == Actors.Staff.UserId && a.Action == Kaarya.Web.Auditing.AuditAction.Changed, Cancel));
    }

    [Fact]
    public async Task A_discussion_dated_after_today_is_refused_and_nothing_is_stored()
    {
        var id = await Service.RecordAsync(Delayed(), Actors.Staff, Cancel);

        var refusal = await Assert.ThrowsAsync<DomainException>(() => Service.RecordFamilyDiscussionAsync(
            new FamilyDiscussionInput { DecisionId = id, DiscussedOn = new DateOnly(2013, 9, 28), WhoTookPart = "Her husband", Outcome = "Agreed." },
            Actors.Staff, Cancel));

        Assert.Equal("discussion-future", refusal.Code);
        await using var db = _database.CreateDbContext();
        Assert.Null((await db.DisbursementDecisions.SingleAsync(d => d.Id == id, Cancel)).DiscussedOn);
    }

    /// <summary>A decision delayed until her husband has been talked with, follow-up twenty days after it.</summary>
    private DecisionInput Delayed()
    {
        var delayed = Immediate(string.Empty);
        delayed.Kind = DecisionKind.Delayed;
        delayed.Reason = "Her husband wants to talk first.";
        delayed.FollowUpOn = Days.Decided.AddDays(20);
        delayed.MustTakePart = "Her husband";
        return delayed;
    }

    private DecisionInput Immediate(string amount) => new()
    {
        BusinessId = _stored.Given.Business.Id,
        PhaseId = _stored.Given.Phase.Id,
        StocktakingId = _stored.Given.Stocktaking.Id,
        RiskAssessmentId = _stored.Given.RiskAssessment.Id,
        Kind = DecisionKind.Immediate,
        Amount = amount,
        DecidedOn = Days.Decided.AddDays(10),
    };

    public sealed class OnSqlite() : DecisionServiceTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : DecisionServiceTests(DatabaseProvider.Postgres);
}
