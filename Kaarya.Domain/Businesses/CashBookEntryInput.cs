using FluentValidation;
using Kaarya.Domain.Common;

namespace Kaarya.Domain.Businesses;

/// <summary>A line of her cash book as typed with her mentor or a social worker.</summary>
public sealed class CashBookEntryInput
{
    public Guid BusinessId { get; set; }

    public DateOnly? On { get; set; }

    public CashBookEntryKind? Kind { get; set; }

    /// <summary>As typed: "450" or "1,200".</summary>
    public string Amount { get; set; } = string.Empty;

    public string Note { get; set; } = string.Empty;
}

public sealed class CashBookEntryInputValidator : AbstractValidator<CashBookEntryInput>
{
    public CashBookEntryInputValidator()
    {
        RuleFor(x => x.BusinessId).NotEmpty();
        RuleFor(x => x.On).NotNull().WithMessage("Enter the date of the sale or expense.");
        RuleFor(x => x.Kind).NotNull().WithMessage("Choose sale or expense.").IsInEnum();
        RuleFor(x => x.Amount).MustBeRupees();
        RuleFor(x => x.Note).MaximumLength(TextLimits.Line).WithMessage($"The note is longer than {TextLimits.Line} characters.");
    }
}
