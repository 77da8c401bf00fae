using FluentValidation;
using Kaarya.Domain.Common;

namespace Kaarya.Domain.Participants;

/// <summary>A mentor assigned to a survivor from a date.</summary>
public sealed class MentorAssignmentInput
{
    public Guid ParticipantId { get; set; }

    public string Mentor { get; set; } = string.Empty;

    public DateOnly? From { get; set; }
}

public sealed class MentorAssignmentInputValidator : AbstractValidator<MentorAssignmentInput>
{
    public MentorAssignmentInputValidator()
    {
        RuleFor(x => x.ParticipantId).NotEmpty().WithMessage("Choose the survivor.");
        RuleFor(x => x.Mentor).NotEmpty().WithMessage("Choose the mentor.");
        RuleFor(x => x.From).NotNull().WithMessage("Enter the day the assignment starts.");
    }
}
