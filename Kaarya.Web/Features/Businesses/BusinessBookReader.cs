using Kaarya.Domain.Access;
using Kaarya.Domain.Businesses;
using Kaarya.Web.Data;
using Kaarya.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Features.Businesses;

/// <summary>A business's stock of assets and debts over time, and its cash book, newest first.</summary>
public sealed record BusinessBooks(IReadOnlyList<FinancialSnapshot> Snapshots, IReadOnlyList<CashBookEntry> CashBook)
{
    public (Domain.Common.Money Sales, Domain.Common.Money Expenses, Domain.Common.Money Net) CashTotals => CashBookEntry.Totals(CashBook);
}

/// <summary>Reads the assets and the cash book, for those who may open the survivor's record.</summary>
public sealed class BusinessBookReader(IDbContextFactory<KaaryaDbContext> contexts, RecordGate gate)
{
    public async Task<BusinessBooks> ForBusinessAsync(Guid businessId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await gate.OpenBusinessAsync(db, businessId, viewer, "assets and cash book", cancellationToken);
        var snapshots = await db.FinancialSnapshots.AsNoTracking().Where(s => s.BusinessId == businessId).OrderByDescending(s => s.TakenOn).ToListAsync(cancellationToken);
        var cash = await db.CashBookEntries.AsNoTracking().Where(c => c.BusinessId == businessId).OrderByDescending(c => c.On).ToListAsync(cancellationToken);
        return new BusinessBooks(snapshots, cash);
    }
}
