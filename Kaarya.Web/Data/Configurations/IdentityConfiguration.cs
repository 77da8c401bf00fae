using Kaarya.Domain.Participants;
using Kaarya.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaarya.Web.Data.Configurations;

internal sealed class KaaryaUserConfiguration : IEntityTypeConfiguration<KaaryaUser>
{
    public void Configure(EntityTypeBuilder<KaaryaUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(KaaryaUser.DisplayNameMaxLength);
        builder.Property(u => u.PreferredCulture).HasMaxLength(10);
        builder.HasOne<Participant>().WithMany().HasForeignKey(u => u.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => u.ParticipantId).IsUnique();
    }
}

internal sealed class RoleConfiguration : IEntityTypeConfiguration<IdentityRole>
{
    public void Configure(EntityTypeBuilder<IdentityRole> builder) => builder.HasData(KaaryaRoles.Seeded);
}

internal sealed class MentorAssignmentConfiguration : IEntityTypeConfiguration<MentorAssignment>
{
    public void Configure(EntityTypeBuilder<MentorAssignment> builder)
    {
        builder.HasOne<Participant>().WithMany().HasForeignKey(a => a.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.MentorUserId).HasMaxLength(Domain.Common.TextLimits.UserId);
        builder.HasIndex(a => new { a.MentorUserId, a.Until });
        builder.Ignore(a => a.IsCurrent);
        builder.HasAuditColumns();
    }
}
