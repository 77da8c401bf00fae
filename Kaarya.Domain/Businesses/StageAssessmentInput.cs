using FluentValidation;
using Kaarya.Domain.Common;

namespace Kaarya.Domain.Businesses;

/// <summary>What staff fill in after assessing a business's stage with the survivor.</summary>
public sealed class StageAssessmentInput
{
    public Guid BusinessId { get; set; }

    public LifecycleStage? Stage { get; set; }

    public DateOnly? AssessedOn { get; set; }

    public string Evidence { get; set; } = string.Empty;
}

public sealed class StageAssessmentInputValidator : AbstractValidator<StageAssessmentInput>
{
    public StageAssessmentInputValidator()
    {
        RuleFor(x => x.BusinessId).NotEmpty();
        RuleFor(x => x.Stage).NotNull().WithMessage("Choose one of the four stages.")
            .IsInEnum().WithMessage("Choose one of the four stages.");
        RuleFor(x => x.AssessedOn).NotNull().WithMessage("Enter the date of the assessment.");
        RuleFor(x => x.Evidence).RequiredText("The evidence for the stage", TextLimits.Passage);
    }
}
