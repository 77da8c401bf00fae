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

    /// <summary>Why the business was paused or closed; empty while it runs.</summary>
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

    public void Pause(DateOnly on, string reason)
    {
        Rule.Require(Status == BusinessStatus.Running, "not-running", $"Only a running business can be paused; this one is {Status.ToString().ToLowerInvariant()}.");
        ChangeStatus(BusinessStatus.Paused, on, Rule.RequiredText(reason, "The reason for pausing", TextLimits.Line));
    }

    public void Resume(DateOnly on)
    {
        Rule.Require(Status == BusinessStatus.Paused, "not-paused", "Only a paused business can resume.");
        ChangeStatus(BusinessStatus.Running, on, reason: null);
    }

    /// <summary>Closes the business for good; a closed business keeps its whole history.</summary>
    public void Close(DateOnly on, string reason)
    {
        Rule.Require(Status != BusinessStatus.Closed, "already-closed", "This business is already closed.");
        ChangeStatus(BusinessStatus.Closed, on, Rule.RequiredText(reason, "The reason for closing", TextLimits.Line));
    }

    private void ChangeStatus(BusinessStatus status, DateOnly on, string? reason)
    {
        Rule.Require(on >= StatusChangedOn, "status-date", $"The date must be on or after {DateFormats.Show(StatusChangedOn)}, the last change of status.");
        Status = status;
        StatusChangedOn = on;
        StatusReason = reason;
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
