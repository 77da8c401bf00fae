using Kaarya.Domain.Access;
using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Domain.Participants;
using Kaarya.Web.Auditing;
using Kaarya.Web.Data;
using Kaarya.Web.Features.Businesses;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Features.Funding;

/// <summary>One decision in the programme's register: whose business, what was decided, what has been paid.</summary>
public sealed record DecisionRegisterRow(
    Guid BusinessId,
    ParticipantCode ParticipantCode,
    string Business,
    string Phase,
    DecisionKind Kind,
    Money Amount,
    Money Paid,
    DateOnly DecidedOn,
    DateOnly? FollowUpOn,
    bool FollowUpOverdue);

/// <summary>A page of the register; every filter is optional.</summary>
public sealed record DecisionRegisterQuery
{
    public int Page { get; init; }

    public int PageSize { get; init; } = 25;

    public Guid? PhaseId { get; init; }

    public DecisionKind? Kind { get; init; }

    /// <summary>Only delayed decisions whose family discussion is past its date.</summary>
    public bool OverdueOnly { get; init; }
}

/// <summary>
/// The register of disbursement decisions across the programme, newest first: for staff, the
/// programme manager and auditors, by participant code.
/// </summary>
public sealed class DecisionRegister(IDbContextFactory<KaaryaDbContext> contexts, AuditTrail audit, TimeProvider clock)
{
    public async Task<Page<DecisionRegisterRow>> PageAsync(DecisionRegisterQuery query, Viewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(viewer);
        if (!RecordAccess.MayReadMoney(viewer))
        {
            await audit.RecordAsync(viewer.UserId, AuditAction.AccessRefused, "Decision", "register", "Refused: the register of decisions", cancellationToken);
            throw new AccessDeniedException();
        }

        var today = ProgrammeCalendar.Today(clock);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var decisions = db.DisbursementDecisions.AsNoTracking();
        if (query.PhaseId is { } phase)
        {
            decisions = decisions.Where(d => d.PhaseId == phase);
        }

        if (query.Kind is { } kind)
        {
            decisions = decisions.Where(d => d.Kind == kind);
        }

        if (query.OverdueOnly)
        {
            // DisbursementDecision.IsFollowUpOverdue, as the database can ask it.
            decisions = decisions.Where(d => d.Kind == DecisionKind.Delayed && d.DiscussedOn == null && d.FollowUpOn < today);
        }

        var total = await decisions.CountAsync(cancellationToken);
        var size = Math.Clamp(query.PageSize, 1, 200);
        var rows = await (
            from d in decisions
            join b in db.Businesses on d.BusinessId equals b.Id
            join p in db.Participants on b.ParticipantId equals p.Id
            join ph in db.Phases on d.PhaseId equals ph.Id
            orderby d.DecidedOn descending, p.Code
            select new
            {
                b.Id,
                p.Code,
                b.Name,
                Phase = ph.Name,
                d.Kind,
                d.Amount,
                Paid = db.LedgerEntries.Where(e => e.DecisionId == d.Id).Sum(e => e.AmountPaise),
                d.DecidedOn,
                d.FollowUpOn,
                d.DiscussedOn,
            })
            .Skip(Math.Max(query.Page, 0) * size).Take(size)
            .ToListAsync(cancellationToken);
        return new Page<DecisionRegisterRow>(
            [.. rows.Select(r => new DecisionRegisterRow(r.Id, r.Code, r.Name, r.Phase, r.Kind, r.Amount, Money.FromPaise(r.Paid), r.DecidedOn, r.FollowUpOn,
                r.Kind == DecisionKind.Delayed && r.DiscussedOn == null && r.FollowUpOn < today))],
            total);
    }
}
