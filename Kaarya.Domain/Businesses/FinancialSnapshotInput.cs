using FluentValidation;
using Kaarya.Domain.Common;

namespace Kaarya.Domain.Businesses;

/// <summary>What staff write down when they take stock of a business's assets and debts with her.</summary>
public sealed class FinancialSnapshotInput
{
    public Guid BusinessId { get; set; }

    public DateOnly? TakenOn { get; set; }

    /// <summary>Amounts as typed: "12,500" or "12500"; 0 where there is none.</summary>
    public string Assets { get; set; } = string.Empty;

    public string Liabilities { get; set; } = "0";

    public string LoansOutstanding { get; set; } = "0";

    public bool Insured { get; set; }

    public string InsuranceNote { get; set; } = string.Empty;
}

public sealed class FinancialSnapshotInputValidator : AbstractValidator<FinancialSnapshotInput>
{
    public FinancialSnapshotInputValidator()
    {
        RuleFor(x => x.BusinessId).NotEmpty();
        RuleFor(x => x.TakenOn).NotNull().WithMessage("Enter the date the stock was taken.");
        RuleFor(x => x.Assets).MustBeRupeesOrZero();
        RuleFor(x => x.Liabilities).MustBeRupeesOrZero();
        RuleFor(x => x.LoansOutstanding).MustBeRupeesOrZero();
        RuleFor(x => x.InsuranceNote).MaximumLength(TextLimits.Line).WithMessage($"The insurance note is longer than {TextLimits.Line} characters.");
        RuleFor(x => x.InsuranceNote).NotEmpty().When(x => x.Insured).WithMessage("Say what the insurance covers.");
    }
}
