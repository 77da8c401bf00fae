using FluentValidation;
using Kaarya.Domain.Common;

namespace Kaarya.Domain.Voice;

/// <summary>Her answer on the latest version of her plan, as she gives it on her page.</summary>
public sealed class PlanAgreementInput
{
    public Guid BusinessPlanId { get; set; }

    public PlanAnswer? Answer { get; set; }

    /// <summary>Optional: why not yet, or what she wants remembered with her agreement.</summary>
    public string Words { get; set; } = string.Empty;
}

public sealed class PlanAgreementInputValidator : AbstractValidator<PlanAgreementInput>
{
    public PlanAgreementInputValidator()
    {
        RuleFor(x => x.BusinessPlanId).NotEmpty();
        RuleFor(x => x.Answer).NotNull().WithMessage("Choose \"I agree\" or \"Not yet\".").IsInEnum();
        RuleFor(x => x.Words).MaximumLength(TextLimits.Passage).WithMessage($"Your words are longer than {TextLimits.Passage} characters.");
    }
}
