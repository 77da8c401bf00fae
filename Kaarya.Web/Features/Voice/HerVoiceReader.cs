using Kaarya.Domain.Access;
using Kaarya.Domain.Voice;
using Kaarya.Web.Data;
using Kaarya.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Features.Voice;

/// <summary>Reads her words and answers on a business, for those who may open her record (herself, her mentor, staff).</summary>
public sealed class HerVoiceReader(IDbContextFactory<KaaryaDbContext> contexts, RecordGate gate)
{
    /// <summary>Everything she has said on the business's plan versions and stocktakings; what counts now is asked of the result.</summary>
    public async Task<HerVoice> ForBusinessAsync(Guid businessId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await gate.OpenBusinessAsync(db, businessId, viewer, RecordGate.HerWords, cancellationToken);
        var words = await db.HerWords.AsNoTracking().Where(w => w.BusinessId == businessId).ToListAsync(cancellationToken);
        var answers = await db.PlanAgreements.AsNoTracking().Where(a => a.BusinessId == businessId).ToListAsync(cancellationToken);
        return new HerVoice(words, answers);
    }
}
