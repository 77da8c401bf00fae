using Kaarya.Domain.Access;
using Kaarya.Domain.Common;
using Kaarya.Domain.Participants;
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
    public async Task<Guid> OpenBusinessAsync(KaaryaDbContext db, Guid businessId, Viewer viewer, string what, CancellationToken cancellationToken) =>
        (await OpenAsync(db, businessId, viewer, what, cancellationToken)).Id;

    /// <summary>
    /// Opens a survivor's record for a write that only some of those who may read it may make: her
    /// own words and answers (herself), a review (her assigned mentor). The read is checked and
    /// audited as <see cref="OpenBusinessAsync"/> does; then <paramref name="mayWrite"/>, the
    /// domain's own rule, is given her participant id. A write it refuses is written to the audit
    /// log as a refused attempt and refused with the rule's own sentence.
    /// </summary>
    public async Task<Guid> OpenBusinessToWriteAsync(KaaryaDbContext db, Guid businessId, Viewer viewer, string what, Action<Guid> mayWrite, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mayWrite);
        var owner = await OpenAsync(db, businessId, viewer, what, cancellationToken);
        try
        {
            mayWrite(owner.Id);
        }
        catch (DomainException refused)
        {
            await audit.RecordAsync(viewer.UserId, AuditAction.AccessRefused, "Participant", owner.Code.Value,
                $"Refused: writing the {what} of {owner.Code}: {refused.Message}", cancellationToken);
            throw;
        }

        return owner.Id;
    }

    private async Task<(Guid Id, ParticipantCode Code)> OpenAsync(KaaryaDbContext db, Guid businessId, Viewer viewer, string what, CancellationToken cancellationToken)
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

        return (owner.Id, owner.Code);
    }

    public const string Business = "business";
    public const string Plan = "plan";
    public const string Money = "money";

    /// <summary>Her words beside her plan and her 4P, and her answers on her plan.</summary>
    public const string HerWords = "own words";

    /// <summary>Mentors' reviews of her plan and her acknowledgements.</summary>
    public const string Reviews = "plan reviews";
}
