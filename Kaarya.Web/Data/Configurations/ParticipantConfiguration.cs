using Kaarya.Domain.Common;
using Kaarya.Domain.Participants;
using Kaarya.Domain.Programmes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaarya.Web.Data.Configurations;

internal sealed class ParticipantConfiguration : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> builder)
    {
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.GivenName).HasMaxLength(TextLimits.Name);
        builder.Property(p => p.Village).HasMaxLength(TextLimits.Name);
        builder.Property(p => p.Block).HasMaxLength(TextLimits.Name);
        builder.Property(p => p.SocialWorkerUserId).HasMaxLength(TextLimits.UserId);
        builder.HasIndex(p => p.SocialWorkerUserId);

        builder.OwnsMany(p => p.Consents, consent =>
        {
            consent.ToTable("ParticipantConsents");
            consent.WithOwner().HasForeignKey("ParticipantId");
            consent.Property<int>("Id");
            consent.HasKey("Id");
        });

        builder.OwnsMany(p => p.Enrolments, enrolment =>
        {
            enrolment.ToTable("Enrolments");
            enrolment.WithOwner().HasForeignKey("ParticipantId");
            enrolment.Property<int>("Id");
            enrolment.HasKey("Id");
            enrolment.HasIndex("ParticipantId", nameof(Enrolment.PhaseId)).IsUnique();
            enrolment.HasOne<Phase>().WithMany().HasForeignKey(e => e.PhaseId).OnDelete(DeleteBehavior.Restrict);
            enrolment.HasOne<Participant>().WithMany().HasForeignKey(e => e.ReplacedByParticipantId).OnDelete(DeleteBehavior.Restrict);
            enrolment.Property(e => e.EndReason).HasMaxLength(TextLimits.Line);
        });

        builder.HasAuditColumns();
    }
}
