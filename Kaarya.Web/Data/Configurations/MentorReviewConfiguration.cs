using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;
using Kaarya.Domain.Participants;
using Kaarya.Domain.Plans;
using Kaarya.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaarya.Web.Data.Configurations;

internal sealed class MentorReviewConfiguration : IEntityTypeConfiguration<MentorReview>
{
    public void Configure(EntityTypeBuilder<MentorReview> builder)
    {
        builder.HasOne<Business>().WithMany().HasForeignKey(r => r.BusinessId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<BusinessPlan>().WithMany().HasForeignKey(r => r.BusinessPlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Participant>().WithMany().HasForeignKey(r => r.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.BusinessId, r.ReviewedOn });
        builder.Property(r => r.MentorUserId).HasMaxLength(TextLimits.UserId);

        // Notes beside the plan's parts belong to this review and are read with it: a JSON column.
        builder.OwnsMany(r => r.SectionNotes, note => note.ToJson("SectionNotes"));

        // Her acknowledgement is a row of its own, inserted when she gives it: the review's row is
        // never updated, and the key (one per review) refuses a second acknowledgement.
        builder.OwnsOne(r => r.Acknowledgement, acknowledgement =>
        {
            acknowledgement.ToTable("MentorReviewAcknowledgements");
            acknowledgement.WithOwner().HasForeignKey("MentorReviewId");
            acknowledgement.HasKey("MentorReviewId");
            acknowledgement.Property(a => a.AcknowledgedBy).HasMaxLength(TextLimits.UserId);
        });
        builder.Navigation(r => r.Acknowledgement).IsRequired(false);

        builder.Ignore(r => r.IsAcknowledged);
        builder.HasAuditColumns();
    }
}
