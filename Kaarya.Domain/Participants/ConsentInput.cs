using FluentValidation;

namespace Kaarya.Domain.Participants;

/// <summary>Her consent for one purpose given, renewed or withdrawn on a day, and when a given consent lapses.</summary>
public sealed class ConsentInput
{
    public Guid ParticipantId { get; set; }

    public ConsentPurpose Purpose { get; set; } = ConsentPurpose.SharedWithFunder;

    public bool Granted { get; set; } = true;

    public DateOnly? On { get; set; }

    public DateOnly? ExpiresOn { get; set; }
}

public sealed class ConsentInputValidator : AbstractValidator<ConsentInput>
{
    public ConsentInputValidator()
    {
        RuleFor(x => x.ParticipantId).NotEmpty();
        RuleFor(x => x.Purpose).IsInEnum();
        RuleFor(x => x.On).NotNull().WithMessage("Enter the day she gave or withdrew her consent.");
        RuleFor(x => x.ExpiresOn).GreaterThan(x => x.On).When(x => x.ExpiresOn is not null && x.On is not null)
            .WithMessage("A consent expires after the day it is given.");
    }
}
