using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;
using Kaarya.Domain.Programmes;

namespace Kaarya.Domain.Assessments;

public enum RiskLevel
{
    Low = 1,
    Medium = 2,
    High = 3,
}

/// <summary>One risk as rated for one business, with what will be done about it.</summary>
public sealed class RatedRisk
{
    private RatedRisk()
    {
        Title = string.Empty;
        Mitigation = string.Empty;
        Owner = string.Empty;
    }

    private RatedRisk(string? catalogueKey, string title, RiskGroup group, RiskLevel likelihood, RiskLevel impact, string mitigation, string owner, DateOnly reviewOn)
    {
        CatalogueKey = catalogueKey;
        Title = Rule.RequiredText(title, "The risk", TextLimits.Line);
        Group = group;
        Likelihood = likelihood;
        Impact = impact;
        Mitigation = Rule.RequiredText(mitigation, $"The mitigation for \"{Title}\"", TextLimits.Passage);
        Owner = Rule.RequiredText(owner, $"Who looks after \"{Title}\"", TextLimits.Name);
        ReviewOn = reviewOn;
    }

    /// <summary>The catalogue's key, or null for a risk named by this assessment only.</summary>
    public string? CatalogueKey { get; private set; }

    public string Title { get; private set; }

    public RiskGroup Group { get; private set; }

    public RiskLevel Likelihood { get; private set; }

    public RiskLevel Impact { get; private set; }

    public string Mitigation { get; private set; }

    public string Owner { get; private set; }

    public DateOnly ReviewOn { get; private set; }

    public bool IsCustom => CatalogueKey is null;

    /// <summary>Likelihood times impact: 1 (low, low) to 9 (high, high).</summary>
    public int Score => (int)Likelihood * (int)Impact;

    public RiskLevel Severity => Score switch
    {
        >= 6 => RiskLevel.High,
        >= 3 => RiskLevel.Medium,
        _ => RiskLevel.Low,
    };

    public static RatedRisk FromCatalogue(string key, RiskLevel likelihood, RiskLevel impact, string mitigation, string owner, DateOnly reviewOn)
    {
        var risk = RiskCatalogue.Find(key)
            ?? throw new DomainException("risk-unknown", $"\"{key}\" is not in the risk catalogue; name it as a risk of this business instead.");
        return new RatedRisk(risk.Key, risk.Title, risk.Group, likelihood, impact, mitigation, owner, reviewOn);
    }

    public static RatedRisk Custom(string title, RiskGroup group, RiskLevel likelihood, RiskLevel impact, string mitigation, string owner, DateOnly reviewOn) =>
        new(null, title, group, likelihood, impact, mitigation, owner, reviewOn);
}

/// <summary>The risks of one business, rated with the survivor during a phase.</summary>
public sealed class RiskAssessment : AuditableEntity
{
    private readonly List<RatedRisk> _risks = [];

    private RiskAssessment()
    {
        AssessedBy = string.Empty;
    }

    public RiskAssessment(Business business, Phase phase, DateOnly assessedOn, Actor assessedBy, IEnumerable<RatedRisk> risks)
    {
        ArgumentNullException.ThrowIfNull(business);
        ArgumentNullException.ThrowIfNull(phase);
        ArgumentNullException.ThrowIfNull(assessedBy);
        ArgumentNullException.ThrowIfNull(risks);
        assessedBy.MustKeepRecords();
        Rule.Require(phase.Includes(assessedOn), "outside-phase", "risk-assessment", $"The assessment date {DateFormats.Show(assessedOn)} is outside {phase.Name}.");
        BusinessId = business.Id;
        PhaseId = phase.Id;
        AssessedOn = assessedOn;
        AssessedBy = assessedBy.UserId;
        foreach (var risk in risks)
        {
            Rule.Require(risk.ReviewOn >= assessedOn, "review-before-assessment", $"The review date of \"{risk.Title}\" is before the assessment.");
            Rule.Require(_risks.TrueForAll(r => !string.Equals(r.Title, risk.Title, StringComparison.OrdinalIgnoreCase)),
                "risk-twice", $"\"{risk.Title}\" is rated twice.");
            _risks.Add(risk);
        }

        Rule.Require(_risks.Count > 0, "no-risks", "Rate at least one risk.");
    }

    public Guid BusinessId { get; private set; }

    public Guid PhaseId { get; private set; }

    public DateOnly AssessedOn { get; private set; }

    public string AssessedBy { get; private set; }

    public IReadOnlyList<RatedRisk> Risks => _risks.AsReadOnly();

    public IEnumerable<RatedRisk> DueForReview(DateOnly today) => _risks.Where(r => r.ReviewOn <= today);
}
