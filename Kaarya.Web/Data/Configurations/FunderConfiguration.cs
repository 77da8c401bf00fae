using Kaarya.Domain.Common;
using Kaarya.Domain.Programmes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaarya.Web.Data.Configurations;

internal sealed class FunderConfiguration : IEntityTypeConfiguration<Funder>
{
    public void Configure(EntityTypeBuilder<Funder> builder)
    {
        builder.Property(f => f.Name).HasMaxLength(TextLimits.Name);
        builder.HasIndex(f => f.Name).IsUnique();
        builder.HasAuditColumns();
    }
}

internal sealed class FunderBudgetConfiguration : IEntityTypeConfiguration<FunderBudget>
{
    public void Configure(EntityTypeBuilder<FunderBudget> builder)
    {
        builder.HasOne<Funder>().WithMany().HasForeignKey(b => b.FunderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Phase>().WithMany().HasForeignKey(b => b.PhaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(b => new { b.FunderId, b.PhaseId }).IsUnique();
        builder.HasAuditColumns();
    }
}
