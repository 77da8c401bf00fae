using Kaarya.Domain.Access;
using Kaarya.Web.Auditing;
using Kaarya.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Features.Access;

/// <summary>
/// The door every read of a survivor's record goes through: it finds whose record it is, asks
/// <see cref="RecordAccess"/>, writes the view (or the refused attempt) to the audit log, and
/// refuses with the same calm message whether the record is someone else's or does not exist.
/// </summary>
public sealed class RecordGate(AuditTrail audit, TimeProvider clock)
{
    public async Task<Guid> OpenBusinessAsync(KaaryaDbContext db, Guid businessId, Viewer viewer, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(viewer);
        var owner = await db.Businesses.AsNoTracking()
            .Where(b => b.Id == businessId)
            .Join(db.Participants, b => b.ParticipantId, p => p.Id, (b, p) => new { p.Id, p.Code })
            .FirstOrDefaultAsync(cancellationToken);

        if (owner is null || !RecordAccess.MayOpenParticipant(viewer, owner.Id) && !(what == Money && RecordAccess.MayReadMoney(viewer)))
        {
            await audit.RecordAsync(viewer.UserId, AuditAction.AccessRefused, "Business", businessId.ToString(),
                $"Refused: {what} of a business that is not {viewer.UserId}'s to open", cancellationToken);
            throw new AccessDeniedException();
        }

        if (RecordAccess.IsAuditedView(viewer, owner.Id))
        {
            db.ActingAs(viewer.Actor);
            db.Audit(clock.GetUtcNow(), AuditAction.Viewed, "Participant", owner.Code.Value, $"Viewed the {what} of {owner.Code}");
            await db.SaveChangesAsync(cancellationToken);
        }

        return owner.Id;
    }

    public const string Business = "business";
    public const string Plan = "plan";
    public const string Money = "money";
}
