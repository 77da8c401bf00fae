using FluentValidation;
using Kaarya.Domain.Common;

namespace Kaarya.Domain.Assessments;

/// <summary>What staff write down at a 4P stocktaking, in the survivor's words.</summary>
public sealed class StocktakingInput
{
    public Guid BusinessId { get; set; }

    public DateOnly? HeldOn { get; set; }

    public string Preparation { get; set; } = string.Empty;

    public string Purpose { get; set; } = string.Empty;

    public List<PartnerInput> Partners { get; set; } = [new()];

    public string PerformancePositives { get; set; } = string.Empty;

    public string PerformanceChallenges { get; set; } = string.Empty;

    /// <summary>The answers; call only once the input has passed its validator.</summary>
    public FourP ToAnswers() => new(
        Preparation,
        Purpose,
        [.. Partners.Select(p => new Partner(p.Kind!.Value, p.Stance!.Value, p.Note))],
        PerformancePositives,
        PerformanceChallenges);
}

/// <summary>A supporter or challenger as chosen on the form.</summary>
public sealed class PartnerInput
{
    public PartnerKind? Kind { get; set; }

    public PartnerStance? Stance { get; set; }

    public string Note { get; set; } = string.Empty;
}

public sealed class StocktakingInputValidator : AbstractValidator<StocktakingInput>
{
    public StocktakingInputValidator()
    {
        RuleFor(x => x.BusinessId).NotEmpty();
        RuleFor(x => x.HeldOn).NotNull().WithMessage("Enter the date of the stocktaking.");
        RuleFor(x => x.Preparation).RequiredText("Preparation", TextLimits.Passage);
        RuleFor(x => x.Purpose).RequiredText("Purpose", TextLimits.Passage);
        RuleFor(x => x.Partners).NotEmpty().WithMessage("Name at least one partner, supporter or challenger.");
        RuleForEach(x => x.Partners).SetValidator(new PartnerInputValidator());
        RuleFor(x => x.PerformancePositives).MaximumLength(TextLimits.Passage)
            .WithMessage($"Performance positives is longer than {TextLimits.Passage} characters.");
        RuleFor(x => x.PerformanceChallenges).MaximumLength(TextLimits.Passage)
            .WithMessage($"Performance challenges is longer than {TextLimits.Passage} characters.");
        RuleFor(x => x.PerformancePositives)
            .Must((input, positives) => !string.IsNullOrWhiteSpace(positives) || !string.IsNullOrWhiteSpace(input.PerformanceChallenges))
            .WithMessage("Write at least one positive or one challenge under Performance.");
    }
}

public sealed class PartnerInputValidator : AbstractValidator<PartnerInput>
{
    public PartnerInputValidator()
    {
        RuleFor(x => x.Kind).NotNull().WithMessage("Choose who the partner is.").IsInEnum();
        RuleFor(x => x.Stance).NotNull().WithMessage("Choose supporter or challenger.").IsInEnum();
        RuleFor(x => x.Note).MaximumLength(TextLimits.Line).WithMessage($"The note on a partner is longer than {TextLimits.Line} characters.");
    }
}
