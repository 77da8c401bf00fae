using FluentValidation;
using Kaarya.Domain.Common;

namespace Kaarya.Domain.Businesses;

/// <summary>What staff fill in to register a survivor's business.</summary>
public sealed class RegisterBusinessInput
{
    public Guid ParticipantId { get; set; }

    public string Name { get; set; } = string.Empty;

    public BusinessType? Type { get; set; }

    public string Location { get; set; } = string.Empty;

    public DateOnly? StartedOn { get; set; }
}

public sealed class RegisterBusinessInputValidator : AbstractValidator<RegisterBusinessInput>
{
    public RegisterBusinessInputValidator()
    {
        RuleFor(x => x.ParticipantId).NotEmpty().WithMessage("Choose the participant whose business this is.");
        RuleFor(x => x.Name).RequiredText("The business's name", TextLimits.Name);
        RuleFor(x => x.Type).NotNull().WithMessage("Choose the kind of business.")
            .IsInEnum().WithMessage("Choose the kind of business.");
        RuleFor(x => x.Location).RequiredText("The location", TextLimits.Name);
        RuleFor(x => x.StartedOn).NotNull().WithMessage("Enter the date the business started.");
    }
}
