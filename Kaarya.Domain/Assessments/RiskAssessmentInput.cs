using FluentValidation;
using Kaarya.Domain.Common;

namespace Kaarya.Domain.Assessments;

/// <summary>
/// What staff fill in when they rate a business's risks with the survivor. A new assessment
/// starts from the previous one (<see cref="CarryForward"/>): the risks rarely change, their
/// ratings and mitigations do.
/// </summary>
public sealed class RiskAssessmentInput
{
    public Guid BusinessId { get; set; }

    public DateOnly? AssessedOn { get; set; }

    public List<RatedRiskInput> Risks { get; set; } = [];

    public static RiskAssessmentInput CarryForward(RiskAssessment previous, DateOnly assessedOn)
    {
        ArgumentNullException.ThrowIfNull(previous);
        return new RiskAssessmentInput
        {
            BusinessId = previous.BusinessId,
            AssessedOn = assessedOn,
            Risks = [.. previous.Risks.Select(r => new RatedRiskInput
            {
                CatalogueKey = r.CatalogueKey,
                Title = r.Title,
                Group = r.Group,
                Likelihood = r.Likelihood,
                Impact = r.Impact,
                Mitigation = r.Mitigation,
                Owner = r.Owner,
            })],
        };
    }

    /// <summary>The rated risks; call only once the input has passed its validator.</summary>
    public IEnumerable<RatedRisk> ToRisks() => Risks.Select(r => r.ToRisk());
}

/// <summary>One risk as rated on the form: from the catalogue (a key), or named for this business (a title and a group).</summary>
public sealed class RatedRiskInput
{
    public string? CatalogueKey { get; set; }

    public string Title { get; set; } = string.Empty;

    public RiskGroup? Group { get; set; }

    public RiskLevel? Likelihood { get; set; }

    public RiskLevel? Impact { get; set; }

    public string Mitigation { get; set; } = string.Empty;

    public string Owner { get; set; } = string.Empty;

    public DateOnly? ReviewOn { get; set; }

    public bool IsFromCatalogue => !string.IsNullOrWhiteSpace(CatalogueKey);

    public RatedRisk ToRisk() => IsFromCatalogue
        ? RatedRisk.FromCatalogue(CatalogueKey!, Likelihood!.Value, Impact!.Value, Mitigation, Owner, ReviewOn!.Value)
        : RatedRisk.Custom(Title, Group!.Value, Likelihood!.Value, Impact!.Value, Mitigation, Owner, ReviewOn!.Value);
}

public sealed class RiskAssessmentInputValidator : AbstractValidator<RiskAssessmentInput>
{
    public RiskAssessmentInputValidator()
    {
        RuleFor(x => x.BusinessId).NotEmpty();
        RuleFor(x => x.AssessedOn).NotNull().WithMessage("Enter the date of the assessment.");
        RuleFor(x => x.Risks).NotEmpty().WithMessage("Rate at least one risk.");
        RuleForEach(x => x.Risks).SetValidator(new RatedRiskInputValidator());
    }
}

public sealed class RatedRiskInputValidator : AbstractValidator<RatedRiskInput>
{
    public RatedRiskInputValidator()
    {
        RuleFor(x => x.CatalogueKey).Must(key => RiskCatalogue.Find(key!) is not null)
            .When(x => x.IsFromCatalogue).WithMessage("That risk is not in the catalogue.");
        RuleFor(x => x.Title).RequiredText("The risk", TextLimits.Line).Unless(x => x.IsFromCatalogue);
        RuleFor(x => x.Group).NotNull().WithMessage("Choose whether she can deal with it or it is beyond her control.").Unless(x => x.IsFromCatalogue);
        RuleFor(x => x.Likelihood).NotNull().WithMessage("Rate how likely it is.");
        RuleFor(x => x.Impact).NotNull().WithMessage("Rate how much harm it would do.");
        RuleFor(x => x.Mitigation).RequiredText("The mitigation", TextLimits.Passage);
        RuleFor(x => x.Owner).RequiredText("Who looks after it", TextLimits.Name);
        RuleFor(x => x.ReviewOn).NotNull().WithMessage("Enter when to review it.");
    }
}
