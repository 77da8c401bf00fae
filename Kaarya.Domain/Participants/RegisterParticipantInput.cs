using FluentValidation;
using Kaarya.Domain.Common;

namespace Kaarya.Domain.Participants;

/// <summary>What staff fill in to register a survivor.</summary>
public sealed class RegisterParticipantInput
{
    public string Code { get; set; } = string.Empty;

    public string GivenName { get; set; } = string.Empty;

    public string Village { get; set; } = string.Empty;

    public string Block { get; set; } = string.Empty;

    public bool ConsentsToDataKept { get; set; }

    public bool ConsentsToPhotos { get; set; }

    public bool ConsentsToSharingWithFunder { get; set; }

    public DateOnly? ConsentedOn { get; set; }
}

public sealed class RegisterParticipantInputValidator : AbstractValidator<RegisterParticipantInput>
{
    public RegisterParticipantInputValidator()
    {
        RuleFor(x => x.Code).NotEmpty().WithMessage("Enter her participant code.")
            .Must(code => Attempt(() => ParticipantCode.Create(code))).WithMessage("Codes look like KAA-07.");
        RuleFor(x => x.GivenName).RequiredText("Her given name", TextLimits.Name);
        RuleFor(x => x.Village).RequiredText("The village", TextLimits.Name);
        RuleFor(x => x.Block).MaximumLength(TextLimits.Name).WithMessage($"The block is longer than {TextLimits.Name} characters.");
        RuleFor(x => x.ConsentsToDataKept).Equal(true)
            .WithMessage("The programme keeps her data only with her consent; record it before registering her.");
        RuleFor(x => x.ConsentedOn).NotNull().WithMessage("Enter the date she gave consent.");
    }

    private static bool Attempt(Action create)
    {
        try
        {
            create();
            return true;
        }
        catch (DomainException)
        {
            return false;
        }
    }
}
