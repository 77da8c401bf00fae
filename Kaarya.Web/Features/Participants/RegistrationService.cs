using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;
using Kaarya.Domain.Participants;
using Kaarya.Web.Data;
using Kaarya.Web.Features.Programmes;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Features.Participants;

/// <summary>Registers survivors and their businesses, and records stage assessments.</summary>
public sealed class RegistrationService(IDbContextFactory<KaaryaDbContext> contexts)
{
    private static readonly RegisterParticipantInputValidator ParticipantValidator = new();
    private static readonly RegisterBusinessInputValidator BusinessValidator = new();
    private static readonly StageAssessmentInputValidator StageValidator = new();

    public async Task<Guid> RegisterParticipantAsync(RegisterParticipantInput input, Actor staff, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        staff.MustKeepRecords();
        InputCheck.Ensure(ParticipantValidator, input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ActingAs(staff);
        var code = ParticipantCode.Create(input.Code);
        Rule.Require(!await db.Participants.AnyAsync(p => p.Code == code, cancellationToken), "code-taken", $"{code} is already the code of another participant.");

        var participant = new Participant(code, input.GivenName, input.Village, input.Block);
        var on = input.ConsentedOn!.Value;
        participant.RecordConsent(ConsentPurpose.DataKept, input.ConsentsToDataKept, on);
        participant.RecordConsent(ConsentPurpose.Photos, input.ConsentsToPhotos, on);
        participant.RecordConsent(ConsentPurpose.SharedWithFunder, input.ConsentsToSharingWithFunder, on);
        var programme = await db.TheProgrammeAsync(cancellationToken);
        if (programme.PhaseOn(on) is { } phase)
        {
            participant.EnrolIn(phase, on);
        }

        db.Participants.Add(participant);
        await db.SaveChangesAsync(cancellationToken);
        return participant.Id;
    }

    public async Task<Guid> RegisterBusinessAsync(RegisterBusinessInput input, Actor staff, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        staff.MustKeepRecords();
        InputCheck.Ensure(BusinessValidator, input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ActingAs(staff);
        var owner = await db.Participants.SingleOrDefaultAsync(p => p.Id == input.ParticipantId, cancellationToken)
            ?? throw new DomainException("no-participant", "That participant does not exist.");
        var business = new Business(owner, input.Name, input.Type!.Value, input.Location, input.StartedOn!.Value);
        db.Businesses.Add(business);
        await db.SaveChangesAsync(cancellationToken);
        return business.Id;
    }

    public async Task AssessStageAsync(StageAssessmentInput input, Actor staff, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        staff.MustKeepRecords();
        InputCheck.Ensure(StageValidator, input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ActingAs(staff);
        var business = await db.Businesses.SingleOrDefaultAsync(b => b.Id == input.BusinessId, cancellationToken)
            ?? throw new DomainException("no-business", "That business does not exist.");
        business.AssessStage(input.Stage!.Value, input.AssessedOn!.Value, staff, input.Evidence);
        await db.SaveChangesAsync(cancellationToken);
    }
}
