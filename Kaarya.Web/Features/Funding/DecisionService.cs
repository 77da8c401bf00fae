using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Features.Funding;

/// <summary>What a decision rests on: the latest 4P stocktaking and risk assessment of the business in one phase.</summary>
/// <param name="Band">The programme's band in force, which an immediate decision recorded now is held to.</param>
public sealed record DecisionGrounds(Guid PhaseId, string PhaseName, Guid StocktakingId, Guid RiskAssessmentId, DisbursementBand Band);

/// <summary>
/// Records disbursement decisions through the domain's rules (the band, its override, the grounds),
/// and the family discussions that delayed decisions wait for.
/// </summary>
public sealed class DecisionService(IDbContextFactory<KaaryaDbContext> contexts, TimeProvider clock)
{
    private static readonly DecisionInputValidator Validator = new();
    private static readonly FamilyDiscussionInputValidator DiscussionValidator = new();

    /// <summary>The grounds for a new decision, or null when a stocktaking or a risk assessment is missing.</summary>
    public async Task<DecisionGrounds?> GroundsAsync(Guid businessId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stocktaking = await db.Stocktakings.AsNoTracking().Where(s => s.BusinessId == businessId)
            .OrderByDescending(s => s.HeldOn).Select(s => new { s.Id, s.PhaseId }).FirstOrDefaultAsync(cancellationToken);
        if (stocktaking is null)
        {
            return null;
        }

        var risks = await db.RiskAssessments.AsNoTracking().Where(r => r.BusinessId == businessId && r.PhaseId == stocktaking.PhaseId)
            .OrderByDescending(r => r.AssessedOn).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);
        var phase = await db.Phases.AsNoTracking().Where(p => p.Id == stocktaking.PhaseId).Select(p => new { p.Name, p.ProgrammeId }).SingleAsync(cancellationToken);
        return risks is { } riskId
            ? new DecisionGrounds(stocktaking.PhaseId, phase.Name, stocktaking.Id, riskId, await BandAsync(db, phase.ProgrammeId, cancellationToken))
            : null;
    }

    public async Task<Guid> RecordAsync(DecisionInput input, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        actor.MustKeepRecords();
        InputCheck.Ensure(Validator, input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ActingAs(actor);
        var business = await db.Businesses.SingleOrDefaultAsync(b => b.Id == input.BusinessId, cancellationToken)
            ?? throw new DomainException("no-business", "That business does not exist.");
        var phase = await db.Phases.SingleOrDefaultAsync(p => p.Id == input.PhaseId, cancellationToken)
            ?? throw new DomainException("no-phase", "That phase does not exist.");
        var stocktaking = await db.Stocktakings.SingleOrDefaultAsync(s => s.Id == input.StocktakingId, cancellationToken);
        var risks = await db.RiskAssessments.SingleOrDefaultAsync(r => r.Id == input.RiskAssessmentId, cancellationToken);
        var decidedOn = input.DecidedOn!.Value;

        var before = await InPhaseAsync(db, business.Id, phase.Id, cancellationToken);
        var band = await BandAsync(db, phase.ProgrammeId, cancellationToken);

        var decision = input.Kind switch
        {
            DecisionKind.Immediate => DisbursementDecision.Immediate(
                business, phase, stocktaking!, risks!, Money.Parse(input.Amount), band, before, decidedOn, actor,
                string.IsNullOrWhiteSpace(input.OverrideReason) ? null : new BandOverride(actor, input.OverrideReason), input.Reason),
            DecisionKind.Delayed => DisbursementDecision.Delayed(business, phase, stocktaking!, risks!, input.Reason, input.FollowUpOn, input.MustTakePart, decidedOn, actor, before),
            _ => DisbursementDecision.NoDisbursement(business, phase, stocktaking!, risks!, input.Reason, decidedOn, actor, before),
        };
        db.DisbursementDecisions.Add(decision);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException error) when (error.IsDuplicateKey())
        {
            // Two decisions for one business in one phase at the same moment: the database's
            // keys let one replace the current decision, never both.
            throw new DomainException("decision-race", "Someone else recorded a decision for this business at the same moment; reload to see it.");
        }

        return decision.Id;
    }

    /// <summary>Records the family discussion a delayed decision waited for; its follow-up is then closed.</summary>
    public async Task RecordFamilyDiscussionAsync(FamilyDiscussionInput input, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        actor.MustKeepRecords();
        InputCheck.Ensure(DiscussionValidator, input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ActingAs(actor);
        var decision = await db.DisbursementDecisions.SingleOrDefaultAsync(d => d.Id == input.DecisionId, cancellationToken)
            ?? throw new DomainException("no-decision", "That decision does not exist.");
        decision.RecordFamilyDiscussion(input.DiscussedOn!.Value, input.WhoTookPart, input.Outcome, actor, ProgrammeCalendar.Today(clock));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("discussion-recorded", "Someone else recorded this discussion at the same moment; reload to see it.") { Variant = "race" };
        }
    }

    /// <summary>The band in force for the programme: the policy its manager last set.</summary>
    private static async Task<DisbursementBand> BandAsync(KaaryaDbContext db, Guid programmeId, CancellationToken cancellationToken)
    {
        var band = await db.Programmes.AsNoTracking().Where(p => p.Id == programmeId)
            .Select(p => new { p.BandMinimum, p.BandMaximum }).SingleAsync(cancellationToken);
        return new DisbursementBand(band.BandMinimum, band.BandMaximum);
    }

    /// <summary>
    /// The business's decisions in the phase, tracked (the current one is replaced by the next), with
    /// what was paid against each (<see cref="DecisionsInPhase"/>).
    /// </summary>
    public static async Task<DecisionsInPhase> InPhaseAsync(KaaryaDbContext db, Guid businessId, Guid phaseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var decisions = await db.DisbursementDecisions
            .Where(d => d.BusinessId == businessId && d.PhaseId == phaseId)
            .ToListAsync(cancellationToken);
        var paid = await db.LedgerEntries.Where(e => e.BusinessId == businessId && e.PhaseId == phaseId).NetByDecisionAsync(cancellationToken);
        return new DecisionsInPhase(decisions, paid);
    }
}
