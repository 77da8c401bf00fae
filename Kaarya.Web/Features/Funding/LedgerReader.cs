using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Domain.Participants;
using Kaarya.Web.Data;
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
public sealed class LedgerReader(IDbContextFactory<KaaryaDbContext> contexts)
{
    /// <summary>The newest entries first.</summary>
    public async Task<IReadOnlyList<LedgerRow>> LatestAsync(int count, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var latest = db.LedgerEntries.AsNoTracking().OrderByDescending(e => e.Sequence).Take(count);
        return await (
            from e in latest
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

    /// <summary>Re-walks the whole chain from entry #1, streaming, and names the first bad entry.</summary>
    public async Task<ChainVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var verifier = new LedgerChainVerifier();
        await foreach (var entry in db.LedgerEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (!verifier.Accept(entry))
            {
                break;
            }
        }

        return verifier.Result();
    }
}
