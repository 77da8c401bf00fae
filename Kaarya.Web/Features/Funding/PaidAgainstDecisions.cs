using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Features.Funding;

/// <summary>What the ledger paid against each decision, for <see cref="DecisionsInPhase"/>.</summary>
internal static class PaidAgainstDecisions
{
    /// <summary>The net paid (postings less reversals) against each decision the entries name.</summary>
    public static async Task<IReadOnlyDictionary<Guid, Money>> NetByDecisionAsync(this IQueryable<LedgerEntry> entries, CancellationToken cancellationToken)
    {
        var sums = await entries.AsNoTracking()
            .GroupBy(e => e.DecisionId)
            .Select(g => new { DecisionId = g.Key, Paise = g.Sum(e => e.AmountPaise) })
            .ToListAsync(cancellationToken);
        return sums.ToDictionary(s => s.DecisionId, s => Money.FromPaise(s.Paise));
    }
}
