using Kaarya.Domain.Access;
using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;
using Kaarya.Domain.Participants;
using Kaarya.Web.Data;
using Kaarya.Web.Features.Access;
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

/// <summary>One business as its own page shows it.</summary>
public sealed record BusinessSummary(BusinessRow Business, IReadOnlyList<StageAssessment> StageHistory);

/// <summary>Reads the programme's businesses, only those the viewer may see.</summary>
public sealed class BusinessDirectory(IDbContextFactory<KaaryaDbContext> contexts, RecordGate gate)
{
    public async Task<IReadOnlyList<BusinessRow>> ListAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var businesses = db.Businesses.AsNoTracking();
        businesses = viewer.Role switch
        {
            KaaryaRole.Staff or KaaryaRole.ProgrammeManager or KaaryaRole.Auditor => businesses,
            KaaryaRole.Mentor => businesses.Where(b => viewer.MentoredParticipantIds.Contains(b.ParticipantId)),
            KaaryaRole.Survivor => businesses.Where(b => b.ParticipantId == viewer.OwnParticipantId),
            _ => businesses.Where(_ => false),
        };
        return await RowsAsync(db, businesses, cancellationToken);
    }

    /// <summary>The viewer's own businesses, for a survivor's home page.</summary>
    public async Task<IReadOnlyList<BusinessRow>> OwnAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await RowsAsync(db, db.Businesses.AsNoTracking().Where(b => b.ParticipantId == viewer.OwnParticipantId), cancellationToken);
    }

    /// <summary>One business, refused unless the viewer may open its owner's record.</summary>
    public async Task<BusinessSummary> GetAsync(Guid businessId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await gate.OpenBusinessAsync(db, businessId, viewer, RecordGate.Business, cancellationToken);
        var business = await db.Businesses.AsNoTracking().SingleAsync(b => b.Id == businessId, cancellationToken);
        var row = (await RowsAsync(db, db.Businesses.AsNoTracking().Where(b => b.Id == businessId), cancellationToken))[0];
        return new BusinessSummary(row, business.StageHistory.OrderBy(s => s.Sequence).ToList());
    }

    private static async Task<IReadOnlyList<BusinessRow>> RowsAsync(KaaryaDbContext db, IQueryable<Business> businesses, CancellationToken cancellationToken)
    {
        var rows = await businesses
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
