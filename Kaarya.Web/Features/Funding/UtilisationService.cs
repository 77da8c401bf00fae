using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Features.Funding;

/// <summary>Records how a survivor used a disbursement, never accounting for more than was paid.</summary>
public sealed class UtilisationService(IDbContextFactory<KaaryaDbContext> contexts)
{
    private static readonly UtilisationInputValidator Validator = new();

    public async Task<Guid> RecordAsync(UtilisationInput input, Actor staff, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        staff.MustKeepRecords();
        InputCheck.Ensure(Validator, input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ActingAs(staff);

        // One save under SQLite's write lock, so two reports typed at once cannot both squeeze under the amount paid.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var disbursement = await db.LedgerEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Sequence == input.LedgerSequence, cancellationToken)
            ?? throw new DomainException("no-entry", $"There is no ledger entry #{input.LedgerSequence}.");
        var reversed = await db.LedgerEntries.AnyAsync(e => e.ReversesSequence == input.LedgerSequence, cancellationToken);
        var before = await db.UtilisationReports.AsNoTracking().Where(r => r.LedgerSequence == input.LedgerSequence).ToListAsync(cancellationToken);
        var items = input.Items.Select(i => new UtilisationItem(i.Description, Money.Parse(i.Amount)));
        var report = new UtilisationReport(disbursement, reversed, Money.Sum(before.Select(r => r.Total)), input.ReportedOn!.Value, staff, items);
        db.UtilisationReports.Add(report);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return report.Id;
    }
}
