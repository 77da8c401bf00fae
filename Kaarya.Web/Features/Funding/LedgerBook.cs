using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Web.Auditing;
using Kaarya.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Features.Funding;

/// <summary>
/// The ledger as seen from inside one database transaction: the head to chain onto, the figures
/// the domain checks a tranche against, and the postings themselves. Callers own the transaction
/// (see <see cref="DisbursementService"/>, and the demo data loader, which posts in one transaction).
/// The funders' totals come from <paramref name="totals"/>, the app's <see cref="FundingTotals"/>;
/// without it the book sums them afresh.
/// </summary>
internal sealed class LedgerBook(KaaryaDbContext db, FundingTotals? totals = null)
{
    private readonly FundingTotals _totals = totals ?? new FundingTotals();

    /// <summary>The key of PostgreSQL's transaction-level advisory lock that one posting at a time holds.</summary>
    public const long PostgresLockKey = 0x4b61617279614c; // "KaaryaL"

    /// <summary>
    /// Holds the ledger for the rest of the caller's transaction, so that reading the head and the
    /// funding position, appending and committing happen as one step across every app instance
    /// (decision 0003). SQLite's transaction already holds the database's write lock from BEGIN;
    /// PostgreSQL takes an advisory lock that it releases at commit or rollback. Holding it twice
    /// in one transaction is harmless.
    /// </summary>
    public async Task HoldAsync(CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The ledger is held inside a transaction: begin one first.");
        }

        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({PostgresLockKey})", cancellationToken);
        }
    }

    public async Task<LedgerHead> HeadAsync(CancellationToken cancellationToken)
    {
        var head = await db.LedgerEntries.AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        return head is null ? LedgerHead.Genesis : new LedgerHead(head.Sequence, head.Hash);
    }

    public Task<DateOnly?> ClosedThroughAsync(CancellationToken cancellationToken) =>
        db.AccountingPeriods.MaxAsync(p => (DateOnly?)p.ClosedThrough, cancellationToken);

    public async Task<FundingPosition> PositionForAsync(DisbursementRequest request, CancellationToken cancellationToken)
    {
        var postedAgainstDecision = await NetAsync(db.LedgerEntries.Where(e => e.DecisionId == request.DecisionId), cancellationToken);
        var budget = await db.FunderBudgets
            .Where(b => b.FunderId == request.FunderId && b.PhaseId == request.PhaseId)
            .Select(b => b.Amount)
            .FirstOrDefaultAsync(cancellationToken);
        var funderPosted = await _totals.NetAsync(db, request.FunderId, request.PhaseId, cancellationToken);
        return new FundingPosition(postedAgainstDecision, budget, funderPosted, await ClosedThroughAsync(cancellationToken));
    }

    /// <summary>Approves a pending request and posts it; saves, but leaves the commit to the caller.</summary>
    public async Task<LedgerEntry> ApproveAsync(DisbursementRequest request, Actor approver, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await HoldAsync(cancellationToken);
        var decision = await db.DisbursementDecisions.SingleAsync(d => d.Id == request.DecisionId, cancellationToken);
        var position = await PositionForAsync(request, cancellationToken);
        var posting = request.Approve(approver, decision, position, at);
        var entry = await AppendAsync(posting, at, cancellationToken);
        request.MarkPosted(entry);
        db.Audit(at, AuditAction.Approved, nameof(DisbursementRequest), request.Id.ToString(),
            $"Approved {request.Amount} and posted ledger entry #{entry.Sequence}");
        await db.SaveChangesAsync(cancellationToken);
        return entry;
    }

    /// <summary>Posts the reversal of an entry; saves, but leaves the commit to the caller.</summary>
    public async Task<LedgerEntry> ReverseAsync(long sequence, Actor manager, string reason, DateOnly valueDate, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await HoldAsync(cancellationToken);
        var original = await db.LedgerEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Sequence == sequence, cancellationToken)
            ?? throw new DomainException("no-entry", $"There is no ledger entry #{sequence}.");
        var alreadyReversed = await db.LedgerEntries.AnyAsync(e => e.ReversesSequence == sequence, cancellationToken);
        var posting = original.ReversalPosting(manager, reason, valueDate, alreadyReversed, await ClosedThroughAsync(cancellationToken));
        var entry = await AppendAsync(posting, at, cancellationToken);
        db.Audit(at, AuditAction.Reversed, nameof(LedgerEntry), sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"Reversed entry #{sequence} by entry #{entry.Sequence}: {posting.Reason}");
        await db.SaveChangesAsync(cancellationToken);
        return entry;
    }

    private async Task<LedgerEntry> AppendAsync(LedgerPosting posting, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var entry = LedgerEntry.Append(await HeadAsync(cancellationToken), posting, at);
        db.LedgerEntries.Add(entry);
        return entry;
    }

    /// <summary>The net of postings (reversals are negative), summed by the database.</summary>
    public static async Task<Money> NetAsync(IQueryable<LedgerEntry> entries, CancellationToken cancellationToken) =>
        Money.FromPaise(await entries.SumAsync(e => e.AmountPaise, cancellationToken));
}
