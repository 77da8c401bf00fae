using Kaarya.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Features.Funding;

/// <summary>A funder as a list of choices shows her: the organisation's name, nothing of its budgets.</summary>
public sealed record FunderChoice(Guid Id, string Name);

/// <summary>The programme's funders, and which of them pays a decision.</summary>
public sealed class FunderDirectory(IDbContextFactory<KaaryaDbContext> contexts)
{
    /// <summary>Every funder, by name: what the businesses list can be narrowed to.</summary>
    public async Task<IReadOnlyList<FunderChoice>> AllAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Funders.AsNoTracking().OrderBy(f => f.Name).Select(f => new FunderChoice(f.Id, f.Name)).ToListAsync(cancellationToken);
    }

    /// <summary>Which funder pays a decision: the one with a budget in the decision's phase.</summary>
    public async Task<Guid> DefaultFunderForAsync(Guid decisionId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.DisbursementDecisions.AsNoTracking()
            .Where(d => d.Id == decisionId)
            .Join(db.FunderBudgets, d => d.PhaseId, b => b.PhaseId, (_, b) => b.FunderId)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
