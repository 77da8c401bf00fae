using Kaarya.Domain.Access;
using Kaarya.Domain.Businesses;
using Kaarya.Web.Auditing;
using Kaarya.Web.Data;
using Kaarya.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Features.Businesses;

/// <summary>The sun/cloud timeline: staff-only, never shown to survivors, mentors or auditors.</summary>
public sealed class TimelineReader(IDbContextFactory<KaaryaDbContext> contexts, RecordGate gate, AuditTrail audit)
{
    public async Task<IReadOnlyList<TimelineEvent>> ForBusinessAsync(Guid businessId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!RecordAccess.MaySeeStaffNotes(viewer))
        {
            await audit.RecordAsync(viewer.UserId, AuditAction.AccessRefused, "Business", businessId.ToString(), "Refused: the staff-only timeline", cancellationToken);
            throw new AccessDeniedException();
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await gate.OpenBusinessAsync(db, businessId, viewer, "timeline", cancellationToken);
        return await db.TimelineEvents.AsNoTracking().Where(e => e.BusinessId == businessId).OrderBy(e => e.OccurredOn).ToListAsync(cancellationToken);
    }
}
