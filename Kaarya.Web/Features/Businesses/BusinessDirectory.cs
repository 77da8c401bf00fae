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

/// <summary>What the businesses grid asks for: a page, a sort, filters and a search by code or name.</summary>
public sealed record BusinessQuery
{
    public int Page { get; init; }

    public int PageSize { get; init; } = 25;

    public BusinessSort SortBy { get; init; } = BusinessSort.ParticipantCode;

    public bool Descending { get; init; }

    public Guid? PhaseId { get; init; }

    public LifecycleStage? Stage { get; init; }

    public BusinessStatus? Status { get; init; }

    public string? Village { get; init; }

    public Guid? FunderId { get; init; }

    /// <summary>A participant code, a business name, or (for staff only) her given name.</summary>
    public string? Search { get; init; }
}

public enum BusinessSort
{
    ParticipantCode = 1,
    Name = 2,
    Stage = 3,
    Status = 4,
    Disbursed = 5,
}

/// <summary>One page of rows and how many rows match in all.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int TotalCount);

/// <summary>One business as its own page shows it.</summary>
public sealed record BusinessSummary(BusinessRow Business, IReadOnlyList<StageAssessment> StageHistory, StatusSince Status);

/// <summary>Since when the business has had its status, and for what cause and note when paused or closed.</summary>
public sealed record StatusSince(DateOnly On, string? Cause, string? Note);

/// <summary>Reads the programme's businesses, only those the viewer may see.</summary>
public sealed class BusinessDirectory(IDbContextFactory<KaaryaDbContext> contexts, RecordGate gate)
{
    /// <summary>
    /// One page of the businesses the viewer may see, filtered, searched and sorted by the database.
    /// Searching by given name works for staff and the manager only, who may see names.
    /// </summary>
    public async Task<Page<BusinessRow>> PageAsync(BusinessQuery query, Viewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(viewer);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = Project(db, Visible(db.Businesses.AsNoTracking(), viewer));

        if (query.Stage is { } stage)
        {
            rows = rows.Where(r => r.Stage == stage);
        }

        if (query.Status is { } status)
        {
            rows = rows.Where(r => r.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(query.Village))
        {
            var village = query.Village.Trim();
            rows = rows.Where(r => r.Village == village);
        }

        if (query.PhaseId is { } phase)
        {
            rows = rows.Where(r => db.DisbursementDecisions.Any(d => d.BusinessId == r.Id && d.PhaseId == phase)
                || db.Stocktakings.Any(s => s.BusinessId == r.Id && s.PhaseId == phase));
        }

        if (query.FunderId is { } funder)
        {
            rows = rows.Where(r => db.LedgerEntries.Any(e => e.BusinessId == r.Id && e.FunderId == funder));
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim();
            if (ParticipantCode.TryCreate(term, out var code))
            {
                rows = rows.Where(r => r.Code == code);
            }
            else
            {
                var pattern = "%" + term + "%";
                var withNames = RecordAccess.MaySeeRealNames(viewer);
                // The search ignores case: SQLite's LIKE does, PostgreSQL's needs ILIKE.
                rows = db.Database.IsNpgsql()
                    ? rows.Where(r => EF.Functions.ILike(r.Name, pattern) || (withNames && EF.Functions.ILike(r.GivenName, pattern)))
                    : rows.Where(r => EF.Functions.Like(r.Name, pattern) || (withNames && EF.Functions.Like(r.GivenName, pattern)));
            }
        }

        var total = await rows.CountAsync(cancellationToken);
        var ordered = (query.SortBy, query.Descending) switch
        {
            (BusinessSort.Name, false) => rows.OrderBy(r => r.Name),
            (BusinessSort.Name, true) => rows.OrderByDescending(r => r.Name),
            (BusinessSort.Stage, false) => rows.OrderBy(r => r.Stage),
            (BusinessSort.Stage, true) => rows.OrderByDescending(r => r.Stage),
            (BusinessSort.Status, false) => rows.OrderBy(r => r.Status),
            (BusinessSort.Status, true) => rows.OrderByDescending(r => r.Status),
            (BusinessSort.Disbursed, false) => rows.OrderBy(r => r.DisbursedPaise),
            (BusinessSort.Disbursed, true) => rows.OrderByDescending(r => r.DisbursedPaise),
            (_, true) => rows.OrderByDescending(r => r.Code),
            _ => rows.OrderBy(r => r.Code),
        };
        var size = Math.Clamp(query.PageSize, 1, 200);
        var page = await ordered.ThenBy(r => r.Id).Skip(Math.Max(query.Page, 0) * size).Take(size).ToListAsync(cancellationToken);
        return new Page<BusinessRow>(page.Select(r => r.ToRow()).ToList(), total);
    }

    /// <summary>
    /// <see cref="RecordAccess.MayOpenParticipant"/> as a filter the database can run, so a list
    /// never fetches a record it would then have to hide; keep the two in step. The list's filter
    /// choices (<see cref="BusinessFilterChoices"/>) are drawn from the same businesses.
    /// </summary>
    internal static IQueryable<Business> Visible(IQueryable<Business> businesses, Viewer viewer) => viewer.Role switch
    {
        KaaryaRole.Staff or KaaryaRole.ProgrammeManager or KaaryaRole.Auditor => businesses,
        KaaryaRole.Mentor => businesses.Where(b => viewer.MentoredParticipantIds.Contains(b.ParticipantId)),
        KaaryaRole.Survivor => businesses.Where(b => b.ParticipantId == viewer.OwnParticipantId),
        _ => businesses.Where(_ => false),
    };

    private sealed class BusinessProjection
    {
        public Guid Id { get; init; }

        public string Name { get; init; } = string.Empty;

        public ParticipantCode Code { get; init; } = null!;

        public string GivenName { get; init; } = string.Empty;

        public string Village { get; init; } = string.Empty;

        public BusinessType Type { get; init; }

        public LifecycleStage? Stage { get; init; }

        public BusinessStatus Status { get; init; }

        public long DisbursedPaise { get; init; }

        public BusinessRow ToRow() => new(Id, Name, Code, Type, Stage, Status, Money.FromPaise(DisbursedPaise));
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
        return new BusinessSummary(row, business.StageHistory.OrderBy(s => s.Sequence).ToList(),
            new StatusSince(business.StatusChangedOn, business.StatusCause, business.StatusReason));
    }

    private static async Task<IReadOnlyList<BusinessRow>> RowsAsync(KaaryaDbContext db, IQueryable<Business> businesses, CancellationToken cancellationToken) =>
        (await Project(db, businesses).OrderBy(r => r.Code).ThenBy(r => r.Name).ToListAsync(cancellationToken)).Select(r => r.ToRow()).ToList();

    /// <summary>What every list of businesses shows, computed by the database: current stage and net disbursed.</summary>
    private static IQueryable<BusinessProjection> Project(KaaryaDbContext db, IQueryable<Business> businesses) =>
        businesses.Join(db.Participants, b => b.ParticipantId, p => p.Id, (b, p) => new BusinessProjection
        {
            Id = b.Id,
            Name = b.Name,
            Code = p.Code,
            GivenName = p.GivenName,
            Village = p.Village,
            Type = b.Type,
            Stage = b.StageHistory.OrderByDescending(s => s.AssessedOn).ThenByDescending(s => s.Sequence).Select(s => (LifecycleStage?)s.Stage).FirstOrDefault(),
            Status = b.Status,
            DisbursedPaise = db.LedgerEntries.Where(e => e.BusinessId == b.Id).Sum(e => e.AmountPaise),
        });
}
