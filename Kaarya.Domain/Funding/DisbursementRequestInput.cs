using FluentValidation;
using Kaarya.Domain.Common;

namespace Kaarya.Domain.Funding;

/// <summary>What staff fill in to ask for a tranche against a decision.</summary>
public sealed class DisbursementRequestInput
{
    public Guid DecisionId { get; set; }

    public Guid FunderId { get; set; }

    /// <summary>As typed: "12,500" or "12500".</summary>
    public string Amount { get; set; } = string.Empty;

    public DateOnly? ValueDate { get; set; }

    public PaymentMethod Method { get; set; } = PaymentMethod.Cash;

    public string Reference { get; set; } = string.Empty;

    /// <summary>Created with the form, so that submitting it twice records one request.</summary>
    public Guid IdempotencyKey { get; set; } = Guid.NewGuid();
}

public sealed class DisbursementRequestInputValidator : AbstractValidator<DisbursementRequestInput>
{
    public DisbursementRequestInputValidator()
    {
        RuleFor(x => x.DecisionId).NotEmpty().WithMessage("Choose the decision this money is paid against.");
        RuleFor(x => x.FunderId).NotEmpty().WithMessage("Choose the funder.");
        RuleFor(x => x.Amount).MustBeRupees();
        RuleFor(x => x.ValueDate).NotNull().WithMessage("Enter the date the money is paid.");
        RuleFor(x => x.Method).IsInEnum().WithMessage("Choose cash, bank transfer or cheque.");
        RuleFor(x => x.Reference).MaximumLength(TextLimits.Reference).WithMessage($"The reference is longer than {TextLimits.Reference} characters.");
        RuleFor(x => x.Reference).NotEmpty().When(x => x.Method != PaymentMethod.Cash)
            .WithMessage("A cheque number or bank reference is needed for this method.");
        RuleFor(x => x.IdempotencyKey).NotEmpty();
    }
}
