using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Domain.Programmes;
using Kaarya.Web.Data;
using Kaarya.Web.Features.Funding;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Features.Programmes;

/// <summary>
/// The programme manager's setup: the programme's name, its phases, funders, budgets and band.
/// Every change goes through the domain's rules and is audited field by field by the save.
/// </summary>
public sealed class ProgrammeSetup(IDbContextFactory<KaaryaDbContext> contexts, TimeProvider clock, FundingTotals? totals = null)
{
    private static readonly ProgrammeInputValidator ProgrammeValidator = new();
    private static readonly PhaseInputValidator PhaseValidator = new();
    private static readonly FunderInputValidator FunderValidator = new();
    private static readonly BudgetInputValidator BudgetValidator = new();
    private static readonly BandInputValidator BandValidator = new();
    private static readonly StatusCauseInputValidator CauseValidator = new();
    private readonly FundingTotals _totals = totals ?? new FundingTotals();

    /// <summary>Everything the setup page shows, with what each phase and budget already holds.</summary>
    public async Task<SetupView> ViewAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var programme = await db.Programmes.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var funders = await db.Funders.AsNoTracking().OrderBy(f => f.Name).Select(f => new SetupFunder(f.Id, f.Name)).ToListAsync(cancellationToken);
        var phases = new List<SetupPhase>();
        foreach (var phase in programme?.Phases.OrderBy(p => p.StartsOn) ?? Enumerable.Empty<Phase>())
        {
            phases.Add(new SetupPhase(phase.Id, phase.Name, phase.StartsOn, phase.EndsOn, phase.ClosedOn, await HoldsRecordsAsync(db, phase.Id, cancellationToken)));
        }

        var budgets = new List<SetupBudget>();
        foreach (var budget in await db.FunderBudgets.AsNoTracking().ToListAsync(cancellationToken))
        {
            var committed = await CommitmentsAsync(db, budget.FunderId, budget.PhaseId, cancellationToken);
            budgets.Add(new SetupBudget(budget.FunderId, budget.PhaseId, budget.Amount, committed.PaidOrRequested));
        }

        var causes = await db.BusinessStatusCauses.AsNoTracking().OrderBy(c => c.Name).Select(c => new SetupCause(c.Name, c.NeedsNote)).ToListAsync(cancellationToken);
        return new SetupView(programme?.Name, programme?.Band ?? DisbursementBand.Default, programme?.BandReason, phases, funders, budgets, causes);
    }

    /// <summary>Names the programme the first time, renames it after.</summary>
    public Task SaveProgrammeAsync(ProgrammeInput input, Actor manager, CancellationToken cancellationToken = default) =>
        ChangeAsync(manager, ProgrammeValidator, input, async db =>
        {
            if (await db.Programmes.SingleOrDefaultAsync(cancellationToken) is { } programme)
            {
                programme.Rename(input.Name);
            }
            else
            {
                db.Programmes.Add(new Programme(input.Name));
                if (!await db.BusinessStatusCauses.AnyAsync(cancellationToken))
                {
                    db.BusinessStatusCauses.AddRange(BusinessStatusCause.FirstList());
                }
            }
        }, cancellationToken);

    /// <summary>Adds a phase (no <see cref="PhaseInput.PhaseId"/>) or changes one.</summary>
    public Task SavePhaseAsync(PhaseInput input, Actor manager, CancellationToken cancellationToken = default) =>
        ChangeAsync(manager, PhaseValidator, input, async db =>
        {
            var programme = await db.TheProgrammeAsync(cancellationToken);
            if (input.PhaseId is { } id)
            {
                programme.ChangePhase(PhaseOf(programme, id), input.Name, input.StartsOn!.Value, input.EndsOn!.Value, await HoldsRecordsAsync(db, id, cancellationToken));
            }
            else
            {
                // The phase's key is made by the domain, so EF is told it is new rather than left to guess.
                db.Phases.Add(programme.AddPhase(input.Name, input.StartsOn!.Value, input.EndsOn!.Value));
            }
        }, cancellationToken);

    /// <summary>Closes a phase as of today.</summary>
    public Task ClosePhaseAsync(Guid phaseId, Actor manager, CancellationToken cancellationToken = default) =>
        ChangeAsync(manager, async db =>
        {
            var programme = await db.TheProgrammeAsync(cancellationToken);
            PhaseOf(programme, phaseId).Close(ProgrammeCalendar.Today(clock), manager);
        }, cancellationToken);

    /// <summary>Removes a phase that holds nothing; the domain refuses one that holds records.</summary>
    public Task RemovePhaseAsync(Guid phaseId, Actor manager, CancellationToken cancellationToken = default) =>
        ChangeAsync(manager, async db =>
        {
            var programme = await db.TheProgrammeAsync(cancellationToken);
            programme.RemovePhase(PhaseOf(programme, phaseId), await HoldsRecordsAsync(db, phaseId, cancellationToken));
        }, cancellationToken);

    /// <summary>Adds a funder (no <see cref="FunderInput.FunderId"/>) or renames one.</summary>
    public Task SaveFunderAsync(FunderInput input, Actor manager, CancellationToken cancellationToken = default) =>
        ChangeAsync(manager, FunderValidator, input, async db =>
        {
            var name = input.Name.Trim();
            Rule.Require(!await db.Funders.AnyAsync(f => f.Name == name && f.Id != input.FunderId, cancellationToken),
                "funder-name-taken", $"There is already a funder called \"{name}\".");
            if (input.FunderId is { } id)
            {
                var funder = await db.Funders.SingleOrDefaultAsync(f => f.Id == id, cancellationToken)
                    ?? throw new DomainException("no-funder", "That funder does not exist.");
                funder.Rename(name);
            }
            else
            {
                db.Funders.Add(new Funder(name));
            }
        }, cancellationToken);

    /// <summary>Sets what a funder gives a phase; never below what is already committed against it.</summary>
    public Task SaveBudgetAsync(BudgetInput input, Actor manager, CancellationToken cancellationToken = default) =>
        ChangeAsync(manager, BudgetValidator, input, async db =>
        {
            var funderId = input.FunderId!.Value;
            var phaseId = input.PhaseId!.Value;
            var funder = await db.Funders.SingleOrDefaultAsync(f => f.Id == funderId, cancellationToken)
                ?? throw new DomainException("no-funder", "That funder does not exist.");
            var phase = await db.Phases.SingleOrDefaultAsync(p => p.Id == phaseId, cancellationToken)
                ?? throw new DomainException("no-phase", "That phase does not exist.");
            var amount = Money.Parse(input.Amount);
            var commitments = await CommitmentsAsync(db, funderId, phaseId, cancellationToken);
            if (await db.FunderBudgets.SingleOrDefaultAsync(b => b.FunderId == funderId && b.PhaseId == phaseId, cancellationToken) is { } budget)
            {
                budget.ChangeAmount(amount, commitments);
            }
            else
            {
                db.FunderBudgets.Add(new FunderBudget(funder, phase, amount, commitments));
            }
        }, cancellationToken);

    /// <summary>Changes the programme's band, with the manager's reason, for decisions recorded from now on.</summary>
    public Task ChangeBandAsync(BandInput input, Actor manager, CancellationToken cancellationToken = default) =>
        ChangeAsync(manager, BandValidator, input, async db =>
        {
            var programme = await db.TheProgrammeAsync(cancellationToken);
            programme.ChangeBand(new DisbursementBand(Money.Parse(input.Minimum), Money.Parse(input.Maximum)), input.Reason, manager);
        }, cancellationToken);

    /// <summary>Adds a cause to the programme's list of why businesses pause or close.</summary>
    public Task AddCauseAsync(StatusCauseInput input, Actor manager, CancellationToken cancellationToken = default) =>
        ChangeAsync(manager, CauseValidator, input, async db =>
        {
            var name = input.Name.Trim();
            Rule.Require(!await db.BusinessStatusCauses.AnyAsync(c => c.Name == name, cancellationToken),
                "cause-taken", $"\"{name}\" is already on the list.");
            db.BusinessStatusCauses.Add(new BusinessStatusCause(name, input.NeedsNote));
        }, cancellationToken);

    private Task ChangeAsync<TInput>(Actor manager, FluentValidation.IValidator<TInput> validator, TInput input, Func<KaaryaDbContext, Task> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        InputCheck.Ensure(validator, input);
        return ChangeAsync(manager, change, cancellationToken);
    }

    private async Task ChangeAsync(Actor manager, Func<KaaryaDbContext, Task> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manager);
        manager.MustBeProgrammeManager("set up the programme");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ActingAs(manager);
        await change(db);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException error) when (error.IsDuplicateKey())
        {
            throw new DomainException("setup-race", "Someone else changed the setup at the same moment; reload to see it.");
        }
    }

    private static Phase PhaseOf(Programme programme, Guid phaseId) =>
        programme.Phases.FirstOrDefault(p => p.Id == phaseId) ?? throw new DomainException("no-phase", "That phase does not exist.");

    /// <summary>Whether anything of the programme's life lies in the phase: it then stays, closed rather than removed.</summary>
    private static async Task<bool> HoldsRecordsAsync(KaaryaDbContext db, Guid phaseId, CancellationToken cancellationToken) =>
        await db.FunderBudgets.AnyAsync(b => b.PhaseId == phaseId, cancellationToken)
        || await db.Participants.AnyAsync(p => p.Enrolments.Any(e => e.PhaseId == phaseId), cancellationToken)
        || await db.Stocktakings.AnyAsync(s => s.PhaseId == phaseId, cancellationToken)
        || await db.RiskAssessments.AnyAsync(r => r.PhaseId == phaseId, cancellationToken)
        || await db.DisbursementDecisions.AnyAsync(d => d.PhaseId == phaseId, cancellationToken)
        || await db.LedgerEntries.AnyAsync(e => e.PhaseId == phaseId, cancellationToken);

    /// <summary>What a funder's budget for a phase must still cover (<see cref="BudgetCommitments"/>).</summary>
    private async Task<BudgetCommitments> CommitmentsAsync(KaaryaDbContext db, Guid funderId, Guid phaseId, CancellationToken cancellationToken)
    {
        var paid = await _totals.NetAsync(db, funderId, phaseId, cancellationToken);
        var waiting = await db.DisbursementRequests.AsNoTracking()
            .Where(r => r.FunderId == funderId && r.PhaseId == phaseId && r.Status == RequestStatus.Pending)
            .Select(r => r.Amount).ToListAsync(cancellationToken);
        var decisions = await db.DisbursementDecisions.AsNoTracking().Where(d => d.PhaseId == phaseId).ToListAsync(cancellationToken);
        var paidAgainst = await db.LedgerEntries.Where(e => e.PhaseId == phaseId).NetByDecisionAsync(cancellationToken);
        var others = await db.FunderBudgets.AsNoTracking().Where(b => b.PhaseId == phaseId && b.FunderId != funderId).Select(b => b.Amount).ToListAsync(cancellationToken);
        return new BudgetCommitments(paid + Money.Sum(waiting), DecisionsInPhase.CommittedInPhase(decisions, paidAgainst), Money.Sum(others));
    }
}
