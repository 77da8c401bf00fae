using Kaarya.Domain.Common;
using Kaarya.Web.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaarya.Web.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.Id).ValueGeneratedOnAdd();

        // UTC ticks, so that the date-range search is a comparison the database can make.
        builder.Property(a => a.At).HasConversion(at => at.UtcTicks, ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
        builder.Property(a => a.UserId).HasMaxLength(TextLimits.UserId);
        builder.Property(a => a.RecordType).HasMaxLength(AuditEntry.RecordTypeMaxLength);
        builder.Property(a => a.RecordId).HasMaxLength(AuditEntry.RecordIdMaxLength);
        builder.Property(a => a.Summary).HasMaxLength(AuditEntry.SummaryMaxLength);
        builder.OwnsMany(a => a.Changes, change => change.ToJson("Changes"));
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.UserId, a.At });
        builder.HasIndex(a => new { a.RecordType, a.RecordId });
        builder.HasIndex(a => a.Action);
    }
}
