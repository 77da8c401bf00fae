using Kaarya.Domain.Access;
using Kaarya.Domain.Plans;
using Kaarya.Web.Data;
using Kaarya.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Features.Plans;

/// <summary>Reads a business's plan, only for those who may open the survivor's record.</summary>
public sealed class PlanReader(IDbContextFactory<KaaryaDbContext> contexts, RecordGate gate)
{
    /// <summary>The latest version of the plan, or null before one is drafted.</summary>
    public async Task<BusinessPlan?> LatestAsync(Guid businessId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await gate.OpenBusinessAsync(db, businessId, viewer, RecordGate.Plan, cancellationToken);
        return await db.BusinessPlans.AsNoTracking()
            .Where(p => p.BusinessId == businessId)
            .OrderByDescending(p => p.Version)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Every version of the plan, newest first; empty before one is drafted.</summary>
    public async Task<IReadOnlyList<BusinessPlan>> VersionsAsync(Guid businessId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await gate.OpenBusinessAsync(db, businessId, viewer, RecordGate.Plan, cancellationToken);
        return await db.BusinessPlans.AsNoTracking()
            .Where(p => p.BusinessId == businessId)
            .OrderByDescending(p => p.Version)
            .ToListAsync(cancellationToken);
    }
}
