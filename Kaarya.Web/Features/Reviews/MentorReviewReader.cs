using Kaarya.Domain.Access;
using Kaarya.Domain.Participants;
using Kaarya.Domain.Plans;
using Kaarya.Domain.Reviews;
using Kaarya.Domain.Voice;
using Kaarya.Web.Data;
using Kaarya.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Features.Reviews;

/// <summary>
/// Everything a mentor has in front of her while she goes through a survivor's plan with her: whose
/// it is (by code), the latest version, what the survivor has said beside it, and the reviews so far.
/// </summary>
public sealed record PlanReviewSession(
    Guid BusinessId,
    string BusinessName,
    Guid ParticipantId,
    ParticipantCode ParticipantCode,
    BusinessPlan? LatestPlan,
    HerVoice Voice,
    IReadOnlyList<MentorReview> Reviews)
{
    /// <summary>Reviews recorded and still waiting for her own acknowledgement, oldest first.</summary>
    public IReadOnlyList<MentorReview> AwaitingHer => [.. Reviews.Where(r => !r.IsAcknowledged).OrderBy(r => r.RecordedAt)];
}

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

    /// <summary>
    /// What the review screen shows: opened through the gate (audited, refused calmly for a mentor
    /// not assigned to her), then her latest plan, her words and the reviews so far.
    /// </summary>
    public async Task<PlanReviewSession> SessionAsync(Guid businessId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var participantId = await gate.OpenBusinessAsync(db, businessId, viewer, RecordGate.Reviews, cancellationToken);
        var business = await db.Businesses.AsNoTracking().SingleAsync(b => b.Id == businessId, cancellationToken);
        var code = await db.Participants.Where(p => p.Id == participantId).Select(p => p.Code).SingleAsync(cancellationToken);
        var plan = await db.BusinessPlans.AsNoTracking().Where(p => p.BusinessId == businessId).OrderByDescending(p => p.Version).FirstOrDefaultAsync(cancellationToken);
        var words = await db.HerWords.AsNoTracking().Where(w => w.BusinessId == businessId).ToListAsync(cancellationToken);
        var answers = await db.PlanAgreements.AsNoTracking().Where(a => a.BusinessId == businessId).ToListAsync(cancellationToken);
        var reviews = await db.MentorReviews.AsNoTracking().Where(r => r.BusinessId == businessId).ToListAsync(cancellationToken);
        return new PlanReviewSession(businessId, business.Name, participantId, code, plan, new HerVoice(words, answers),
            [.. reviews.OrderByDescending(r => r.ReviewedOn).ThenByDescending(r => r.RecordedAt)]);
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
