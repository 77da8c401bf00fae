using FluentValidation;
using Kaarya.Domain.Common;

namespace Kaarya.Domain.Programmes;

/// <summary>A funder as the manager adds it, or renames it (<see cref="FunderId"/> set).</summary>
public sealed class FunderInput
{
    public Guid? FunderId { get; set; }

    public string Name { get; set; } = string.Empty;
}

public sealed class FunderInputValidator : AbstractValidator<FunderInput>
{
    public FunderInputValidator()
    {
        RuleFor(x => x.Name).RequiredText("The funder's name", TextLimits.Name);
    }
}
