using Kaarya.Domain.Common;

namespace Kaarya.Domain.Programmes;

/// <summary>
/// An organisation whose money reaches survivors' businesses: funder -> programme budget ->
/// seed-fund disbursements.
/// </summary>
public sealed class Funder : AuditableEntity
{
    private Funder()
    {
        Name = string.Empty;
    }

    public Funder(string name)
    {
        Name = Rule.RequiredText(name, "The funder's name", TextLimits.Name);
    }

    public string Name { get; private set; }
}

/// <summary>What one funder gives the programme for one phase.</summary>
public sealed class FunderBudget : AuditableEntity
{
    private FunderBudget()
    {
    }

    public FunderBudget(Funder funder, Phase phase, Money amount)
    {
        ArgumentNullException.ThrowIfNull(funder);
        ArgumentNullException.ThrowIfNull(phase);
        Rule.Require(amount.IsPositive, "budget-not-positive", "A budget must be more than ₹0.00.");
        FunderId = funder.Id;
        PhaseId = phase.Id;
        Amount = amount;
    }

    public Guid FunderId { get; private set; }

    public Guid PhaseId { get; private set; }

    public Money Amount { get; private set; }

    /// <summary>What is left once the net disbursed amount (postings less reversals) is taken away.</summary>
    public Money Remaining(Money netDisbursed) => Amount - netDisbursed;
}
