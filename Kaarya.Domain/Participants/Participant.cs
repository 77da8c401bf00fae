using Kaarya.Domain.Common;
using Kaarya.Domain.Programmes;

namespace Kaarya.Domain.Participants;

/// <summary>What a survivor has agreed that the programme may do with what it knows about her.</summary>
public enum ConsentPurpose
{
    DataKept = 1,
    Photos = 2,
    SharedWithFunder = 3,
}

public enum EnrolmentStatus
{
    Active = 1,
    DroppedOut = 2,
    Replaced = 3,
}

/// <summary>
/// A survivor enrolled in the programme. Her given name is known to GGBK staff only; every
/// other view uses her <see cref="ParticipantCode"/>.
/// </summary>
public sealed class Participant : AuditableEntity
{
    private readonly List<ConsentRecord> _consents = [];
    private readonly List<Enrolment> _enrolments = [];

    private Participant()
    {
        Code = null!;
        GivenName = string.Empty;
        Village = string.Empty;
        Block = string.Empty;
    }

    public Participant(ParticipantCode code, string givenName, string village, string block)
    {
        Code = code ?? throw new ArgumentNullException(nameof(code));
        GivenName = Rule.RequiredText(givenName, "Her given name", TextLimits.Name);
        Village = Rule.RequiredText(village, "The village", TextLimits.Name);
        Block = Rule.OptionalText(block, "The block", TextLimits.Name);
    }

    public ParticipantCode Code { get; private set; }

    public string GivenName { get; private set; }

    public string Village { get; private set; }

    public string Block { get; private set; }

    /// <summary>The social worker responsible for her; her record is in that staff member's caseload.</summary>
    public string? SocialWorkerUserId { get; private set; }

    /// <summary>Makes a staff member her responsible social worker (the manager's choice).</summary>
    public void AssignSocialWorker(string staffUserId, Actor manager)
    {
        ArgumentNullException.ThrowIfNull(manager);
        manager.MustBeProgrammeManager("assign a social worker");
        SocialWorkerUserId = Rule.RequiredText(staffUserId, "The social worker", TextLimits.UserId);
    }

    /// <summary>Every consent given or withdrawn, oldest first; the latest per purpose counts.</summary>
    public IReadOnlyList<ConsentRecord> Consents => _consents.AsReadOnly();

    public IReadOnlyList<Enrolment> Enrolments => _enrolments.AsReadOnly();

    /// <summary>
    /// Records her consent for a purpose given, renewed (until <paramref name="expiresOn"/>, if it
    /// lapses) or withdrawn. Nothing is overwritten: the latest-dated record for a purpose counts,
    /// so one written down late does not outrank a later decision of hers.
    /// </summary>
    public void RecordConsent(ConsentPurpose purpose, bool granted, DateOnly on, DateOnly? expiresOn = null)
    {
        Rule.Require(Enum.IsDefined(purpose), "consent-purpose", "Choose what the consent is for.");
        Rule.Require(expiresOn is null || (granted && expiresOn > on), "consent-expiry",
            "A consent expires after the day it is given; a withdrawal has no expiry.");
        _consents.Add(new ConsentRecord(purpose, granted, on, expiresOn));
    }

    /// <summary>The consent in force for a purpose: the latest recorded, if any.</summary>
    public ConsentRecord? LatestConsent(ConsentPurpose purpose) =>
        _consents.Where(c => c.Purpose == purpose).OrderBy(c => c.RecordedOn).LastOrDefault();

    /// <summary>Whether she has consented to the purpose on that day: given, not withdrawn since, not expired.</summary>
    public bool ConsentsOn(ConsentPurpose purpose, DateOnly day) => LatestConsent(purpose)?.HoldsOn(day) ?? false;

    /// <summary>Whether her latest consent for the purpose was a yes (whatever its expiry).</summary>
    public bool HasConsented(ConsentPurpose purpose) => LatestConsent(purpose)?.Granted ?? false;

    /// <summary>Consents she gave that no longer hold on that day: withdrawn since, or expired.</summary>
    public IReadOnlyList<LapsedConsent> LapsedConsentsOn(DateOnly day) =>
    [
        .. Enum.GetValues<ConsentPurpose>()
            .Select(LatestConsent)
            .Where(c => c is not null && !c.HoldsOn(day) && (!c.Granted ? _consents.Exists(e => e.Purpose == c.Purpose && e.Granted) : true))
            .Select(c => new LapsedConsent(c!.Purpose, c.Granted ? ConsentLapse.Expired : ConsentLapse.Withdrawn, c.Granted ? c.ExpiresOn!.Value : c.RecordedOn)),
    ];

    /// <summary>Her first name as an export to funders may show it: only with her consent to share with funders that day.</summary>
    public string? NameForFundersOn(DateOnly day) => ConsentsOn(ConsentPurpose.SharedWithFunder, day) ? GivenName : null;

    public Enrolment EnrolIn(Phase phase, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(phase);
        Rule.Require(_enrolments.TrueForAll(e => e.PhaseId != phase.Id), "already-enrolled",
            $"{Code} is already enrolled in {phase.Name}.");
        Rule.Require(ConsentsOn(ConsentPurpose.DataKept, on), "no-consent",
            $"{Code} has not consented to the programme keeping her data; record her consent first.");
        var enrolment = new Enrolment(phase.Id, on);
        _enrolments.Add(enrolment);
        return enrolment;
    }

    public Enrolment? EnrolmentIn(Guid phaseId) => _enrolments.Find(e => e.PhaseId == phaseId);

    public bool IsActiveIn(Guid phaseId) => EnrolmentIn(phaseId)?.Status == EnrolmentStatus.Active;

    public void DropOut(Guid phaseId, DateOnly on, string reason)
    {
        ActiveEnrolmentIn(phaseId).End(EnrolmentStatus.DroppedOut, on, reason, replacedBy: null);
    }

    /// <summary>Records that another survivor takes her place in the phase.</summary>
    public void ReplaceWith(Participant replacement, Phase phase, DateOnly on, string reason)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        ArgumentNullException.ThrowIfNull(phase);
        Rule.Require(replacement.Id != Id, "self-replacement", "A participant cannot replace herself.");
        var enrolment = ActiveEnrolmentIn(phase.Id);
        enrolment.CheckEnd(on, reason);
        if (replacement.EnrolmentIn(phase.Id) is null)
        {
            replacement.EnrolIn(phase, on);
        }

        enrolment.End(EnrolmentStatus.Replaced, on, reason, replacement.Id);
    }

    private Enrolment ActiveEnrolmentIn(Guid phaseId)
    {
        var enrolment = EnrolmentIn(phaseId);
        Rule.Require(enrolment is { Status: EnrolmentStatus.Active }, "not-active",
            $"{Code} is not an active participant of that phase.");
        return enrolment!;
    }
}

/// <summary>One consent decision, kept with its date so that the history is never lost.</summary>
public sealed class ConsentRecord
{
    private ConsentRecord()
    {
    }

    internal ConsentRecord(ConsentPurpose purpose, bool granted, DateOnly recordedOn, DateOnly? expiresOn)
    {
        Purpose = purpose;
        Granted = granted;
        RecordedOn = recordedOn;
        ExpiresOn = expiresOn;
    }

    public ConsentPurpose Purpose { get; private set; }

    public bool Granted { get; private set; }

    public DateOnly RecordedOn { get; private set; }

    /// <summary>The last day a consent given for a time holds; null for one without end, or a withdrawal.</summary>
    public DateOnly? ExpiresOn { get; private set; }

    public bool HoldsOn(DateOnly day) => Granted && RecordedOn <= day && (ExpiresOn is null || day <= ExpiresOn);
}

/// <summary>How a consent she gave stopped holding.</summary>
public enum ConsentLapse
{
    Withdrawn = 1,
    Expired = 2,
}

/// <summary>A consent that no longer holds, and since when (the withdrawal, or the last day it held).</summary>
public sealed record LapsedConsent(ConsentPurpose Purpose, ConsentLapse Lapse, DateOnly Since);

/// <summary>A participant's place in one phase, and how it ended if it did.</summary>
public sealed class Enrolment
{
    private Enrolment()
    {
    }

    internal Enrolment(Guid phaseId, DateOnly enrolledOn)
    {
        PhaseId = phaseId;
        EnrolledOn = enrolledOn;
        Status = EnrolmentStatus.Active;
    }

    public Guid PhaseId { get; private set; }

    public DateOnly EnrolledOn { get; private set; }

    public EnrolmentStatus Status { get; private set; }

    public DateOnly? EndedOn { get; private set; }

    public string? EndReason { get; private set; }

    public Guid? ReplacedByParticipantId { get; private set; }

    internal void End(EnrolmentStatus status, DateOnly on, string reason, Guid? replacedBy)
    {
        var why = CheckEnd(on, reason);
        Status = status;
        EndedOn = on;
        EndReason = why;
        ReplacedByParticipantId = replacedBy;
    }

    /// <summary>Checks an ending without changing anything; returns the cleaned reason.</summary>
    internal string CheckEnd(DateOnly on, string reason)
    {
        Rule.Require(on >= EnrolledOn, "end-before-start", "An enrolment cannot end before it began.");
        return Rule.RequiredText(reason, "The reason", TextLimits.Line);
    }
}
