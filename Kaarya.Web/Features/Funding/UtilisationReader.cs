using Kaarya.Domain.Access;
using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Web.Data;
using Kaarya.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Features.Funding;

/// <summary>One disbursement beside what she has reported of its use.</summary>
public sealed record DisbursementUse(long Sequence, DateOnly PaidOn, Money Paid, IReadOnlyList<UtilisationReport> Reports, DateOnly DueBy, bool IsOverdue)
{
    public UtilisationPosition Position => new(Paid, Money.Sum(Reports.Select(r => r.Total)));
}

/// <summary>How each disbursement to a business was used, and what is still unexplained.</summary>
public sealed record BusinessUtilisation(IReadOnlyList<DisbursementUse> Disbursements)
{
    public Money Disbursed => Money.Sum(Disbursements.Select(d => d.Paid));

    public Money Reported => Money.Sum(Disbursements.Select(d => d.Position.Reported));

    public Money Unexplained => Money.Sum(Disbursements.Select(d => d.Position.Unexplained));
}

/// <summary>Reads utilisation for those who may see the business's money.</summary>
public sealed class UtilisationReader(IDbContextFactory<KaaryaDbContext> contexts, RecordGate gate, TimeProvider clock)
{
    public async Task<BusinessUtilisation> ForBusinessAsync(Guid businessId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await gate.OpenBusinessAsync(db, businessId, viewer, RecordGate.Money, cancellationToken);
        var entries = await db.LedgerEntries.AsNoTracking().Where(e => e.BusinessId == businessId).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        var reports = (await db.UtilisationReports.AsNoTracking().Where(r => r.BusinessId == businessId).ToListAsync(cancellationToken))
            .OrderBy(r => r.ReportedOn).ToLookup(r => r.LedgerSequence);
        var today = ProgrammeCalendar.Today(clock);
        return new BusinessUtilisation([..
            from entry in StandingDisbursements.Among(entries)
            let used = reports[entry.Sequence].ToList()
            let position = new UtilisationPosition(entry.Amount, Money.Sum(used.Select(r => r.Total)))
            select new DisbursementUse(entry.Sequence, entry.ValueDate, entry.Amount, used, UtilisationDue.For(entry.ValueDate),
                position.Unexplained.IsPositive && UtilisationDue.IsOverdue(entry.ValueDate, today))]);
    }
}
