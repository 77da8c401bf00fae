using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Domain.Programmes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaarya.Web.Data.Configurations;

internal sealed class DisbursementRequestConfiguration : IEntityTypeConfiguration<DisbursementRequest>
{
    public void Configure(EntityTypeBuilder<DisbursementRequest> builder)
    {
        builder.HasOne<DisbursementDecision>().WithMany().HasForeignKey(r => r.DecisionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Business>().WithMany().HasForeignKey(r => r.BusinessId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Funder>().WithMany().HasForeignKey(r => r.FunderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.IdempotencyKey).IsUnique();
        builder.HasIndex(r => r.Status);
        builder.Property(r => r.Reference).HasMaxLength(TextLimits.Reference);
        builder.Property(r => r.RecordedBy).HasMaxLength(TextLimits.UserId);
        builder.Property(r => r.DecidedBy).HasMaxLength(TextLimits.UserId);

        // An approval and a second approval of the same request race on this token.
        builder.Property(r => r.Status).IsConcurrencyToken();
        builder.HasAuditColumns();
    }
}
