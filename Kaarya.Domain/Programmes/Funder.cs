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

    public void Rename(string name) => Name = Rule.RequiredText(name, "The funder's name", TextLimits.Name);
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

    /// <summary>A new budget for a phase that already has decisions: it must still cover them.</summary>
    public FunderBudget(Funder funder, Phase phase, Money amount, BudgetCommitments commitments)
        : this(funder, phase, amount)
    {
        ArgumentNullException.ThrowIfNull(commitments);
        commitments.MustBeCovered(amount);
    }

    /// <summary>Sets the budget to a new amount, never below what is already committed against it.</summary>
    public void ChangeAmount(Money amount, BudgetCommitments commitments)
    {
        ArgumentNullException.ThrowIfNull(commitments);
        Rule.Require(amount.IsPositive, "budget-not-positive", "A budget must be more than ₹0.00.");
        commitments.MustBeCovered(amount);
        Amount = amount;
    }

    public Guid FunderId { get; private set; }

    public Guid PhaseId { get; private set; }

    public Money Amount { get; private set; }

    /// <summary>What is left once the net disbursed amount (postings less reversals) is taken away.</summary>
    public Money Remaining(Money netDisbursed) => Amount - netDisbursed;
}

/// <summary>
/// What a funder's budget for a phase must still cover: what is paid or asked for against this
/// funder in the phase, and (with the other funders' budgets in the phase) what the phase's
/// immediate decisions have promised.
/// </summary>
/// <param name="PaidOrRequested">Net paid plus requests waiting for approval, against this funder in the phase.</param>
/// <param name="DecidedInPhase">What the phase's immediate decisions come to, whoever pays them.</param>
/// <param name="OtherBudgetsInPhase">What the other funders give the phase.</param>
public sealed record BudgetCommitments(Money PaidOrRequested, Money DecidedInPhase, Money OtherBudgetsInPhase)
{
    public static BudgetCommitments None { get; } = new(Money.Zero, Money.Zero, Money.Zero);

    public void MustBeCovered(Money amount)
    {
        Rule.Require(amount >= PaidOrRequested, "budget-below-commitments", "paid",
            $"{amount.ToShortString()} is below the {PaidOrRequested.ToShortString()} already paid or asked for against this budget.");
        var phaseBudget = amount + OtherBudgetsInPhase;
        Rule.Require(phaseBudget >= DecidedInPhase, "budget-below-commitments", "decided",
            $"With {amount.ToShortString()}, the phase's budgets come to {phaseBudget.ToShortString()}, below the {DecidedInPhase.ToShortString()} its decisions have promised.");
    }
}
