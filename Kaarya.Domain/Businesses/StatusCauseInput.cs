using FluentValidation;
using Kaarya.Domain.Common;

namespace Kaarya.Domain.Businesses;

/// <summary>A cause the manager adds to the programme's list.</summary>
public sealed class StatusCauseInput
{
    public string Name { get; set; } = string.Empty;

    public bool NeedsNote { get; set; }
}

public sealed class StatusCauseInputValidator : AbstractValidator<StatusCauseInput>
{
    public StatusCauseInputValidator()
    {
        RuleFor(x => x.Name).RequiredText("The cause", TextLimits.Name);
    }
}
