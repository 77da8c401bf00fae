using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;
using Kaarya.Domain.Participants;
using Kaarya.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Features.Businesses;

/// <summary>A business as the list shows it: by participant code, never by her name.</summary>
public sealed record BusinessRow(
    Guid Id,
    string Name,
    ParticipantCode ParticipantCode,
    BusinessType Type,
    LifecycleStage? Stage,
    BusinessStatus Status,
    Money Disbursed);

/// <summary>Reads the programme's businesses for the pages.</summary>
public sealed class BusinessDirectory(IDbContextFactory<KaaryaDbContext> contexts)
{
    public async Task<IReadOnlyList<BusinessRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Businesses.AsNoTracking()
            .Join(db.Participants, b => b.ParticipantId, p => p.Id, (b, p) => new
            {
                b.Id,
                b.Name,
                p.Code,
                b.Type,
                Stage = b.StageHistory.OrderByDescending(s => s.AssessedOn).ThenByDescending(s => s.Sequence).Select(s => (LifecycleStage?)s.Stage).FirstOrDefault(),
                b.Status,
                DisbursedPaise = db.LedgerEntries.Where(e => e.BusinessId == b.Id).Sum(e => e.AmountPaise),
            })
            .OrderBy(r => r.Code)
            .ThenBy(r => r.Name)
            .ToListAsync(cancellationToken);

        return rows.Select(r => new BusinessRow(r.Id, r.Name, r.Code, r.Type, r.Stage, r.Status, Money.FromPaise(r.DisbursedPaise))).ToList();
    }
}
