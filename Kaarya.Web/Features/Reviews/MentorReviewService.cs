using Kaarya.Domain.Access;
using Kaarya.Domain.Common;
using Kaarya.Domain.Reviews;
using Kaarya.Web.Data;
using Kaarya.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Features.Reviews;

/// <summary>
/// A mentor records her review of a survivor's plan; the survivor acknowledges it herself, in her
/// own session or on the mentor's device after <see cref="Identity.SurvivorConfirmation"/>.
/// </summary>
public sealed class MentorReviewService(IDbContextFactory<KaaryaDbContext> contexts, RecordGate gate, TimeProvider clock)
{
    private static readonly MentorReviewInputValidator Validator = new();

    /// <summary>Records the review of a plan version by the signed-in mentor, and returns it as stored.</summary>
    public async Task<MentorReview> RecordAsync(MentorReviewInput input, Viewer mentor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(mentor);
        InputCheck.Ensure(Validator, input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var plan = await db.BusinessPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == input.BusinessPlanId, cancellationToken);
        var participantId = await gate.OpenBusinessToWriteAsync(db, plan?.BusinessId ?? Guid.Empty, mentor, RecordGate.Reviews,
            owner => MentorReview.EnsureRecordedByHerMentor(mentor, owner), cancellationToken);

        db.ActingAs(mentor.Actor);
        var business = await db.Businesses.AsNoTracking().SingleAsync(b => b.Id == plan!.BusinessId, cancellationToken);
        var assignments = await db.MentorAssignments.AsNoTracking()
            .Where(a => a.ParticipantId == participantId && a.MentorUserId == mentor.UserId)
            .ToListAsync(cancellationToken);
        var review = MentorReview.Record(business, plan!, mentor.Actor, assignments, input.ReviewedOn!.Value, input.ToContent(), clock.GetUtcNow());
        db.MentorReviews.Add(review);
        await db.SaveChangesAsync(cancellationToken);
        return review;
    }

    /// <summary>
    /// The survivor acknowledges a review of her plan. <paramref name="survivor"/> is she herself:
    /// signed in, or confirmed on her mentor's device. Anyone else, and a second acknowledgement,
    /// is refused.
    /// </summary>
    public async Task<MentorReview> AcknowledgeAsync(Guid reviewId, Viewer survivor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(survivor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var businessId = await db.MentorReviews.Where(r => r.Id == reviewId).Select(r => r.BusinessId).FirstOrDefaultAsync(cancellationToken);
        await gate.OpenBusinessToWriteAsync(db, businessId, survivor, RecordGate.Reviews,
            owner => MentorReview.EnsureAcknowledgedByHerself(survivor, owner), cancellationToken);

        db.ActingAs(survivor.Actor);
        var review = await db.MentorReviews.SingleAsync(r => r.Id == reviewId, cancellationToken);
        review.Acknowledge(survivor, clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException twice) when (twice.IsDuplicateKey())
        {
            // Acknowledged from another screen between reading the review and saving: the first stands.
            throw new DomainException("already-acknowledged", "This review was already acknowledged; it is acknowledged once.") { Variant = "meanwhile" };
        }

        return review;
    }
}
