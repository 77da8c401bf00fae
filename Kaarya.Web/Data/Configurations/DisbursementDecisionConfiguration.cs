using Kaarya.Domain.Assessments;
using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Domain.Programmes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaarya.Web.Data.Configurations;

internal sealed class DisbursementDecisionConfiguration : IEntityTypeConfiguration<DisbursementDecision>
{
    public void Configure(EntityTypeBuilder<DisbursementDecision> builder)
    {
        builder.HasOne<Business>().WithMany().HasForeignKey(d => d.BusinessId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Phase>().WithMany().HasForeignKey(d => d.PhaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Stocktaking>().WithMany().HasForeignKey(d => d.StocktakingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RiskAssessment>().WithMany().HasForeignKey(d => d.RiskAssessmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.BusinessId, d.PhaseId });

        // One current decision per business and phase, whatever runs at once: decisions of a
        // business in a phase form one chain, with one first link and no link replaced twice.
        // The chain is kept by SupersedesId; SupersededById, its mirror, is no foreign key, so a
        // business's decisions can be saved together (an import, the demo) without a cycle.
        builder.HasOne<DisbursementDecision>().WithMany().HasForeignKey(d => d.SupersedesId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.SupersedesId).IsUnique();
        builder.HasIndex(d => new { d.BusinessId, d.PhaseId }, "IX_DisbursementDecisions_FirstInPhase").IsUnique().HasFilter("\"SupersedesId\" IS NULL");
        builder.Property(d => d.DecidedBy).HasMaxLength(TextLimits.UserId);
        builder.Property(d => d.OverriddenBy).HasMaxLength(TextLimits.UserId);
        builder.Property(d => d.MustTakePart).HasMaxLength(TextLimits.Line);
        builder.Property(d => d.DiscussedWith).HasMaxLength(TextLimits.Line);
        builder.Property(d => d.DiscussionOutcome).HasMaxLength(TextLimits.Passage);
        builder.Property(d => d.DiscussionRecordedBy).HasMaxLength(TextLimits.UserId);
        builder.Ignore(d => d.AllowsDisbursement);
        builder.Ignore(d => d.IsFollowUpOpen);
        builder.Ignore(d => d.IsCurrent);
        builder.HasAuditColumns();
    }
}
