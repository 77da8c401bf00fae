using Kaarya.Domain.Access;
using Kaarya.Domain.Reviews;
using Kaarya.Web.Data;
using Kaarya.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Features.Reviews;

/// <summary>Reads the reviews of a survivor's plan, for those who may open her record: herself, her mentor, staff.</summary>
public sealed class MentorReviewReader(IDbContextFactory<KaaryaDbContext> contexts, RecordGate gate)
{
    /// <summary>Every review of the business's plan, newest first, each with her acknowledgement if she gave it.</summary>
    public async Task<IReadOnlyList<MentorReview>> ForBusinessAsync(Guid businessId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await gate.OpenBusinessAsync(db, businessId, viewer, RecordGate.Reviews, cancellationToken);
        var reviews = await db.MentorReviews.AsNoTracking().Where(r => r.BusinessId == businessId).ToListAsync(cancellationToken);
        return [.. reviews.OrderByDescending(r => r.ReviewedOn).ThenByDescending(r => r.RecordedAt)];
    }

    /// <summary>One review, refused like any record the viewer may not open.</summary>
    public async Task<MentorReview> GetAsync(Guid reviewId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var businessId = await db.MentorReviews.Where(r => r.Id == reviewId).Select(r => r.BusinessId).FirstOrDefaultAsync(cancellationToken);
        await gate.OpenBusinessAsync(db, businessId, viewer, RecordGate.Reviews, cancellationToken);
        return await db.MentorReviews.AsNoTracking().SingleAsync(r => r.Id == reviewId, cancellationToken);
    }
}
