using Kaarya.Domain.Access;
using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Web.Auditing;
using Kaarya.Web.Data;
using Kaarya.Web.Features.Funding;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Features.Dashboard;

/// <summary>Businesses started in a phase, and how many of them still run.</summary>
public sealed record PhaseSuccess(string Phase, int Started, int Running)
{
    /// <summary>Running over started, in whole per cent; null when none started.</summary>
    public int? RatePercent => Started == 0 ? null : (int)Math.Round(100m * Running / Started);
}

/// <summary>One funder's budget for one phase against what the ledger says was disbursed.</summary>
public sealed record FunderUse(string Funder, string Phase, Money Budget, Money Disbursed)
{
    public int PercentUsed => Budget.Paise == 0 ? 0 : (int)Math.Round(100m * Disbursed.Paise / Budget.Paise);
}

/// <summary>The programme at a glance, for staff and the programme manager.</summary>
public sealed record DashboardFigures(
    IReadOnlyDictionary<LifecycleStage, int> OpenBusinessesByStage,
    IReadOnlyDictionary<BusinessStatus, int> BusinessesByStatus,
    IReadOnlyList<PhaseSuccess> SuccessByPhase,
    IReadOnlyList<FunderUse> Budgets,
    int ApprovalsWaiting,
    int FollowUpsOverdue,
    int UtilisationReportsDue,
    IReadOnlyList<LedgerRow> LatestPostings);

public sealed class DashboardQueries(IDbContextFactory<KaaryaDbContext> contexts, LedgerReader ledger, AuditTrail audit, TimeProvider clock)
{
    public async Task<DashboardFigures> LoadAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!viewer.Actor.KeepsRecords)
        {
            await audit.RecordAsync(viewer.UserId, AuditAction.AccessRefused, "Dashboard", "all", "Refused: the dashboard", cancellationToken);
            throw new AccessDeniedException();
        }

        var today = ProgrammeCalendar.Today(clock);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        var businesses = await db.Businesses.AsNoTracking()
            .Select(b => new
            {
                b.Status,
                b.StartedOn,
                Stage = b.StageHistory.OrderByDescending(s => s.AssessedOn).ThenByDescending(s => s.Sequence).Select(s => (LifecycleStage?)s.Stage).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var byStage = Enum.GetValues<LifecycleStage>().ToDictionary(s => s, s => businesses.Count(b => b.Status != BusinessStatus.Closed && b.Stage == s));
        var byStatus = Enum.GetValues<BusinessStatus>().ToDictionary(s => s, s => businesses.Count(b => b.Status == s));

        var phases = await db.Phases.AsNoTracking().OrderBy(p => p.StartsOn).ToListAsync(cancellationToken);
        var success = phases.Select(p =>
        {
            var started = businesses.Where(b => p.Includes(b.StartedOn)).ToList();
            return new PhaseSuccess(p.Name, started.Count, started.Count(b => b.Status == BusinessStatus.Running));
        }).ToList();

        var disbursed = await db.LedgerEntries.AsNoTracking()
            .GroupBy(e => new { e.FunderId, e.PhaseId })
            .Select(g => new { g.Key.FunderId, g.Key.PhaseId, Paise = g.Sum(e => e.AmountPaise) })
            .ToListAsync(cancellationToken);
        var budgets = await (
            from b in db.FunderBudgets.AsNoTracking()
            join f in db.Funders on b.FunderId equals f.Id
            join p in db.Phases on b.PhaseId equals p.Id
            select new { b.FunderId, b.PhaseId, Funder = f.Name, Phase = p.Name, b.Amount }).ToListAsync(cancellationToken);
        var uses = budgets.Select(b => new FunderUse(b.Funder, b.Phase, b.Amount,
            Money.FromPaise(disbursed.Where(d => d.FunderId == b.FunderId && d.PhaseId == b.PhaseId).Sum(d => d.Paise)))).ToList();

        var waiting = await db.DisbursementRequests.CountAsync(r => r.Status == RequestStatus.Pending, cancellationToken);
        var overdue = await db.DisbursementDecisions.CountAsync(d => d.Kind == DecisionKind.Delayed && d.FollowUpOn < today, cancellationToken);
        var dueBefore = today.AddDays(-UtilisationDue.DaysAfterPayment);
        var reportsDue = await db.LedgerEntries.CountAsync(e =>
            e.ReversesSequence == null
            && e.ValueDate < dueBefore
            && !db.LedgerEntries.Any(r => r.ReversesSequence == e.Sequence)
            && !db.UtilisationReports.Any(u => u.LedgerSequence == e.Sequence), cancellationToken);

        var latest = await ledger.LatestAsync(5, viewer, cancellationToken);
        return new DashboardFigures(byStage, byStatus, success, uses, waiting, overdue, reportsDue, latest);
    }
}
