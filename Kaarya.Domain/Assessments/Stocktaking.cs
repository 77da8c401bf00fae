using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;
using Kaarya.Domain.Programmes;

namespace Kaarya.Domain.Assessments;

/// <summary>The people and institutions the survivors named around their businesses.</summary>
public enum PartnerKind
{
    Parents = 1,
    Husband = 2,
    OtherFamily = 3,
    Neighbours = 4,
    Police = 5,
    Panchayat = 6,
    Ngo = 7,
    Self = 8,
    Trafficker = 9,
    Other = 99,
}

public enum PartnerStance
{
    Supporter = 1,
    Challenger = 2,
}

/// <summary>Someone who supports or challenges the survivor in her business.</summary>
public sealed record Partner
{
    public Partner(PartnerKind kind, PartnerStance stance, string note)
    {
        Kind = kind;
        Stance = stance;
        Note = Rule.OptionalText(note, "The note on a partner", TextLimits.Line);
    }

    public PartnerKind Kind { get; private init; }

    public PartnerStance Stance { get; private init; }

    public string Note { get; private init; }
}

/// <summary>The four Ps, in the survivor's words.</summary>
public sealed record FourP(
    string Preparation,
    string Purpose,
    IReadOnlyList<Partner> Partners,
    string PerformancePositives,
    string PerformanceChallenges);

/// <summary>
/// The programme's business stocktaking: Preparation (what steps did I take to prepare myself?),
/// Purpose (why did I join Kaarya?), Partners (supporters and challengers) and Performance
/// (positives and challenges).
/// </summary>
public sealed class Stocktaking : AuditableEntity
{
    private List<Partner> _partners = [];

    private Stocktaking()
    {
        RecordedBy = string.Empty;
        Preparation = string.Empty;
        Purpose = string.Empty;
        PerformancePositives = string.Empty;
        PerformanceChallenges = string.Empty;
    }

    public Stocktaking(Business business, Phase phase, DateOnly heldOn, Actor recordedBy, FourP answers)
    {
        ArgumentNullException.ThrowIfNull(business);
        ArgumentNullException.ThrowIfNull(phase);
        ArgumentNullException.ThrowIfNull(recordedBy);
        ArgumentNullException.ThrowIfNull(answers);
        recordedBy.MustKeepRecords();
        Rule.Require(phase.Includes(heldOn), "outside-phase", $"The stocktaking date {DateFormats.Show(heldOn)} is outside {phase.Name}.");
        BusinessId = business.Id;
        PhaseId = phase.Id;
        HeldOn = heldOn;
        RecordedBy = recordedBy.UserId;
        Preparation = Rule.RequiredText(answers.Preparation, "Preparation", TextLimits.Passage);
        Purpose = Rule.RequiredText(answers.Purpose, "Purpose", TextLimits.Passage);
        Rule.Require(answers.Partners is { Count: > 0 }, "no-partners", "Name at least one partner, supporter or challenger.");
        _partners = [.. answers.Partners];
        PerformancePositives = Rule.OptionalText(answers.PerformancePositives, "Performance positives", TextLimits.Passage);
        PerformanceChallenges = Rule.OptionalText(answers.PerformanceChallenges, "Performance challenges", TextLimits.Passage);
        Rule.Require(PerformancePositives.Length + PerformanceChallenges.Length > 0, "no-performance",
            "Write at least one positive or one challenge under Performance.");
    }

    public Guid BusinessId { get; private set; }

    public Guid PhaseId { get; private set; }

    public DateOnly HeldOn { get; private set; }

    public string RecordedBy { get; private set; }

    public string Preparation { get; private set; }

    public string Purpose { get; private set; }

    public IReadOnlyList<Partner> Partners => _partners.AsReadOnly();

    public string PerformancePositives { get; private set; }

    public string PerformanceChallenges { get; private set; }

    public IEnumerable<Partner> Supporters => _partners.Where(p => p.Stance == PartnerStance.Supporter);

    public IEnumerable<Partner> Challengers => _partners.Where(p => p.Stance == PartnerStance.Challenger);
}
