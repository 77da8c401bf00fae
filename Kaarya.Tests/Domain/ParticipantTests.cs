using Kaarya.Domain.Common;
using Kaarya.Domain.Participants;
using Kaarya.Domain.Programmes;

namespace Kaarya.Tests.Domain;

public class ParticipantTests
{
    private readonly Phase _phase;

    public ParticipantTests()
    {
        var programme = new Programme("Kaarya — Work that Heals");
        _phase = programme.AddPhase("Renewed phase 2013–14", Days.RenewedPhaseStarts, Days.RenewedPhaseEnds);
    }

    [Theory]
    [InlineData("KAA-07", "KAA-07")]
    [InlineData("kaa-07", "KAA-07")]
    [InlineData(" KAA-107 ", "KAA-107")]
    [InlineData("GGBK-1234", "GGBK-1234")]
    public void A_participant_code_looks_like_KAA_07(string typed, string code)
    {
        Assert.Equal(code, ParticipantCode.Create(typed).Value);
        Assert.Equal(code, ParticipantCode.Create(typed).ToString());
    }

    [Theory]
    [InlineData("KAA07")]
    [InlineData("K-07")]
    [InlineData("KAA-7")]
    [InlineData("KAAKAA-07")]
    [InlineData("KAA-12345")]
    [InlineData("Rupali")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_a_participant_code(string? typed)
    {
        var refusal = Assert.Throws<DomainException>(() => ParticipantCode.Create(typed));

        Assert.Equal("participant-code", refusal.Code);
        Assert.Contains("codes look like KAA-07", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_code_fits_the_column_kept_for_it()
    {
        Assert.True(ParticipantCode.Create("GGBKS-1234").Value.Length <= ParticipantCode.MaxLength);
    }

    [Fact]
    public void Codes_with_the_same_letters_and_digits_are_the_same_code()
    {
        Assert.Equal(ParticipantCode.Create("KAA-07"), ParticipantCode.Create("kaa-07"));
    }

    [Fact]
    public void A_participant_is_registered_with_her_given_name_and_village()
    {
        var participant = new Participant(ParticipantCode.Create("KAA-07"), "রুপালি", " Joynagar ", "");

        Assert.Equal("KAA-07", participant.Code.Value);
        Assert.Equal("রুপালি", participant.GivenName);
        Assert.Equal("Joynagar", participant.Village);
        Assert.Equal(string.Empty, participant.Block);
    }

    [Fact]
    public void Her_given_name_is_required()
    {
        var refusal = Assert.Throws<DomainException>(() => new Participant(ParticipantCode.Create("KAA-07"), " ", "Joynagar", ""));

        Assert.Equal("required", refusal.Code);
    }

    [Fact]
    public void Enrolment_needs_her_consent_to_keep_her_data()
    {
        var participant = new ParticipantBuilder().WithoutConsent().Build();

        var refusal = Assert.Throws<DomainException>(() => participant.EnrolIn(_phase, Days.Enrolled));

        Assert.Equal("no-consent", refusal.Code);
        Assert.Equal("KAA-07 has not consented to the programme keeping her data; record her consent first.", refusal.Message);
        Assert.Empty(participant.Enrolments);
    }

    [Fact]
    public void Consent_for_one_purpose_is_not_consent_for_another()
    {
        var participant = new ParticipantBuilder().Build();

        Assert.True(participant.HasConsented(ConsentPurpose.DataKept));
        Assert.False(participant.HasConsented(ConsentPurpose.Photos));
        Assert.False(participant.HasConsented(ConsentPurpose.SharedWithFunder));
    }

    [Fact]
    public void The_latest_consent_for_a_purpose_counts_and_the_earlier_one_is_kept()
    {
        var participant = new ParticipantBuilder().Build();
        participant.RecordConsent(ConsentPurpose.Photos, granted: true, new DateOnly(2013, 4, 1));
        participant.RecordConsent(ConsentPurpose.Photos, granted: false, new DateOnly(2013, 6, 15));

        Assert.False(participant.HasConsented(ConsentPurpose.Photos));
        Assert.Equal(2, participant.Consents.Count(c => c.Purpose == ConsentPurpose.Photos));
    }

    [Fact]
    public void A_consent_recorded_late_does_not_outrank_a_later_dated_one()
    {
        var participant = new ParticipantBuilder().Build();
        participant.RecordConsent(ConsentPurpose.SharedWithFunder, granted: false, new DateOnly(2013, 6, 15));
        participant.RecordConsent(ConsentPurpose.SharedWithFunder, granted: true, new DateOnly(2013, 4, 1));

        Assert.False(participant.HasConsented(ConsentPurpose.SharedWithFunder));
    }

    [Fact]
    public void An_enrolled_participant_is_active_in_her_phase()
    {
        var participant = new ParticipantBuilder().Build();

        var enrolment = participant.EnrolIn(_phase, Days.Enrolled);

        Assert.Equal(EnrolmentStatus.Active, enrolment.Status);
        Assert.Equal(_phase.Id, enrolment.PhaseId);
        Assert.Equal(Days.Enrolled, enrolment.EnrolledOn);
        Assert.True(participant.IsActiveIn(_phase.Id));
        Assert.Same(enrolment, participant.EnrolmentIn(_phase.Id));
    }

    [Fact]
    public void A_participant_is_enrolled_in_a_phase_only_once()
    {
        var participant = new ParticipantBuilder().EnrolledIn(_phase).Build();

        var refusal = Assert.Throws<DomainException>(() => participant.EnrolIn(_phase, Days.Enrolled.AddDays(10)));

        Assert.Equal("already-enrolled", refusal.Code);
        Assert.Equal("KAA-07 is already enrolled in Renewed phase 2013–14.", refusal.Message);
    }

    [Fact]
    public void Dropping_out_keeps_the_date_and_the_reason()
    {
        var participant = new ParticipantBuilder().EnrolledIn(_phase).Build();

        participant.DropOut(_phase.Id, new DateOnly(2013, 11, 1), "Married and moved to Canning");

        var enrolment = participant.EnrolmentIn(_phase.Id)!;
        Assert.Equal(EnrolmentStatus.DroppedOut, enrolment.Status);
        Assert.Equal(new DateOnly(2013, 11, 1), enrolment.EndedOn);
        Assert.Equal("Married and moved to Canning", enrolment.EndReason);
        Assert.False(participant.IsActiveIn(_phase.Id));
    }

    [Fact]
    public void Dropping_out_without_a_reason_is_refused_and_she_stays_active()
    {
        var participant = new ParticipantBuilder().EnrolledIn(_phase).Build();

        var refusal = Assert.Throws<DomainException>(() => participant.DropOut(_phase.Id, new DateOnly(2013, 11, 1), ""));

        Assert.Equal("required", refusal.Code);
        Assert.True(participant.IsActiveIn(_phase.Id));
        Assert.Null(participant.EnrolmentIn(_phase.Id)!.EndedOn);
    }

    [Fact]
    public void Only_an_active_participant_drops_out()
    {
        var participant = new ParticipantBuilder().EnrolledIn(_phase).Build();
        participant.DropOut(_phase.Id, new DateOnly(2013, 11, 1), "Moved away");

        var refusal = Assert.Throws<DomainException>(() => participant.DropOut(_phase.Id, new DateOnly(2013, 12, 1), "Again"));

        Assert.Equal("not-active", refusal.Code);
        Assert.Equal(new DateOnly(2013, 11, 1), participant.EnrolmentIn(_phase.Id)!.EndedOn);
    }

    [Fact]
    public void An_enrolment_cannot_end_before_it_began()
    {
        var participant = new ParticipantBuilder().EnrolledIn(_phase).Build();

        var refusal = Assert.Throws<DomainException>(() => participant.DropOut(_phase.Id, Days.Enrolled.AddDays(-1), "Moved away"));

        Assert.Equal("end-before-start", refusal.Code);
    }

    [Fact]
    public void A_replacement_is_enrolled_and_the_one_she_replaces_points_to_her()
    {
        var leaving = new ParticipantBuilder().EnrolledIn(_phase).Build();
        var replacement = new ParticipantBuilder().WithCode("KAA-11").Named("Salma").Build();

        leaving.ReplaceWith(replacement, _phase, new DateOnly(2013, 11, 1), "Dropped out after her marriage");

        var ended = leaving.EnrolmentIn(_phase.Id)!;
        Assert.Equal(EnrolmentStatus.Replaced, ended.Status);
        Assert.Equal(replacement.Id, ended.ReplacedByParticipantId);
        Assert.Equal("Dropped out after her marriage", ended.EndReason);
        Assert.True(replacement.IsActiveIn(_phase.Id));
        Assert.Equal(new DateOnly(2013, 11, 1), replacement.EnrolmentIn(_phase.Id)!.EnrolledOn);
    }

    [Fact]
    public void A_replacement_needs_her_own_consent()
    {
        var leaving = new ParticipantBuilder().EnrolledIn(_phase).Build();
        var replacement = new ParticipantBuilder().WithCode("KAA-11").WithoutConsent().Build();

        var refusal = Assert.Throws<DomainException>(() =>
            leaving.ReplaceWith(replacement, _phase, new DateOnly(2013, 11, 1), "Dropped out"));

        Assert.Equal("no-consent", refusal.Code);
        Assert.True(leaving.IsActiveIn(_phase.Id));
    }

    [Fact]
    public void A_participant_cannot_replace_herself()
    {
        var participant = new ParticipantBuilder().EnrolledIn(_phase).Build();

        var refusal = Assert.Throws<DomainException>(() =>
            participant.ReplaceWith(participant, _phase, new DateOnly(2013, 11, 1), "Mistake"));

        Assert.Equal("self-replacement", refusal.Code);
    }
}
