using FluentValidation;

namespace Kaarya.Domain.Participants;

/// <summary>The staff member responsible for a participant.</summary>
public sealed class SocialWorkerInput
{
    public Guid ParticipantId { get; set; }

    public string SocialWorker { get; set; } = string.Empty;
}

public sealed class SocialWorkerInputValidator : AbstractValidator<SocialWorkerInput>
{
    public SocialWorkerInputValidator()
    {
        RuleFor(x => x.ParticipantId).NotEmpty().WithMessage("Choose the participant.");
        RuleFor(x => x.SocialWorker).NotEmpty().WithMessage("Choose the social worker.");
    }
}
