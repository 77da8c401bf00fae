using Kaarya.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Features.Funding;

/// <summary>Which funder pays a decision: the one with a budget in the decision's phase.</summary>
public sealed class FunderDirectory(IDbContextFactory<KaaryaDbContext> contexts)
{
    public async Task<Guid> DefaultFunderForAsync(Guid decisionId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.DisbursementDecisions.AsNoTracking()
            .Where(d => d.Id == decisionId)
            .Join(db.FunderBudgets, d => d.PhaseId, b => b.PhaseId, (_, b) => b.FunderId)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
