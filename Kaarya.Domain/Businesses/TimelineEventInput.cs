using FluentValidation;
using Kaarya.Domain.Common;

namespace Kaarya.Domain.Businesses;

/// <summary>What staff write down for a sun or a cloud beside a business.</summary>
public sealed class TimelineEventInput
{
    public Guid BusinessId { get; set; }

    public TimelineEventKind? Kind { get; set; }

    public TimelineCategory? Category { get; set; }

    public DateOnly? OccurredOn { get; set; }

    public string Text { get; set; } = string.Empty;
}

public sealed class TimelineEventInputValidator : AbstractValidator<TimelineEventInput>
{
    public TimelineEventInputValidator()
    {
        RuleFor(x => x.BusinessId).NotEmpty();
        RuleFor(x => x.Kind).NotNull().WithMessage("Choose sun or cloud.").IsInEnum();
        RuleFor(x => x.Category).NotNull().WithMessage("Choose what kind of event it was.").IsInEnum();
        RuleFor(x => x.OccurredOn).NotNull().WithMessage("Enter when it happened.");
        RuleFor(x => x.Text).RequiredText("What happened", TextLimits.Passage);
    }
}
