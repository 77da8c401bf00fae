using Kaarya.Domain.Assessments;
using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;
using Kaarya.Domain.Programmes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaarya.Web.Data.Configurations;

internal sealed class StocktakingConfiguration : IEntityTypeConfiguration<Stocktaking>
{
    public void Configure(EntityTypeBuilder<Stocktaking> builder)
    {
        builder.HasOne<Business>().WithMany().HasForeignKey(s => s.BusinessId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Phase>().WithMany().HasForeignKey(s => s.PhaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.BusinessId, s.PhaseId, s.HeldOn });
        builder.Property(s => s.RecordedBy).HasMaxLength(TextLimits.UserId);
        builder.OwnsMany(s => s.Partners, partner => partner.ToJson("Partners"));
        builder.Ignore(s => s.Supporters);
        builder.Ignore(s => s.Challengers);
        builder.HasAuditColumns();
    }
}
