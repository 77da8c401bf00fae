using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaarya.Web.Data.Configurations;

internal sealed class UtilisationReportConfiguration : IEntityTypeConfiguration<UtilisationReport>
{
    public void Configure(EntityTypeBuilder<UtilisationReport> builder)
    {
        builder.HasOne<LedgerEntry>().WithMany().HasForeignKey(r => r.LedgerSequence).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Business>().WithMany().HasForeignKey(r => r.BusinessId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.LedgerSequence);
        builder.Property(r => r.RecordedBy).HasMaxLength(TextLimits.UserId);
        builder.OwnsMany(r => r.Items, item => item.ToJson("Items"));
        builder.Ignore(r => r.Total);
        builder.HasAuditColumns();
    }
}
