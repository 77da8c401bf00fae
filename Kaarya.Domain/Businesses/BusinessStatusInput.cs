using FluentValidation;
using Kaarya.Domain.Common;

namespace Kaarya.Domain.Businesses;

/// <summary>What staff can do to a business's status.</summary>
public enum StatusChange
{
    Pause = 1,
    Resume = 2,
    Close = 3,
}

/// <summary>A business paused, resumed or closed on a date, with its cause and what happened.</summary>
public sealed class BusinessStatusInput
{
    public Guid BusinessId { get; set; }

    public StatusChange Change { get; set; } = StatusChange.Pause;

    public DateOnly? On { get; set; }

    /// <summary>The cause from the programme's list; none for a resumption.</summary>
    public Guid? CauseId { get; set; }

    public string Note { get; set; } = string.Empty;
}

public sealed class BusinessStatusInputValidator : AbstractValidator<BusinessStatusInput>
{
    public BusinessStatusInputValidator()
    {
        RuleFor(x => x.BusinessId).NotEmpty();
        RuleFor(x => x.Change).IsInEnum();
        RuleFor(x => x.On).NotNull().WithMessage("Enter the date.");
        RuleFor(x => x.CauseId).NotNull().When(x => x.Change != StatusChange.Resume).WithMessage("Choose the cause.");
        RuleFor(x => x.Note).MaximumLength(TextLimits.Line).WithMessage($"The note is longer than {TextLimits.Line} characters.");
    }
}
