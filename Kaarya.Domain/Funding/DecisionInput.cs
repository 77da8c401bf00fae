using FluentValidation;
using Kaarya.Domain.Common;

namespace Kaarya.Domain.Funding;

/// <summary>What staff fill in to record a disbursement decision for a business.</summary>
public sealed class DecisionInput
{
    public Guid BusinessId { get; set; }

    public Guid PhaseId { get; set; }

    public Guid StocktakingId { get; set; }

    public Guid RiskAssessmentId { get; set; }

    public DecisionKind Kind { get; set; } = DecisionKind.Immediate;

    /// <summary>For an immediate decision, as typed: "12,500" or "12500".</summary>
    public string Amount { get; set; } = string.Empty;

    public DateOnly? DecidedOn { get; set; }

    public string Reason { get; set; } = string.Empty;

    public DateOnly? FollowUpOn { get; set; }

    public string MustTakePart { get; set; } = string.Empty;

    /// <summary>A programme manager's reason for an amount outside the band.</summary>
    public string OverrideReason { get; set; } = string.Empty;
}

public sealed class DecisionInputValidator : AbstractValidator<DecisionInput>
{
    public DecisionInputValidator()
    {
        RuleFor(x => x.BusinessId).NotEmpty();
        RuleFor(x => x.PhaseId).NotEmpty().WithMessage("Choose the phase.");
        RuleFor(x => x.StocktakingId).NotEmpty().WithMessage("A decision needs a 4P stocktaking; record one first.");
        RuleFor(x => x.RiskAssessmentId).NotEmpty().WithMessage("A decision needs a risk assessment; record one first.");
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.DecidedOn).NotNull().WithMessage("Enter the date of the decision.");
        RuleFor(x => x.Amount).MustBeRupees().When(x => x.Kind == DecisionKind.Immediate);
        RuleFor(x => x.Reason).RequiredText("The reason", TextLimits.Passage).When(x => x.Kind != DecisionKind.Immediate);
        RuleFor(x => x.FollowUpOn).NotNull().When(x => x.Kind == DecisionKind.Delayed)
            .WithMessage("A delayed decision needs a follow-up date.");
        RuleFor(x => x.FollowUpOn).GreaterThan(x => x.DecidedOn).When(x => x.Kind == DecisionKind.Delayed && x.FollowUpOn is not null && x.DecidedOn is not null)
            .WithMessage("The follow-up date must come after the decision.");
        RuleFor(x => x.MustTakePart).RequiredText("Who must take part", TextLimits.Line).When(x => x.Kind == DecisionKind.Delayed);
        RuleFor(x => x.OverrideReason).MaximumLength(BandOverride.ReasonMaxLength)
            .WithMessage($"The reason for the override is longer than {BandOverride.ReasonMaxLength} characters.");
    }
}
