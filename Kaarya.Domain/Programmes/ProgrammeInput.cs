using FluentValidation;
using Kaarya.Domain.Common;

namespace Kaarya.Domain.Programmes;

/// <summary>The programme's name, as the manager sets it up or renames it.</summary>
public sealed class ProgrammeInput
{
    public string Name { get; set; } = string.Empty;
}

public sealed class ProgrammeInputValidator : AbstractValidator<ProgrammeInput>
{
    public ProgrammeInputValidator()
    {
        RuleFor(x => x.Name).RequiredText("The programme's name", TextLimits.Name);
    }
}
