using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;
using Kaarya.Domain.Participants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaarya.Web.Data.Configurations;

internal sealed class BusinessConfiguration : IEntityTypeConfiguration<Business>
{
    public void Configure(EntityTypeBuilder<Business> builder)
    {
        builder.HasOne<Participant>().WithMany().HasForeignKey(b => b.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(b => b.Name).HasMaxLength(TextLimits.Name);
        builder.Property(b => b.Location).HasMaxLength(TextLimits.Name);
        builder.Property(b => b.StatusCause).HasMaxLength(TextLimits.Name);
        builder.Property(b => b.StatusReason).HasMaxLength(TextLimits.Line);
        builder.HasIndex(b => b.Status);

        // The stage history is its own table so that "current stage" is a query, not a scan.
        builder.OwnsMany(b => b.StageHistory, stage =>
        {
            stage.ToTable("StageAssessments");
            stage.WithOwner().HasForeignKey("BusinessId");
            stage.HasKey("BusinessId", nameof(StageAssessment.Sequence));
            stage.Property(s => s.Sequence).ValueGeneratedNever();
            stage.Property(s => s.AssessedBy).HasMaxLength(TextLimits.UserId);
        });

        builder.HasAuditColumns();
    }
}

internal sealed class BusinessStatusCauseConfiguration : IEntityTypeConfiguration<BusinessStatusCause>
{
    public void Configure(EntityTypeBuilder<BusinessStatusCause> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(TextLimits.Name);
        builder.HasIndex(c => c.Name).IsUnique();
        builder.HasAuditColumns();
    }
}
