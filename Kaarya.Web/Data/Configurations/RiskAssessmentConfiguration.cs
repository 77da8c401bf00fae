using Kaarya.Domain.Assessments;
using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;
using Kaarya.Domain.Programmes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaarya.Web.Data.Configurations;

internal sealed class RiskAssessmentConfiguration : IEntityTypeConfiguration<RiskAssessment>
{
    public void Configure(EntityTypeBuilder<RiskAssessment> builder)
    {
        builder.HasOne<Business>().WithMany().HasForeignKey(r => r.BusinessId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Phase>().WithMany().HasForeignKey(r => r.PhaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.BusinessId, r.PhaseId, r.AssessedOn });
        builder.Property(r => r.AssessedBy).HasMaxLength(TextLimits.UserId);

        // Rated risks are a table: the register is filtered by group, rating and review date.
        builder.OwnsMany(r => r.Risks, risk =>
        {
            risk.ToTable("RatedRisks");
            risk.WithOwner().HasForeignKey("RiskAssessmentId");
            risk.Property<int>("Id");
            risk.HasKey("Id");
            risk.Property(r => r.CatalogueKey).HasMaxLength(40);
            risk.Property(r => r.Title).HasMaxLength(TextLimits.Line);
            risk.Property(r => r.Owner).HasMaxLength(TextLimits.Name);
            risk.HasIndex(r => r.ReviewOn);
            risk.Ignore(r => r.Score);
            risk.Ignore(r => r.Severity);
            risk.Ignore(r => r.IsCustom);
        });

        builder.HasAuditColumns();
    }
}
