using Kaarya.Domain.Access;
using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Domain.Participants;
using Kaarya.Web.Auditing;
using Kaarya.Web.Data;
using Kaarya.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Features.Funding;

/// <summary>A ledger entry as the ledger page shows it.</summary>
public sealed record LedgerRow(
    long Sequence,
    DateTimeOffset PostedAt,
    DateOnly ValueDate,
    ParticipantCode ParticipantCode,
    string Business,
    LedgerEntryKind Kind,
    long? ReversesSequence,
    Money Amount,
    PaymentMethod Method,
    string Reference,
    string Funder,
    string RecordedBy,
    string ApprovedBy,
    string Hash);

/// <summary>Reads the ledger and re-walks its hash chain.</summary>
public sealed class LedgerReader(IDbContextFactory<KaaryaDbContext> contexts, RecordGate gate, AuditTrail audit)
{
    /// <summary>The newest entries first: staff, manager and auditors only.</summary>
    public async Task<IReadOnlyList<LedgerRow>> LatestAsync(int count, Viewer viewer, CancellationToken cancellationToken = default)
    {
        await EnsureMayReadLedgerAsync(viewer, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await RowsAsync(db, db.LedgerEntries.AsNoTracking().OrderByDescending(e => e.Sequence).Take(count), cancellationToken);
    }

    /// <summary>The money of one business: for those who read the ledger, and for the survivor herself and her mentor.</summary>
    public async Task<IReadOnlyList<LedgerRow>> ForBusinessAsync(Guid businessId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await gate.OpenBusinessAsync(db, businessId, viewer, RecordGate.Money, cancellationToken);
        return await RowsAsync(db, db.LedgerEntries.AsNoTracking().Where(e => e.BusinessId == businessId), cancellationToken);
    }

    /// <summary>Re-walks the whole chain from entry #1, streaming, and names the first bad entry.</summary>
    public async Task<ChainVerification> VerifyAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        await EnsureMayReadLedgerAsync(viewer, cancellationToken);
        return await VerifyChainAsync(cancellationToken);
    }

    internal async Task<ChainVerification> VerifyChainAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await LedgerChainVerifier.VerifyAsync(db.LedgerEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable(), cancellationToken);
    }

    private async Task EnsureMayReadLedgerAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!RecordAccess.MayReadMoney(viewer))
        {
            await audit.RecordAsync(viewer.UserId, AuditAction.AccessRefused, "Ledger", "all", "Refused: the whole ledger", cancellationToken);
            throw new AccessDeniedException();
        }
    }

    private static async Task<IReadOnlyList<LedgerRow>> RowsAsync(KaaryaDbContext db, IQueryable<LedgerEntry> entries, CancellationToken cancellationToken) =>
        await (
            from e in entries
            join b in db.Businesses on e.BusinessId equals b.Id
            join p in db.Participants on b.ParticipantId equals p.Id
            join f in db.Funders on e.FunderId equals f.Id
            orderby e.Sequence descending
            select new LedgerRow(
                e.Sequence, e.PostedAt, e.ValueDate, p.Code, b.Name,
                e.ReversesSequence == null ? LedgerEntryKind.Disbursement : LedgerEntryKind.Reversal, e.ReversesSequence,
                Money.FromPaise(e.AmountPaise), e.Method, e.Reference, f.Name, e.RecordedBy, e.ApprovedBy, e.Hash))
            .ToListAsync(cancellationToken);
}
