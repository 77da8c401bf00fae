using FluentValidation;
using Kaarya.Domain.Common;

namespace Kaarya.Domain.Funding;

/// <summary>What staff fill in when a survivor reports how she used a disbursement.</summary>
public sealed class UtilisationInput
{
    public long LedgerSequence { get; set; }

    public DateOnly? ReportedOn { get; set; }

    public List<UtilisationItemInput> Items { get; set; } = [];
}

public sealed class UtilisationItemInput : IAmountLineInput
{
    public string Description { get; set; } = string.Empty;

    /// <summary>As typed: "6,000" or "6000".</summary>
    public string Amount { get; set; } = string.Empty;
}

public sealed class UtilisationInputValidator : AbstractValidator<UtilisationInput>
{
    public UtilisationInputValidator()
    {
        RuleFor(x => x.LedgerSequence).GreaterThan(0).WithMessage("Choose the disbursement this report is about.");
        RuleFor(x => x.ReportedOn).NotNull().WithMessage("Enter the date of the report.");
        RuleFor(x => x.Items).NotEmpty().WithMessage("List at least one use of the money.");
        RuleForEach(x => x.Items).SetValidator(new UtilisationItemInputValidator());
    }
}

public sealed class UtilisationItemInputValidator : AbstractValidator<UtilisationItemInput>
{
    public UtilisationItemInputValidator()
    {
        RuleFor(i => i.Description).RequiredText("What the money was used for", TextLimits.Line);
        RuleFor(i => i.Amount).MustBeRupees();
    }
}
