using Kaarya.Web.Features.Funding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaarya.Web.Data.Configurations;

/// <summary>
/// Disbursements waiting for their first utilisation report, written by the database's triggers
/// (see <see cref="AwaitedReports"/>), never by the app. No foreign key to the ledger: the triggers
/// derive the rows from it, and ledger rows are never deleted; someone who deletes one behind the
/// app's back is found by the chain walk, not stopped by this list.
/// </summary>
internal sealed class AwaitedUtilisationReportConfiguration : IEntityTypeConfiguration<AwaitedUtilisationReport>
{
    public void Configure(EntityTypeBuilder<AwaitedUtilisationReport> builder)
    {
        // Named where the triggers name it, so the two cannot drift apart.
        builder.ToTable(AwaitedReports.Table);
        builder.HasKey(a => a.LedgerSequence);
        builder.Property(a => a.LedgerSequence).ValueGeneratedNever();
        // The reports due are those paid before a date: counted from this index alone.
        builder.HasIndex(a => a.PaidOn);
    }
}
