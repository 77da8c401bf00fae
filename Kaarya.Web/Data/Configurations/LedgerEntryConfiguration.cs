using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Domain.Programmes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaarya.Web.Data.Configurations;

/// <summary>
/// The ledger table. Besides the keys below, the database itself refuses UPDATE and DELETE of a
/// row (triggers created by the migration; see <see cref="LedgerGuard"/>).
/// </summary>
internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> builder)
    {
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).ValueGeneratedNever();

        // Two postings chained onto the same head would share a previous hash: the chain cannot fork.
        builder.HasIndex(e => e.PreviousHash).IsUnique();
        builder.HasIndex(e => e.Hash).IsUnique();

        // An entry is reversed at most once, and a request is posted at most once.
        builder.HasIndex(e => e.ReversesSequence).IsUnique();
        builder.HasIndex(e => e.RequestId).IsUnique();
        builder.HasOne<LedgerEntry>().WithMany().HasForeignKey(e => e.ReversesSequence).OnDelete(DeleteBehavior.Restrict);

        builder.HasOne<Funder>().WithMany().HasForeignKey(e => e.FunderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Phase>().WithMany().HasForeignKey(e => e.PhaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Business>().WithMany().HasForeignKey(e => e.BusinessId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DisbursementDecision>().WithMany().HasForeignKey(e => e.DecisionId).OnDelete(DeleteBehavior.Restrict);
        // With the amount in the index, a business's total disbursed is read from the index alone:
        // the businesses grid sums it for every business when sorting by it (docs/benchmarks.md).
        builder.HasIndex(e => new { e.BusinessId, e.AmountPaise });
        // With the amount in the index, a funder's budget use is summed without reading the table.
        builder.HasIndex(e => new { e.FunderId, e.PhaseId, e.AmountPaise });
        builder.HasIndex(e => e.ValueDate);

        builder.Property(e => e.Reference).HasMaxLength(TextLimits.Reference);
        builder.Property(e => e.RecordedBy).HasMaxLength(TextLimits.UserId);
        builder.Property(e => e.ApprovedBy).HasMaxLength(TextLimits.UserId);
        builder.Property(e => e.PreviousHash).HasMaxLength(LedgerEntry.HashLength).IsFixedLength();
        builder.Property(e => e.Hash).HasMaxLength(LedgerEntry.HashLength).IsFixedLength();
        builder.Ignore(e => e.Kind);
        builder.Ignore(e => e.Amount);
    }
}

internal sealed class AccountingPeriodConfiguration : IEntityTypeConfiguration<AccountingPeriod>
{
    public void Configure(EntityTypeBuilder<AccountingPeriod> builder)
    {
        builder.HasIndex(p => p.ClosedThrough).IsUnique();
        builder.Property(p => p.ClosedBy).HasMaxLength(TextLimits.UserId);
    }
}
