using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Features.Funding;

/// <summary>
/// What has been posted against each funder's budget in each phase, folded from the ledger as it
/// grows, so that a posting checks the budget without summing every entry of the funder's phase
/// (a sum that grows with the ledger: about 6 ms of each posting at 200,000 entries).
/// <para>
/// The ledger only ever grows, so the totals through entry N plus the entries after N are the
/// totals now. Each look-up first checks that entry N is still the one folded (same sequence, same
/// hash): if it is not, say a transaction whose entries were folded rolled back, or the database was
/// restored, the totals are summed afresh. It is a cache, never the record: each app instance keeps
/// its own and catches up on postings other instances made. Callers hold the ledger
/// (<see cref="LedgerBook.HoldAsync"/>), so no posting commits between the reads of one look-up.
/// </para>
/// </summary>
public sealed class FundingTotals
{
    private Folded? _folded;

    /// <summary>The net posted (reversals are negative) against the funder's budget in the phase.</summary>
    internal async Task<Money> NetAsync(KaaryaDbContext db, Guid funderId, Guid phaseId, CancellationToken cancellationToken) =>
        Money.FromPaise((await CurrentAsync(db, cancellationToken)).NetPaise.GetValueOrDefault((funderId, phaseId)));

    /// <summary>
    /// The net posted against every funder's budget in every phase, for a page that shows them all
    /// (the dashboard). Without the ledger held it reads only what has committed: the totals through
    /// some entry at least as new as the last look-up.
    /// </summary>
    public async Task<IReadOnlyDictionary<(Guid FunderId, Guid PhaseId), long>> AllNetPaiseAsync(KaaryaDbContext db, CancellationToken cancellationToken) =>
        (await CurrentAsync(db, cancellationToken)).NetPaise;

    private async Task<Folded> CurrentAsync(KaaryaDbContext db, CancellationToken cancellationToken)
    {
        var folded = Volatile.Read(ref _folded);
        folded = folded is not null && await StillLedgerAsync(db, folded.Through, cancellationToken)
            ? await CatchUpAsync(db, folded, cancellationToken)
            : await SumAsync(db, cancellationToken);
        Volatile.Write(ref _folded, folded);
        return folded;
    }

    private static async Task<bool> StillLedgerAsync(KaaryaDbContext db, LedgerHead through, CancellationToken cancellationToken) =>
        through.Sequence == LedgerHead.Genesis.Sequence
        || await db.LedgerEntries.AnyAsync(e => e.Sequence == through.Sequence && e.Hash == through.Hash, cancellationToken);

    private static async Task<Folded> CatchUpAsync(KaaryaDbContext db, Folded folded, CancellationToken cancellationToken)
    {
        var newer = await db.LedgerEntries.AsNoTracking()
            .Where(e => e.Sequence > folded.Through.Sequence)
            .OrderBy(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash, e.FunderId, e.PhaseId, e.AmountPaise })
            .ToListAsync(cancellationToken);
        if (newer.Count == 0)
        {
            return folded;
        }

        var net = new Dictionary<(Guid FunderId, Guid PhaseId), long>(folded.NetPaise);
        foreach (var entry in newer)
        {
            net[(entry.FunderId, entry.PhaseId)] = net.GetValueOrDefault((entry.FunderId, entry.PhaseId)) + entry.AmountPaise;
        }

        return new Folded(new LedgerHead(newer[^1].Sequence, newer[^1].Hash), net);
    }

    private static async Task<Folded> SumAsync(KaaryaDbContext db, CancellationToken cancellationToken)
    {
        var head = await new LedgerBook(db).HeadAsync(cancellationToken);
        var sums = await db.LedgerEntries.AsNoTracking()
            .Where(e => e.Sequence <= head.Sequence)
            .GroupBy(e => new { e.FunderId, e.PhaseId })
            .Select(g => new { g.Key.FunderId, g.Key.PhaseId, Net = g.Sum(e => e.AmountPaise) })
            .ToListAsync(cancellationToken);
        return new Folded(head, sums.ToDictionary(s => (s.FunderId, s.PhaseId), s => s.Net));
    }

    /// <summary>The totals through one entry of the ledger.</summary>
    private sealed record Folded(LedgerHead Through, IReadOnlyDictionary<(Guid FunderId, Guid PhaseId), long> NetPaise);
}
