using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;
using Kaarya.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaarya.Web.Data.Configurations;

internal sealed class BusinessPlanConfiguration : IEntityTypeConfiguration<BusinessPlan>
{
    public void Configure(EntityTypeBuilder<BusinessPlan> builder)
    {
        builder.HasOne<Business>().WithMany().HasForeignKey(p => p.BusinessId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.BusinessId, p.Version }).IsUnique();
        builder.Property(p => p.DraftedBy).HasMaxLength(TextLimits.UserId);

        // Line items belong to one version of one plan and are read with it: a JSON column.
        builder.OwnsMany(p => p.Costs, line => line.ToJson("Costs"));
        builder.OwnsMany(p => p.IntendedUsesOfSeedMoney, line => line.ToJson("IntendedUsesOfSeedMoney"));

        builder.Ignore(p => p.Content);
        builder.Ignore(p => p.TotalCosts);
        builder.Ignore(p => p.SeedMoneyAskedFor);
        builder.HasAuditColumns();
    }
}
