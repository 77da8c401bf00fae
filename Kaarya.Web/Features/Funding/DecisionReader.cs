using Kaarya.Domain.Access;
using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Web.Data;
using Kaarya.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Features.Funding;

/// <summary>A decision as the business page shows it, with what has been paid against it.</summary>
public sealed record DecisionRow(
    Guid Id,
    DecisionKind Kind,
    Money Amount,
    DateOnly DecidedOn,
    string DecidedBy,
    string Reason,
    DateOnly? FollowUpOn,
    string MustTakePart,
    string? OverrideReason,
    Money Paid,
    DateOnly? DiscussedOn,
    string DiscussedWith,
    string DiscussionOutcome,
    DateOnly? ReplacedOn)
{
    /// <summary>A delayed decision still waiting for its family discussion.</summary>
    public bool AwaitsDiscussion => Kind == DecisionKind.Delayed && DiscussedOn is null;

    /// <summary>What can still be asked for: nothing once a later decision has replaced this one.</summary>
    public Money StillToPay => ReplacedOn is null && Kind == DecisionKind.Immediate && Amount > Paid ? Amount - Paid : Money.Zero;
}

/// <summary>A disbursement request as the business page lists it: waiting, posted as an entry, or rejected with the reason.</summary>
public sealed record RequestRow(
    Money Amount,
    DateOnly ValueDate,
    PaymentMethod Method,
    string RecordedBy,
    RequestStatus Status,
    string? DecidedBy,
    string? RejectionReason,
    long? LedgerSequence);

/// <summary>Reads a business's decisions and requests, for those who may read its money.</summary>
public sealed class DecisionReader(IDbContextFactory<KaaryaDbContext> contexts, RecordGate gate)
{
    public async Task<IReadOnlyList<DecisionRow>> ForBusinessAsync(Guid businessId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await gate.OpenBusinessAsync(db, businessId, viewer, RecordGate.Money, cancellationToken);
        var rows = await db.DisbursementDecisions.AsNoTracking()
            .Where(d => d.BusinessId == businessId)
            .OrderByDescending(d => d.DecidedOn)
            .Select(d => new
            {
                Decision = d,
                PaidPaise = db.LedgerEntries.Where(e => e.DecisionId == d.Id).Sum(e => e.AmountPaise),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new DecisionRow(
            r.Decision.Id, r.Decision.Kind, r.Decision.Amount, r.Decision.DecidedOn, r.Decision.DecidedBy, r.Decision.Reason,
            r.Decision.FollowUpOn, r.Decision.MustTakePart, r.Decision.OverrideReason, Money.FromPaise(r.PaidPaise),
            r.Decision.DiscussedOn, r.Decision.DiscussedWith, r.Decision.DiscussionOutcome, r.Decision.SupersededOn)).ToList();
    }

    /// <summary>Every request against the business's decisions, newest first.</summary>
    public async Task<IReadOnlyList<RequestRow>> RequestsAsync(Guid businessId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await gate.OpenBusinessAsync(db, businessId, viewer, RecordGate.Money, cancellationToken);
        var requests = await db.DisbursementRequests.AsNoTracking()
            .Where(r => r.BusinessId == businessId)
            .ToListAsync(cancellationToken);
        return [.. requests
            .OrderByDescending(r => r.RecordedAt)
            .Select(r => new RequestRow(r.Amount, r.ValueDate, r.Method, r.RecordedBy, r.Status, r.DecidedBy, r.RejectionReason, r.LedgerSequence))];
    }
}
