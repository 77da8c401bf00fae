using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Web.Auditing;
using Kaarya.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Features.Funding;

/// <summary>
/// The money flow's use cases: record a request, approve or reject it, reverse an entry, close a
/// period. Every posting runs in its own transaction, one at a time, so that the chain can
/// neither fork nor gap; the ledger table's unique keys are the last line of defence. The funders'
/// totals each posting is checked against come from the app's <see cref="FundingTotals"/>.
/// </summary>
public sealed class DisbursementService(IDbContextFactory<KaaryaDbContext> contexts, TimeProvider clock, FundingTotals? totals = null)
{
    private readonly FundingTotals _totals = totals ?? new FundingTotals();

    // One writer at a time in this process; across processes, SQLite's write lock (BEGIN IMMEDIATE)
    // or PostgreSQL's advisory lock (LedgerBook.HoldAsync) keeps them in line. The register import
    // posts through the same gate.
    internal static readonly SemaphoreSlim PostingGate = new(1, 1);
    private static readonly DisbursementRequestInputValidator RequestValidator = new();

    /// <summary>Records a request for approval. The same idempotency key twice records it once.</summary>
    public async Task<Guid> RecordRequestAsync(DisbursementRequestInput input, Actor staff, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        InputCheck.Ensure(RequestValidator, input);
        await using var db = await OpenAsync(staff, cancellationToken);
        var existing = await db.DisbursementRequests.Where(r => r.IdempotencyKey == input.IdempotencyKey).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);
        if (existing is { } id)
        {
            return id;
        }

        var decision = await db.DisbursementDecisions.SingleOrDefaultAsync(d => d.Id == input.DecisionId, cancellationToken)
            ?? throw new DomainException("no-decision", "That decision does not exist.");
        var funder = await db.Funders.SingleOrDefaultAsync(f => f.Id == input.FunderId, cancellationToken)
            ?? throw new DomainException("no-funder", "That funder does not exist.");
        var phase = await db.Phases.SingleAsync(p => p.Id == decision.PhaseId, cancellationToken);
        var business = await db.Businesses.AsNoTracking().SingleAsync(b => b.Id == decision.BusinessId, cancellationToken);
        business.MustTakeMoney();
        var request = DisbursementRequest.Record(
            decision, phase, funder, Money.Parse(input.Amount), input.ValueDate!.Value, input.Method, input.Reference,
            staff, clock.GetUtcNow(), input.IdempotencyKey);
        db.DisbursementRequests.Add(request);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return request.Id;
        }
        catch (DbUpdateException)
        {
            // The same form submitted twice at once: the unique key let one through; return that one.
            if (await KeyAlreadyUsedAsync(input.IdempotencyKey, cancellationToken) is { } winner)
            {
                return winner;
            }

            throw;
        }
    }

    public Task<LedgerEntry> ApproveAsync(Guid requestId, Actor manager, CancellationToken cancellationToken = default) =>
        PostAsync(manager, async (book, db, now) =>
        {
            var request = await FindRequestAsync(db, requestId, cancellationToken);
            return await book.ApproveAsync(request, manager, now, cancellationToken);
        }, cancellationToken);

    public Task<LedgerEntry> ReverseAsync(long sequence, Actor manager, string reason, DateOnly valueDate, CancellationToken cancellationToken = default) =>
        PostAsync(manager, (book, _, now) => book.ReverseAsync(sequence, manager, reason, valueDate, now, cancellationToken), cancellationToken);

    public async Task RejectAsync(Guid requestId, Actor manager, string reason, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(manager, cancellationToken);
        var request = await FindRequestAsync(db, requestId, cancellationToken);
        var now = clock.GetUtcNow();
        request.Reject(manager, reason, now);
        db.Audit(now, AuditAction.Rejected, nameof(DisbursementRequest), request.Id.ToString(), $"Rejected {request.Amount}: {request.RejectionReason}");
        await SaveOrExplainRaceAsync(db, cancellationToken);
    }

    public async Task<DateOnly> ClosePeriodAsync(DateOnly through, Actor manager, CancellationToken cancellationToken = default)
    {
        await PostingGate.WaitAsync(cancellationToken);
        try
        {
            await using var db = await OpenAsync(manager, cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var book = new LedgerBook(db, _totals);
            await book.HoldAsync(cancellationToken);
            var previous = await book.ClosedThroughAsync(cancellationToken);
            var now = clock.GetUtcNow();
            db.AccountingPeriods.Add(AccountingPeriod.Close(through, previous, manager, now));
            db.Audit(now, AuditAction.PeriodClosed, nameof(AccountingPeriod), DateFormats.Show(through), $"Closed the books through {DateFormats.Show(through)}");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return through;
        }
        finally
        {
            PostingGate.Release();
        }
    }

    private async Task<LedgerEntry> PostAsync(Actor actor, Func<LedgerBook, KaaryaDbContext, DateTimeOffset, Task<LedgerEntry>> post, CancellationToken cancellationToken)
    {
        await PostingGate.WaitAsync(cancellationToken);
        try
        {
            await using var db = await OpenAsync(actor, cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var book = new LedgerBook(db, _totals);
            // Held before the request is read, so a request approved meanwhile elsewhere is seen as such.
            await book.HoldAsync(cancellationToken);
            var entry = await post(book, db, clock.GetUtcNow());
            await transaction.CommitAsync(cancellationToken);
            return entry;
        }
        catch (DbUpdateConcurrencyException)
        {
            throw DecidedElsewhere();
        }
        finally
        {
            PostingGate.Release();
        }
    }

    private async Task<KaaryaDbContext> OpenAsync(Actor actor, CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        return db.ActingAs(actor);
    }

    private static async Task<DisbursementRequest> FindRequestAsync(KaaryaDbContext db, Guid requestId, CancellationToken cancellationToken) =>
        await db.DisbursementRequests.SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken)
            ?? throw new DomainException("no-request", "That disbursement request does not exist.");

    private static async Task SaveOrExplainRaceAsync(KaaryaDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw DecidedElsewhere();
        }
    }

    private static DomainException DecidedElsewhere() =>
        new("request-changed", "Someone else decided this request at the same moment; reload to see what was done.");

    private async Task<Guid?> KeyAlreadyUsedAsync(Guid key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.DisbursementRequests.Where(r => r.IdempotencyKey == key).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);
    }
}
