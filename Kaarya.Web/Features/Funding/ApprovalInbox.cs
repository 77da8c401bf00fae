using Kaarya.Domain.Access;
using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Domain.Participants;
using Kaarya.Web.Auditing;
using Kaarya.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Features.Funding;

/// <summary>
/// A request waiting for the programme manager, with what its decision allows and what the business
/// has in the whole phase (the band limits that total, across its decisions).
/// </summary>
public sealed record PendingRequest(
    Guid Id,
    ParticipantCode ParticipantCode,
    string Business,
    Money Amount,
    DateOnly ValueDate,
    PaymentMethod Method,
    string Reference,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    Money Decided,
    Money PaidSoFar,
    string Phase,
    Money DecidedInPhase,
    Money PaidInPhase);

/// <summary>The manager's approvals inbox: requests waiting for a second pair of eyes, oldest first.</summary>
public sealed class ApprovalInbox(IDbContextFactory<KaaryaDbContext> contexts, AuditTrail audit)
{
    public async Task<IReadOnlyList<PendingRequest>> PendingAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!viewer.Actor.IsProgrammeManager)
        {
            await audit.RecordAsync(viewer.UserId, AuditAction.AccessRefused, "ApprovalInbox", "pending", "Refused: the approvals inbox", cancellationToken);
            throw new AccessDeniedException();
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await (
            from r in db.DisbursementRequests.AsNoTracking()
            where r.Status == RequestStatus.Pending
            join d in db.DisbursementDecisions on r.DecisionId equals d.Id
            join b in db.Businesses on r.BusinessId equals b.Id
            join p in db.Participants on b.ParticipantId equals p.Id
            join ph in db.Phases on r.PhaseId equals ph.Id
            select new
            {
                r.Id,
                r.BusinessId,
                r.PhaseId,
                Phase = ph.Name,
                p.Code,
                Business = b.Name,
                r.Amount,
                r.ValueDate,
                r.Method,
                r.Reference,
                r.RecordedBy,
                r.RecordedAt,
                Decided = d.Amount,
                PaidPaise = db.LedgerEntries.Where(e => e.DecisionId == d.Id).Sum(e => e.AmountPaise),
                PaidInPhasePaise = db.LedgerEntries.Where(e => e.BusinessId == r.BusinessId && e.PhaseId == r.PhaseId).Sum(e => e.AmountPaise),
            }).ToListAsync(cancellationToken);

        // What each business's decisions hold in the phase, as the band counts it (DecisionsInPhase).
        var businesses = rows.Select(r => r.BusinessId).Distinct().ToList();
        var decisions = await db.DisbursementDecisions.AsNoTracking().Where(d => businesses.Contains(d.BusinessId)).ToListAsync(cancellationToken);
        var paidAgainst = await db.LedgerEntries.Where(e => businesses.Contains(e.BusinessId)).NetByDecisionAsync(cancellationToken);
        Money HeldInPhase(Guid businessId, Guid phaseId) =>
            new DecisionsInPhase(decisions.Where(d => d.BusinessId == businessId && d.PhaseId == phaseId), paidAgainst).Committed;

        // Few requests wait at once; SQLite cannot order by an instant, so they are put in order here.
        return rows.OrderBy(r => r.RecordedAt).Select(r => new PendingRequest(
            r.Id, r.Code, r.Business, r.Amount, r.ValueDate, r.Method, r.Reference, r.RecordedBy, r.RecordedAt, r.Decided, Money.FromPaise(r.PaidPaise),
            r.Phase, HeldInPhase(r.BusinessId, r.PhaseId), Money.FromPaise(r.PaidInPhasePaise))).ToList();
    }
}
