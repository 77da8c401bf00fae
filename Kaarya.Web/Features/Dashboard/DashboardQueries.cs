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

/// <remarks>
/// Nothing here reads the ledger entry by entry. What each funder's budget has had comes from the
/// app's <see cref="FundingTotals"/>, the running totals the postings are checked against (a sum
/// over the ledger cost about 150 ms of the page at 200,000 entries on PostgreSQL); the reports due
/// are counted from the disbursements still waiting for one (<see cref="AwaitedUtilisationReport"/>;
/// matching every entry against its reports cost about 300 ms on SQLite).
/// </remarks>
public sealed class DashboardQueries(IDbContextFactory<KaaryaDbContext> contexts, LedgerReader ledger, AuditTrail audit, TimeProvider clock, FundingTotals totals)
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

        // Counted by the database: at 10,000 businesses, fetching them to count would miss the page's budget.
        var byStatus = (await db.Businesses.AsNoTracking().GroupBy(b => b.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .ToDictionary(g => g.Key, g => g.Count);
        var stages = await db.Businesses.AsNoTracking()
            .Where(b => b.Status != BusinessStatus.Closed)
            .Select(b => b.StageHistory.OrderByDescending(s => s.AssessedOn).ThenByDescending(s => s.Sequence).Select(s => (LifecycleStage?)s.Stage).FirstOrDefault())
            .GroupBy(stage => stage)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var byStage = Enum.GetValues<LifecycleStage>().ToDictionary(s => s, s => stages.Where(g => g.Key == s).Sum(g => g.Count));
        foreach (var status in Enum.GetValues<BusinessStatus>())
        {
            byStatus.TryAdd(status, 0);
        }

        var phases = await db.Phases.AsNoTracking().OrderBy(p => p.StartsOn).ToListAsync(cancellationToken);
        var success = new List<PhaseSuccess>();
        foreach (var phase in phases)
        {
            var started = db.Businesses.AsNoTracking().Where(b => b.StartedOn >= phase.StartsOn && b.StartedOn <= phase.EndsOn);
            success.Add(new PhaseSuccess(phase.Name,
                await started.CountAsync(cancellationToken),
                await started.CountAsync(b => b.Status == BusinessStatus.Running, cancellationToken)));
        }

        var disbursed = await totals.AllNetPaiseAsync(db, cancellationToken);
        var budgets = await (
            from b in db.FunderBudgets.AsNoTracking()
            join f in db.Funders on b.FunderId equals f.Id
            join p in db.Phases on b.PhaseId equals p.Id
            select new { b.FunderId, b.PhaseId, Funder = f.Name, Phase = p.Name, b.Amount }).ToListAsync(cancellationToken);
        var uses = budgets.Select(b => new FunderUse(b.Funder, b.Phase, b.Amount,
            Money.FromPaise(disbursed.GetValueOrDefault((b.FunderId, b.PhaseId))))).ToList();

        var waiting = await db.DisbursementRequests.CountAsync(r => r.Status == RequestStatus.Pending, cancellationToken);
        // DisbursementDecision.IsFollowUpOverdue, as a count the database can make.
        var overdue = await db.DisbursementDecisions.CountAsync(d => d.Kind == DecisionKind.Delayed && d.DiscussedOn == null && d.FollowUpOn < today, cancellationToken);
        // Counted from the disbursements still waiting for a report (kept by the database), not from the whole ledger.
        var paidBefore = UtilisationDue.OverdueIfPaidBefore(today);
        var reportsDue = await db.AwaitedUtilisationReports.CountAsync(a => a.PaidOn < paidBefore, cancellationToken);

        var latest = await ledger.LatestAsync(5, viewer, cancellationToken);
        return new DashboardFigures(byStage, byStatus, success, uses, waiting, overdue, reportsDue, latest);
    }
}
