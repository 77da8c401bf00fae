using Kaarya.Domain.Common;
using Kaarya.Domain.Programmes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaarya.Web.Data.Configurations;

internal sealed class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(TextLimits.Name);
        builder.Property(p => p.BandReason).HasMaxLength(TextLimits.Passage);
        builder.Ignore(p => p.Band);
        builder.HasMany(p => p.Phases).WithOne().HasForeignKey(p => p.ProgrammeId);
        builder.Navigation(p => p.Phases).AutoInclude();
        builder.HasAuditColumns();
    }
}

internal sealed class PhaseConfiguration : IEntityTypeConfiguration<Phase>
{
    public void Configure(EntityTypeBuilder<Phase> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(TextLimits.Name);
        builder.HasIndex(p => new { p.ProgrammeId, p.Name }).IsUnique();
        builder.Ignore(p => p.IsClosed);
    }
}
