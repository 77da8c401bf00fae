using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaarya.Web.Data.Configurations;

internal sealed class TimelineEventConfiguration : IEntityTypeConfiguration<TimelineEvent>
{
    public void Configure(EntityTypeBuilder<TimelineEvent> builder)
    {
        builder.HasOne<Business>().WithMany().HasForeignKey(e => e.BusinessId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.BusinessId, e.OccurredOn });
        builder.HasAuditColumns();
    }
}

internal sealed class FinancialSnapshotConfiguration : IEntityTypeConfiguration<FinancialSnapshot>
{
    public void Configure(EntityTypeBuilder<FinancialSnapshot> builder)
    {
        builder.HasOne<Business>().WithMany().HasForeignKey(s => s.BusinessId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.BusinessId, s.TakenOn });
        builder.Property(s => s.InsuranceNote).HasMaxLength(TextLimits.Line);
        builder.Ignore(s => s.NetWorth);
        builder.HasAuditColumns();
    }
}

internal sealed class CashBookEntryConfiguration : IEntityTypeConfiguration<CashBookEntry>
{
    public void Configure(EntityTypeBuilder<CashBookEntry> builder)
    {
        builder.HasOne<Business>().WithMany().HasForeignKey(e => e.BusinessId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.BusinessId, e.On });
        builder.Property(e => e.Note).HasMaxLength(TextLimits.Line);
        builder.Ignore(e => e.SignedAmount);
        builder.HasAuditColumns();
    }
}
