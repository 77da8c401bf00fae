using FluentValidation;
using Kaarya.Domain.Common;

namespace Kaarya.Domain.Funding;

/// <summary>What a programme manager fills in to reverse a posted entry.</summary>
public sealed class ReversalInput
{
    public long Sequence { get; set; }

    public string Reason { get; set; } = string.Empty;

    public DateOnly? ValueDate { get; set; }
}

public sealed class ReversalInputValidator : AbstractValidator<ReversalInput>
{
    public ReversalInputValidator()
    {
        RuleFor(x => x.Sequence).GreaterThan(0).WithMessage("Choose the entry to reverse.");
        RuleFor(x => x.Reason).RequiredText("The reason for the reversal", TextLimits.Passage);
        RuleFor(x => x.ValueDate).NotNull().WithMessage("Enter the value date of the reversal.");
    }
}
