using Kaarya.Domain.Access;
using Kaarya.Domain.Participants;
using Kaarya.Web.Auditing;
using Kaarya.Web.Data;
using Kaarya.Web.Features.Businesses;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Features.Participants;

/// <summary>A participant as GGBK's staff see her: with her name, which no one else sees.</summary>
public sealed record ParticipantRow(Guid Id, ParticipantCode Code, string GivenName, string Village, string Block, int Businesses);

/// <summary>The register of participants, with real names: staff and the programme manager only.</summary>
public sealed class ParticipantDirectory(IDbContextFactory<KaaryaDbContext> contexts, AuditTrail audit)
{
    public async Task<Page<ParticipantRow>> PageAsync(int page, int pageSize, string? search, Viewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!RecordAccess.MaySeeRealNames(viewer))
        {
            await audit.RecordAsync(viewer.UserId, AuditAction.AccessRefused, "Participant", "register", "Refused: the register of participants", cancellationToken);
            throw new AccessDeniedException();
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var participants = db.Participants.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            participants = ParticipantCode.TryCreate(term, out var code)
                ? participants.Where(p => p.Code == code)
                : participants.Where(p => EF.Functions.Like(p.GivenName, "%" + term + "%") || EF.Functions.Like(p.Village, "%" + term + "%"));
        }

        var total = await participants.CountAsync(cancellationToken);
        var size = Math.Clamp(pageSize, 1, 200);
        var rows = await participants.OrderBy(p => p.Code).Skip(Math.Max(page, 0) * size).Take(size)
            .Select(p => new ParticipantRow(p.Id, p.Code, p.GivenName, p.Village, p.Block, db.Businesses.Count(b => b.ParticipantId == p.Id)))
            .ToListAsync(cancellationToken);
        return new Page<ParticipantRow>(rows, total);
    }
}
