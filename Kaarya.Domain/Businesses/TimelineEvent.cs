using Kaarya.Domain.Common;

namespace Kaarya.Domain.Businesses;

/// <summary>The lifeline exercise: sun for good events, cloud for hard ones.</summary>
public enum TimelineEventKind
{
    Sun = 1,
    Cloud = 2,
}

public enum TimelineCategory
{
    BusinessEarning = 1,
    FamilyAcceptance = 2,
    LossOrTheft = 3,
    DomesticViolence = 4,
    Threats = 5,
    MobilityRestriction = 6,
    Illness = 7,
    Other = 99,
}

/// <summary>
/// A sun or cloud incident beside a business. Staff-only: never shown to auditors, funders
/// or in exports.
/// </summary>
public sealed class TimelineEvent : AuditableEntity
{
    private TimelineEvent()
    {
        Text = string.Empty;
    }

    public TimelineEvent(Business business, TimelineEventKind kind, TimelineCategory category, DateOnly occurredOn, string text, Actor recordedBy)
    {
        ArgumentNullException.ThrowIfNull(business);
        ArgumentNullException.ThrowIfNull(recordedBy);
        recordedBy.MustKeepRecords();
        BusinessId = business.Id;
        Kind = kind;
        Category = category;
        OccurredOn = occurredOn;
        Text = Rule.RequiredText(text, "What happened", TextLimits.Passage);
    }

    public Guid BusinessId { get; private set; }

    public TimelineEventKind Kind { get; private set; }

    public TimelineCategory Category { get; private set; }

    public DateOnly OccurredOn { get; private set; }

    public string Text { get; private set; }
}
