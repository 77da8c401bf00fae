using FluentValidation;
using Kaarya.Domain.Common;

namespace Kaarya.Domain.Programmes;

/// <summary>A phase as the manager adds it, or changes it (<see cref="PhaseId"/> set).</summary>
public sealed class PhaseInput
{
    public Guid? PhaseId { get; set; }

    public string Name { get; set; } = string.Empty;

    public DateOnly? StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }
}

public sealed class PhaseInputValidator : AbstractValidator<PhaseInput>
{
    public PhaseInputValidator()
    {
        RuleFor(x => x.Name).RequiredText("The phase's name", TextLimits.Name);
        RuleFor(x => x.StartsOn).NotNull().WithMessage("Enter the day the phase starts.");
        RuleFor(x => x.EndsOn).NotNull().WithMessage("Enter the day the phase ends.")
            .GreaterThanOrEqualTo(x => x.StartsOn).When(x => x.StartsOn is not null).WithMessage("A phase must end on or after the day it starts.");
    }
}
