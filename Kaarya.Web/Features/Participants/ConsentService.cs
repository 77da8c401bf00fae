using Kaarya.Domain.Access;
using Kaarya.Domain.Common;
using Kaarya.Domain.Participants;
using Kaarya.Web.Auditing;
using Kaarya.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Features.Participants;

/// <summary>A participant as her own page shows her to staff, with every consent she gave or withdrew.</summary>
public sealed record ParticipantDetail(Guid Id, ParticipantCode Code, string GivenName, string Village, string Block, IReadOnlyList<ConsentRecord> Consents, IReadOnlyList<LapsedConsent> Lapsed);

/// <summary>A participant whose consent no longer holds, for the dashboard.</summary>
public sealed record LapsedConsentRow(Guid ParticipantId, ParticipantCode Code, LapsedConsent Consent);

/// <summary>Records consent given, renewed and withdrawn, and lists those that lapsed.</summary>
public sealed class ConsentService(IDbContextFactory<KaaryaDbContext> contexts, AuditTrail audit, TimeProvider clock)
{
    private static readonly ConsentInputValidator Validator = new();

    /// <summary>Her record as staff see it; each view is in the audit log, like every view of a survivor's record.</summary>
    public async Task<ParticipantDetail> GetAsync(Guid participantId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!RecordAccess.MaySeeRealNames(viewer))
        {
            await audit.RecordAsync(viewer.UserId, AuditAction.AccessRefused, "Participant", participantId.ToString(), "Refused: a participant's record", cancellationToken);
            throw new AccessDeniedException();
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var participant = await db.Participants.AsNoTracking().SingleOrDefaultAsync(p => p.Id == participantId, cancellationToken)
            ?? throw new DomainException("no-participant", "That participant does not exist.");
        await audit.RecordAsync(viewer.UserId, AuditAction.Viewed, "Participant", participant.Code.Value, $"Viewed the record of {participant.Code}", cancellationToken);
        return new ParticipantDetail(participant.Id, participant.Code, participant.GivenName, participant.Village, participant.Block,
            [.. participant.Consents.OrderByDescending(c => c.RecordedOn)], participant.LapsedConsentsOn(ProgrammeCalendar.Today(clock)));
    }

    public async Task RecordAsync(ConsentInput input, Actor staff, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(staff);
        staff.MustKeepRecords();
        InputCheck.Ensure(Validator, input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ActingAs(staff);
        var participant = await db.Participants.SingleOrDefaultAsync(p => p.Id == input.ParticipantId, cancellationToken)
            ?? throw new DomainException("no-participant", "That participant does not exist.");
        participant.RecordConsent(input.Purpose, input.Granted, input.On!.Value, input.Granted ? input.ExpiresOn : null);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Consents that no longer hold today, withdrawn or expired. Only participants with a withdrawal
    /// or an expiry on record are read, not the whole register.
    /// </summary>
    public async Task<IReadOnlyList<LapsedConsentRow>> LapsedAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!RecordAccess.MaySeeRealNames(viewer))
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var today = ProgrammeCalendar.Today(clock);
        var candidates = await db.Participants.AsNoTracking()
            .Where(p => p.Consents.Any(c => !c.Granted || c.ExpiresOn != null))
            .OrderBy(p => p.Code)
            .ToListAsync(cancellationToken);
        return [.. candidates.SelectMany(p => p.LapsedConsentsOn(today).Select(l => new LapsedConsentRow(p.Id, p.Code, l)))];
    }
}
