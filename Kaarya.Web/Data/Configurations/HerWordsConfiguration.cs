using Kaarya.Domain.Assessments;
using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;
using Kaarya.Domain.Plans;
using Kaarya.Domain.Voice;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaarya.Web.Data.Configurations;

internal sealed class HerWordsConfiguration : IEntityTypeConfiguration<HerWords>
{
    public void Configure(EntityTypeBuilder<HerWords> builder)
    {
        // Her words are beside a part of a plan version or beside one of the 4P of a stocktaking, never both.
        builder.ToTable(table => table.HasCheckConstraint(
            "CK_HerWords_one_subject",
            """("BusinessPlanId" IS NOT NULL AND "PlanPart" IS NOT NULL AND "StocktakingId" IS NULL AND "FourPPart" IS NULL) OR ("BusinessPlanId" IS NULL AND "PlanPart" IS NULL AND "StocktakingId" IS NOT NULL AND "FourPPart" IS NOT NULL)"""));
        builder.HasOne<Business>().WithMany().HasForeignKey(w => w.BusinessId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<BusinessPlan>().WithMany().HasForeignKey(w => w.BusinessPlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Stocktaking>().WithMany().HasForeignKey(w => w.StocktakingId).OnDelete(DeleteBehavior.Restrict);

        // One revision number per part: two saves racing to follow the same words cannot both succeed.
        builder.HasIndex(w => new { w.BusinessPlanId, w.PlanPart, w.Revision }).IsUnique();
        builder.HasIndex(w => new { w.StocktakingId, w.FourPPart, w.Revision }).IsUnique();
        builder.HasIndex(w => w.BusinessId);
        builder.Property(w => w.Text).HasMaxLength(TextLimits.Passage);
        builder.Property(w => w.WrittenBy).HasMaxLength(TextLimits.UserId);
        builder.HasAuditColumns();
    }
}
