using Kaarya.Domain.Access;
using Kaarya.Domain.Participants;
using Kaarya.Web.Auditing;
using Kaarya.Web.Data;
using Kaarya.Web.Features.Businesses;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Features.Participants;

/// <summary>A participant as GGBK's staff see her: with her name, which no one else sees.</summary>
/// <param name="InMyCaseload">Whether the viewer is her responsible social worker.</param>
public sealed record ParticipantRow(Guid Id, ParticipantCode Code, string GivenName, string Village, string Block, int Businesses, bool InMyCaseload = false);

/// <summary>The columns the register can be sorted by.</summary>
public enum ParticipantSort
{
    Code = 0,
    Name = 1,
    Village = 2,
}

/// <summary>One page of the register, filtered and sorted by the database.</summary>
public sealed record ParticipantQuery
{
    public int Page { get; init; }

    public int PageSize { get; init; } = 25;

    /// <summary>A participant code (exact), or part of a name or village.</summary>
    public string? Search { get; init; }

    public string? Village { get; init; }

    /// <summary>Only those enrolled in this phase.</summary>
    public Guid? PhaseId { get; init; }

    public ParticipantSort SortBy { get; init; }

    public bool Descending { get; init; }
}

/// <summary>The register of participants, with real names: staff and the programme manager only.</summary>
public sealed class ParticipantDirectory(IDbContextFactory<KaaryaDbContext> contexts, AuditTrail audit)
{
    public Task<Page<ParticipantRow>> PageAsync(int page, int pageSize, string? search, Viewer viewer, CancellationToken cancellationToken = default) =>
        PageAsync(new ParticipantQuery { Page = page, PageSize = pageSize, Search = search }, viewer, cancellationToken);

    public async Task<Page<ParticipantRow>> PageAsync(ParticipantQuery query, Viewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(viewer);
        if (!RecordAccess.MaySeeRealNames(viewer))
        {
            await audit.RecordAsync(viewer.UserId, AuditAction.AccessRefused, "Participant", "register", "Refused: the register of participants", cancellationToken);
            throw new AccessDeniedException();
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var participants = db.Participants.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim();
            var pattern = "%" + term + "%";
            // The search ignores case: SQLite's LIKE does, PostgreSQL's needs ILIKE.
            participants = ParticipantCode.TryCreate(term, out var code)
                ? participants.Where(p => p.Code == code)
                : db.Database.IsNpgsql()
                    ? participants.Where(p => EF.Functions.ILike(p.GivenName, pattern) || EF.Functions.ILike(p.Village, pattern))
                    : participants.Where(p => EF.Functions.Like(p.GivenName, pattern) || EF.Functions.Like(p.Village, pattern));
        }

        if (!string.IsNullOrWhiteSpace(query.Village))
        {
            var village = query.Village.Trim();
            participants = participants.Where(p => p.Village == village);
        }

        if (query.PhaseId is { } phase)
        {
            participants = participants.Where(p => p.Enrolments.Any(e => e.PhaseId == phase));
        }

        var total = await participants.CountAsync(cancellationToken);
        var size = Math.Clamp(query.PageSize, 1, 200);
        var rows = await Sorted(participants, query, viewer.UserId).Skip(Math.Max(query.Page, 0) * size).Take(size)
            .Select(p => new ParticipantRow(p.Id, p.Code, p.GivenName, p.Village, p.Block, db.Businesses.Count(b => b.ParticipantId == p.Id), p.SocialWorkerUserId == viewer.UserId))
            .ToListAsync(cancellationToken);
        return new Page<ParticipantRow>(rows, total);
    }

    // Her own caseload comes first for a social worker; then the chosen order, the code breaking
    // every tie, so paging never repeats or skips a participant.
    private static IQueryable<Participant> Sorted(IQueryable<Participant> participants, ParticipantQuery query, string viewerId)
    {
        var mineFirst = participants.OrderByDescending(p => p.SocialWorkerUserId == viewerId);
        return (query.SortBy, query.Descending) switch
        {
            (ParticipantSort.Name, false) => mineFirst.ThenBy(p => p.GivenName).ThenBy(p => p.Code),
            (ParticipantSort.Name, true) => mineFirst.ThenByDescending(p => p.GivenName).ThenBy(p => p.Code),
            (ParticipantSort.Village, false) => mineFirst.ThenBy(p => p.Village).ThenBy(p => p.Code),
            (ParticipantSort.Village, true) => mineFirst.ThenByDescending(p => p.Village).ThenBy(p => p.Code),
            (_, true) => mineFirst.ThenByDescending(p => p.Code),
            _ => mineFirst.ThenBy(p => p.Code),
        };
    }
}
