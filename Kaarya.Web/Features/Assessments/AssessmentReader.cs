using Kaarya.Domain.Access;
using Kaarya.Domain.Assessments;
using Kaarya.Web.Data;
using Kaarya.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Features.Assessments;

/// <summary>A business's 4P stocktakings and risk assessments, newest first.</summary>
public sealed record BusinessAssessments(IReadOnlyList<Stocktaking> Stocktakings, IReadOnlyList<RiskAssessment> RiskAssessments);

/// <summary>Reads the 4P and the risk register, for those who may open the survivor's record.</summary>
public sealed class AssessmentReader(IDbContextFactory<KaaryaDbContext> contexts, RecordGate gate)
{
    public async Task<BusinessAssessments> ForBusinessAsync(Guid businessId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await gate.OpenBusinessAsync(db, businessId, viewer, "assessments", cancellationToken);
        var stocktakings = await db.Stocktakings.AsNoTracking().Where(s => s.BusinessId == businessId).OrderByDescending(s => s.HeldOn).ToListAsync(cancellationToken);
        var risks = await db.RiskAssessments.AsNoTracking().Where(r => r.BusinessId == businessId).OrderByDescending(r => r.AssessedOn).ToListAsync(cancellationToken);
        return new BusinessAssessments(stocktakings, risks);
    }
}
