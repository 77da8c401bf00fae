using FluentValidation;
using Kaarya.Domain.Common;

namespace Kaarya.Domain.Programmes;

/// <summary>What one funder gives one phase, set for the first time or changed.</summary>
public sealed class BudgetInput
{
    public Guid? FunderId { get; set; }

    public Guid? PhaseId { get; set; }

    /// <summary>In rupees, as people type it: 4,00,000 or 400000.</summary>
    public string Amount { get; set; } = string.Empty;
}

public sealed class BudgetInputValidator : AbstractValidator<BudgetInput>
{
    public BudgetInputValidator()
    {
        RuleFor(x => x.FunderId).NotNull().WithMessage("Choose the funder.");
        RuleFor(x => x.PhaseId).NotNull().WithMessage("Choose the phase.");
        RuleFor(x => x.Amount).MustBeRupees();
    }
}
