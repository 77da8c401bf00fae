using FluentValidation;
using Kaarya.Domain.Common;

namespace Kaarya.Domain.Funding;

/// <summary>What staff fill in when the discussion a delayed decision waited for has taken place.</summary>
public sealed class FamilyDiscussionInput
{
    public Guid DecisionId { get; set; }

    public DateOnly? DiscussedOn { get; set; }

    /// <summary>Who took part: "her husband and mother-in-law, the social worker".</summary>
    public string WhoTookPart { get; set; } = string.Empty;

    /// <summary>What it came to; what follows (money now, or none) is a new decision.</summary>
    public string Outcome { get; set; } = string.Empty;
}

public sealed class FamilyDiscussionInputValidator : AbstractValidator<FamilyDiscussionInput>
{
    public FamilyDiscussionInputValidator()
    {
        RuleFor(x => x.DecisionId).NotEmpty();
        RuleFor(x => x.DiscussedOn).NotNull().WithMessage("Enter the date of the discussion.");
        RuleFor(x => x.WhoTookPart).RequiredText("Who took part", TextLimits.Line);
        RuleFor(x => x.Outcome).RequiredText("What the discussion came to", TextLimits.Passage);
    }
}
