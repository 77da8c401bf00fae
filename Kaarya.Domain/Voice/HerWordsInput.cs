using FluentValidation;
using Kaarya.Domain.Assessments;
using Kaarya.Domain.Common;
using Kaarya.Domain.Plans;

namespace Kaarya.Domain.Voice;

/// <summary>
/// What she types beside one part of her plan or one of her 4P. The form starts from her words as
/// they stand (<see cref="OnPlan"/>, <see cref="OnStocktaking"/>), so she changes them rather than
/// typing them all again.
/// </summary>
public sealed class HerWordsInput
{
    public Guid? BusinessPlanId { get; set; }

    public PlanPart? PlanPart { get; set; }

    public Guid? StocktakingId { get; set; }

    public FourPPart? FourPPart { get; set; }

    public string Words { get; set; } = string.Empty;

    public bool IsOnPlan => BusinessPlanId is not null;

    public static HerWordsInput OnPlan(Guid planId, PlanPart part, HerWords? current = null) =>
        new() { BusinessPlanId = planId, PlanPart = part, Words = current?.Text ?? string.Empty };

    public static HerWordsInput OnStocktaking(Guid stocktakingId, FourPPart part, HerWords? current = null) =>
        new() { StocktakingId = stocktakingId, FourPPart = part, Words = current?.Text ?? string.Empty };
}

public sealed class HerWordsInputValidator : AbstractValidator<HerWordsInput>
{
    public HerWordsInputValidator()
    {
        RuleFor(x => x.Words).RequiredText("Your words", TextLimits.Passage);
        RuleFor(x => x.Words)
            .Must((x, _) => (x.BusinessPlanId is { } plan && plan != Guid.Empty && x.PlanPart is not null && x.StocktakingId is null && x.FourPPart is null)
                || (x.StocktakingId is { } stocktaking && stocktaking != Guid.Empty && x.FourPPart is not null && x.BusinessPlanId is null && x.PlanPart is null))
            .WithMessage("Your words go beside one part of your plan or one of your 4P.");
        RuleFor(x => x.PlanPart).IsInEnum();
        RuleFor(x => x.FourPPart).IsInEnum();
    }
}
