using FluentValidation;

namespace Kaarya.Domain.Participants;

/// <summary>The last day a mentor sits with a survivor.</summary>
public sealed class EndAssignmentInput
{
    public Guid AssignmentId { get; set; }

    public DateOnly? On { get; set; }
}

public sealed class EndAssignmentInputValidator : AbstractValidator<EndAssignmentInput>
{
    public EndAssignmentInputValidator()
    {
        RuleFor(x => x.AssignmentId).NotEmpty();
        RuleFor(x => x.On).NotNull().WithMessage("Enter the last day of the assignment.");
    }
}
