using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;
using Kaarya.Domain.Plans;
using Kaarya.Domain.Voice;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaarya.Web.Data.Configurations;

internal sealed class PlanAgreementConfiguration : IEntityTypeConfiguration<PlanAgreement>
{
    public void Configure(EntityTypeBuilder<PlanAgreement> builder)
    {
        builder.HasOne<Business>().WithMany().HasForeignKey(a => a.BusinessId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<BusinessPlan>().WithMany().HasForeignKey(a => a.BusinessPlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.BusinessPlanId, a.Revision }).IsUnique();
        builder.HasIndex(a => a.BusinessId);
        builder.Property(a => a.Words).HasMaxLength(TextLimits.Passage);
        builder.Property(a => a.SaidBy).HasMaxLength(TextLimits.UserId);
        builder.Ignore(a => a.Agrees);
        builder.HasAuditColumns();
    }
}
