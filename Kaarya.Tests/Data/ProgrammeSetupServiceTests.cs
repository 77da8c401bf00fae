using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Domain.Programmes;
using Kaarya.Tests.Domain;
using Kaarya.Web.Auditing;
using Kaarya.Web.Data;
using Kaarya.Web.Features.Funding;
using Kaarya.Web.Features.Programmes;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Tests.Data;

/// <summary>
/// An empty installation becomes GGBK's programme through the setup use case: each step is stored,
/// audited field by field, and refused with nothing stored when it breaks a rule.
/// </summary>
public abstract class ProgrammeSetupServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private ProgrammeSetup Setup => new(_database, _database.Clock);

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task An_empty_installation_misses_every_step_and_registration_says_so_in_words()
    {
        var missing = await new SetupState(_database).MissingAsync(Cancel);
        var registration = new Kaarya.Web.Features.Participants.RegistrationService(_database);
        var refusal = await Assert.ThrowsAsync<DomainException>(() => registration.RegisterParticipantAsync(
            new Kaarya.Domain.Participants.RegisterParticipantInput
            {
                Code = "KAA-01", GivenName = "Rina", Village = "Kadamtala", Block = "Basanti",
                ConsentedOn = new DateOnly(2013, 4, 1), ConsentsToDataKept = true,
            },
            Actors.Staff, Cancel));

        Assert.Equal([SetupStep.Programme, SetupStep.Phase, SetupStep.Funder, SetupStep.Budget], missing);
        Assert.Equal("not-set-up", refusal.Code);
    }

    [Fact]
    public async Task A_manager_sets_up_the_programme_step_by_step()
    {
        await Setup.SaveProgrammeAsync(new ProgrammeInput { Name = "Kaarya — Work that Heals" }, Actors.Manager, Cancel);
        await Setup.SavePhaseAsync(PhaseOne(), Actors.Manager, Cancel);
        await Setup.SaveFunderAsync(new FunderInput { Name = "Kindernothilfe" }, Actors.Manager, Cancel);
        var view = await Setup.ViewAsync(Cancel);
        await Setup.SaveBudgetAsync(new BudgetInput { FunderId = view.Funders[0].Id, PhaseId = view.Phases[0].Id, Amount = "4,00,000" }, Actors.Manager, Cancel);

        view = await Setup.ViewAsync(Cancel);
        Assert.Equal("Kaarya — Work that Heals", view.ProgrammeName);
        Assert.Equal("Phase 1", Assert.Single(view.Phases).Name);
        Assert.Equal(Money.FromRupees(4_00_000), Assert.Single(view.Budgets).Amount);
        Assert.Empty(view.Missing);
        Assert.Empty(await new SetupState(_database).MissingAsync(Cancel));
    }

    [Fact]
    public async Task An_overlapping_phase_is_refused_and_nothing_is_stored()
    {
        await Setup.SaveProgrammeAsync(new ProgrammeInput { Name = "Kaarya" }, Actors.Manager, Cancel);
        await Setup.SavePhaseAsync(PhaseOne(), Actors.Manager, Cancel);

        var refusal = await Assert.ThrowsAsync<DomainException>(() => Setup.SavePhaseAsync(
            new PhaseInput { Name = "Phase 2", StartsOn = new DateOnly(2012, 7, 1), EndsOn = new DateOnly(2013, 3, 31) }, Actors.Manager, Cancel));

        Assert.Equal("phase-overlap", refusal.Code);
        await using var db = _database.CreateDbContext();
        Assert.Equal(1, await db.Phases.CountAsync(Cancel));
    }

    [Fact]
    public async Task Staff_cannot_set_up_the_programme()
    {
        var refusal = await Assert.ThrowsAsync<DomainException>(() => Setup.SaveProgrammeAsync(new ProgrammeInput { Name = "Kaarya" }, Actors.Staff, Cancel));

        Assert.Equal("not-manager", refusal.Code);
        await using var db = _database.CreateDbContext();
        Assert.False(await db.Programmes.AnyAsync(Cancel));
    }

    [Fact]
    public async Task A_budget_under_what_is_paid_is_refused_and_the_budget_stays()
    {
        var stored = await StoredCase.CreateAsync(_database, decided: Money.FromRupees(12_000));
        var request = await stored.RecordAsync(Money.FromRupees(12_000));
        await stored.Service.ApproveAsync(request, Actors.Manager, Cancel);

        var refusal = await Assert.ThrowsAsync<DomainException>(() => Setup.SaveBudgetAsync(
            new BudgetInput { FunderId = stored.Given.Funder.Id, PhaseId = stored.Given.Phase.Id, Amount = "10,000" }, Actors.Manager, Cancel));

        Assert.Equal("budget-below-commitments", refusal.Code);
        Assert.Equal("₹10,000 is below the ₹12,000 already paid or asked for against this budget.", refusal.Message);
        await using var db = _database.CreateDbContext();
        Assert.Equal(Money.FromRupees(1_50_000), (await db.FunderBudgets.SingleAsync(Cancel)).Amount);
    }

    [Fact]
    public async Task A_phase_with_a_decision_is_not_removed_but_closed_and_the_close_is_audited()
    {
        var stored = await StoredCase.CreateAsync(_database);

        var refusal = await Assert.ThrowsAsync<DomainException>(() => Setup.RemovePhaseAsync(stored.Given.Phase.Id, Actors.Manager, Cancel));
        await Setup.ClosePhaseAsync(stored.Given.Phase.Id, Actors.Manager, Cancel);

        Assert.Equal("phase-has-records", refusal.Code);
        await using var db = _database.CreateDbContext();
        Assert.Equal(new DateOnly(2013, 9, 3), (await db.Phases.SingleAsync(p => p.Id == stored.Given.Phase.Id, Cancel)).ClosedOn);
        var closed = await db.AuditEntries.SingleAsync(a => a.RecordType == "Phase" && a.Action == AuditAction.Changed, Cancel);
        Assert.Equal(Actors.Manager.UserId, closed.UserId);
        Assert.Equal([new FieldChange("ClosedOn", null, "2013-09-03")], closed.Changes);
    }

    [Fact]
    public async Task A_phase_that_holds_nothing_is_removed_and_its_removal_is_audited()
    {
        await Setup.SaveProgrammeAsync(new ProgrammeInput { Name = "Kaarya" }, Actors.Manager, Cancel);
        await Setup.SavePhaseAsync(PhaseOne(), Actors.Manager, Cancel);
        var phase = (await Setup.ViewAsync(Cancel)).Phases.Single();

        await Setup.RemovePhaseAsync(phase.Id, Actors.Manager, Cancel);

        await using var db = _database.CreateDbContext();
        Assert.False(await db.Phases.AnyAsync(Cancel));
        var removed = await db.AuditEntries.SingleAsync(a => a.Action == AuditAction.Removed, Cancel);
        Assert.Equal(phase.Id.ToString(), removed.RecordId);
        Assert.Contains(new FieldChange("Name", "Phase 1", null), removed.Changes);
    }

    [Fact]
    public async Task A_changed_band_holds_the_decisions_recorded_after_it_and_is_audited_with_its_reason()
    {
        var stored = await StoredCase.CreateAsync(_database, decided: Money.FromRupees(12_000));
        await stored.Service.ApproveAsync(await stored.RecordAsync(Money.FromRupees(12_000)), Actors.Manager, Cancel);
        await Setup.ChangeBandAsync(new BandInput { Minimum = "2,000", Maximum = "15,000", Reason = "Smaller tranches while the Phase 1 loans are repaid." }, Actors.Manager, Cancel);
        var decisions = new DecisionService(_database, _database.Clock);

        // ₹12,000 was paid under the old band; ₹4,000 more would come to ₹16,000, above the new ₹15,000.
        var refusal = await Assert.ThrowsAsync<DomainException>(() => decisions.RecordAsync(Immediate(stored, "4,000"), Actors.Staff, Cancel));
        await decisions.RecordAsync(Immediate(stored, "3,000"), Actors.Staff, Cancel);

        Assert.Equal("phase-total", refusal.Variant);
        Assert.Contains("come to ₹16,000, above the programme band's ₹15,000", refusal.Message, StringComparison.Ordinal);
        await using var db = _database.CreateDbContext();
        var change = await db.AuditEntries.SingleAsync(a => a.RecordType == "Programme" && a.Action == AuditAction.Changed, Cancel);
        Assert.Contains(change.Changes, c => c.Field == "BandMaximum" && c.Old!.Contains("20,000", StringComparison.Ordinal) && c.New!.Contains("15,000", StringComparison.Ordinal));
        Assert.Contains(new FieldChange("BandReason", null, "Smaller tranches while the Phase 1 loans are repaid."), change.Changes);
    }

    private static PhaseInput PhaseOne() => new() { Name = "Phase 1", StartsOn = new DateOnly(2011, 8, 1), EndsOn = new DateOnly(2012, 7, 31) };

    private static DecisionInput Immediate(StoredCase stored, string amount) => new()
    {
        BusinessId = stored.Given.Business.Id,
        PhaseId = stored.Given.Phase.Id,
        StocktakingId = stored.Given.Stocktaking.Id,
        RiskAssessmentId = stored.Given.RiskAssessment.Id,
        Kind = DecisionKind.Immediate,
        Amount = amount,
        DecidedOn = Days.Decided.AddDays(10),
    };

    public sealed class OnSqlite() : ProgrammeSetupServiceTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : ProgrammeSetupServiceTests(DatabaseProvider.Postgres);
}
