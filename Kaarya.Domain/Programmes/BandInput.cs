using FluentValidation;
using Kaarya.Domain.Common;

namespace Kaarya.Domain.Programmes;

/// <summary>A new disbursement band and why the programme changes it.</summary>
public sealed class BandInput
{
    public string Minimum { get; set; } = string.Empty;

    public string Maximum { get; set; } = string.Empty;

    public string Reason { get; set; } = string.Empty;
}

public sealed class BandInputValidator : AbstractValidator<BandInput>
{
    public BandInputValidator()
    {
        RuleFor(x => x.Minimum).MustBeRupees();
        RuleFor(x => x.Maximum).MustBeRupees()
            .Must((input, maximum) => !Money.TryParse(input.Minimum, out var minimum) || !Money.TryParse(maximum, out var max) || max >= minimum)
            .WithMessage("The band's maximum must not be below its minimum.").WithErrorCode("BandOrder");
        RuleFor(x => x.Reason).RequiredText("The reason for the change", TextLimits.Passage);
    }
}
