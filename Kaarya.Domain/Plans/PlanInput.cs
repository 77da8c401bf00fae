using FluentValidation;
using Kaarya.Domain.Common;

namespace Kaarya.Domain.Plans;

/// <summary>
/// What staff fill in with the survivor for a version of her plan. A revision starts from the
/// latest version (<see cref="From"/>) so only what changed is typed again.
/// </summary>
public sealed class PlanInput
{
    public Guid BusinessId { get; set; }

    /// <summary>
    /// The version this form was filled in from (0 for a first plan). A save is refused when
    /// another version was saved meanwhile (<see cref="BusinessPlan.MustStillBeLatest"/>).
    /// </summary>
    public int StartedFromVersion { get; set; }

    public DateOnly? DraftedOn { get; set; }

    public string ProductsAndServices { get; set; } = string.Empty;

    public string Customers { get; set; } = string.Empty;

    public List<PlanLineInput> Costs { get; set; } = [];

    /// <summary>As typed: "3,000" or "3000"; 0 before the business earns.</summary>
    public string ExpectedMonthlyIncome { get; set; } = string.Empty;

    public List<PlanLineInput> IntendedUses { get; set; } = [];

    public string SupportersAndChallengers { get; set; } = string.Empty;

    public string NextSteps { get; set; } = string.Empty;

    public static PlanInput From(BusinessPlan plan, DateOnly revisedOn)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new PlanInput
        {
            BusinessId = plan.BusinessId,
            StartedFromVersion = plan.Version,
            DraftedOn = revisedOn,
            ProductsAndServices = plan.ProductsAndServices,
            Customers = plan.Customers,
            Costs = [.. plan.Costs.Select(PlanLineInput.From)],
            ExpectedMonthlyIncome = plan.ExpectedMonthlyIncome.ToInputString(),
            IntendedUses = [.. plan.IntendedUsesOfSeedMoney.Select(PlanLineInput.From)],
            SupportersAndChallengers = plan.SupportersAndChallengers,
            NextSteps = plan.NextSteps,
        };
    }

    /// <summary>The plan's content; call only once the input has passed its validator.</summary>
    public PlanContent ToContent() => new(
        ProductsAndServices,
        Customers,
        [.. Costs.Select(c => c.ToLine())],
        Money.Parse(ExpectedMonthlyIncome),
        [.. IntendedUses.Select(u => u.ToLine())],
        SupportersAndChallengers,
        NextSteps);
}

/// <summary>One costed line as typed.</summary>
public sealed class PlanLineInput : IAmountLineInput
{
    public string Description { get; set; } = string.Empty;

    /// <summary>As typed: "6,000" or "6000".</summary>
    public string Amount { get; set; } = string.Empty;

    public static PlanLineInput From(PlanLineItem line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new PlanLineInput { Description = line.Description, Amount = line.Amount.ToInputString() };
    }

    public PlanLineItem ToLine() => new(Description, Money.Parse(Amount));
}

public sealed class PlanInputValidator : AbstractValidator<PlanInput>
{
    public PlanInputValidator()
    {
        RuleFor(x => x.BusinessId).NotEmpty();
        RuleFor(x => x.DraftedOn).NotNull().WithMessage("Enter the date the plan was drafted with her.");
        RuleFor(x => x.ProductsAndServices).RequiredText("Products and services", TextLimits.Passage);
        RuleFor(x => x.Customers).RequiredText("Customers", TextLimits.Passage);
        RuleFor(x => x.ExpectedMonthlyIncome).MustBeRupeesOrZero();
        RuleFor(x => x.IntendedUses).NotEmpty().WithMessage("List at least one intended use of the seed money.");
        RuleForEach(x => x.Costs).SetValidator(new PlanLineInputValidator());
        RuleForEach(x => x.IntendedUses).SetValidator(new PlanLineInputValidator());
        RuleFor(x => x.SupportersAndChallengers).MaximumLength(TextLimits.Passage)
            .WithMessage($"Supporters and challengers is longer than {TextLimits.Passage} characters.");
        RuleFor(x => x.NextSteps).RequiredText("Next steps", TextLimits.Passage);
    }
}

public sealed class PlanLineInputValidator : AbstractValidator<PlanLineInput>
{
    public PlanLineInputValidator()
    {
        RuleFor(x => x.Description).RequiredText("The item's description", TextLimits.Line);
        RuleFor(x => x.Amount).MustBeRupeesOrZero();
    }
}
