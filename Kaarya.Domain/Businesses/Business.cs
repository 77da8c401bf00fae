using Kaarya.Domain.Common;
using Kaarya.Domain.Participants;

namespace Kaarya.Domain.Businesses;

public enum BusinessType
{
    Shop = 1,
    Poultry = 2,
    Tailoring = 3,
    Livestock = 4,
    FoodStall = 5,
    Handicraft = 6,
    Other = 99,
}

public enum BusinessStatus
{
    Running = 1,
    Paused = 2,
    Closed = 3,
}

/// <summary>
/// The four stages of a business's life as the programme's workshops named them. The report
/// calls the second "initial growth".
/// </summary>
public enum LifecycleStage
{
    StartUp = 1,
    Growth = 2,
    Maturity = 3,
    Expansion = 4,
}

/// <summary>A survivor's micro-enterprise: a shop, a poultry farm, tailoring, livestock.</summary>
public sealed class Business : AuditableEntity
{
    private readonly List<StageAssessment> _stageHistory = [];

    private Business()
    {
        Name = string.Empty;
        Location = string.Empty;
    }

    public Business(Participant owner, string name, BusinessType type, string location, DateOnly startedOn)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ParticipantId = owner.Id;
        Name = Rule.RequiredText(name, "The business's name", TextLimits.Name);
        Type = type;
        Location = Rule.RequiredText(location, "The location", TextLimits.Name);
        StartedOn = startedOn;
        Status = BusinessStatus.Running;
        StatusChangedOn = startedOn;
    }

    public Guid ParticipantId { get; private set; }

    public string Name { get; private set; }

    public BusinessType Type { get; private set; }

    public string Location { get; private set; }

    public DateOnly StartedOn { get; private set; }

    public BusinessStatus Status { get; private set; }

    public DateOnly StatusChangedOn { get; private set; }

    /// <summary>The cause, from the programme's list, of the pause or closure; empty while it runs.</summary>
    public string? StatusCause { get; private set; }

    /// <summary>What happened, in the staff's words; empty while it runs.</summary>
    public string? StatusReason { get; private set; }

    /// <summary>Every stage assessment, oldest first. Assessments are added, never replaced.</summary>
    public IReadOnlyList<StageAssessment> StageHistory => _stageHistory.AsReadOnly();

    public LifecycleStage? CurrentStage =>
        _stageHistory.Count == 0 ? null : _stageHistory.MaxBy(s => (s.AssessedOn, s.Sequence))!.Stage;

    public StageAssessment AssessStage(LifecycleStage stage, DateOnly assessedOn, Actor assessedBy, string evidence)
    {
        ArgumentNullException.ThrowIfNull(assessedBy);
        assessedBy.MustKeepRecords();
        Rule.Require(Enum.IsDefined(stage), "stage-unknown", "Choose one of the four stages.");
        Rule.Require(assessedOn >= StartedOn, "stage-before-start", "A stage cannot be assessed before the business started.");
        var assessment = new StageAssessment(_stageHistory.Count + 1, stage, assessedOn, assessedBy.UserId, evidence);
        _stageHistory.Add(assessment);
        return assessment;
    }

    /// <summary>Pauses the business, for a cause from the programme's list and a note of what happened.</summary>
    public void Pause(DateOnly on, BusinessStatusCause cause, string note = "")
    {
        Rule.Require(Status == BusinessStatus.Running, "not-running", $"Only a running business can be paused; this one is {Status.ToString().ToLowerInvariant()}.");
        ChangeStatus(BusinessStatus.Paused, on, cause, note);
    }

    public void Resume(DateOnly on)
    {
        Rule.Require(Status == BusinessStatus.Paused, "not-paused", "Only a paused business can resume.");
        ChangeStatus(BusinessStatus.Running, on, cause: null, note: string.Empty);
    }

    /// <summary>
    /// Closes the business for good; it keeps its whole history and takes no new decision or request
    /// for money. Not while a request for its money waits for approval: that is decided first.
    /// </summary>
    public void Close(DateOnly on, BusinessStatusCause cause, string note = "", bool requestWaiting = false)
    {
        Rule.Require(Status != BusinessStatus.Closed, "already-closed", "This business is already closed.");
        Rule.Require(!requestWaiting, "close-request-waiting",
            $"A request for {Name}'s money waits for approval; approve or reject it before closing the business.");
        ChangeStatus(BusinessStatus.Closed, on, cause, note);
    }

    /// <summary>Refuses a new request for money for a closed business.</summary>
    public void MustTakeMoney() =>
        Rule.Require(Status != BusinessStatus.Closed, "business-closed", "request", $"{Name} is closed; a closed business takes no new request for money.");

    private void ChangeStatus(BusinessStatus status, DateOnly on, BusinessStatusCause? cause, string note)
    {
        Rule.Require(on >= StatusChangedOn, "status-date", $"The date must be on or after {DateFormats.Show(StatusChangedOn)}, the last change of status.");
        var cleanNote = Rule.OptionalText(note, "The note", TextLimits.Line);
        if (cause is not null)
        {
            Rule.Require(!cause.NeedsNote || cleanNote.Length > 0, "status-note-needed", $"\"{cause.Name}\" needs a note saying what happened.");
        }

        Status = status;
        StatusChangedOn = on;
        StatusCause = cause?.Name;
        StatusReason = cause is null || cleanNote.Length == 0 ? null : cleanNote;
    }
}

/// <summary>One assessment of the business's stage, made with the survivor.</summary>
public sealed class StageAssessment
{
    private StageAssessment()
    {
        AssessedBy = string.Empty;
        Evidence = string.Empty;
    }

    internal StageAssessment(int sequence, LifecycleStage stage, DateOnly assessedOn, string assessedBy, string evidence)
    {
        Sequence = sequence;
        Stage = stage;
        AssessedOn = assessedOn;
        AssessedBy = assessedBy;
        Evidence = Rule.RequiredText(evidence, "The evidence for the stage", TextLimits.Passage);
    }

    /// <summary>Order within the business's history, from 1.</summary>
    public int Sequence { get; private set; }

    public LifecycleStage Stage { get; private set; }

    public DateOnly AssessedOn { get; private set; }

    public string AssessedBy { get; private set; }

    public string Evidence { get; private set; }
}
