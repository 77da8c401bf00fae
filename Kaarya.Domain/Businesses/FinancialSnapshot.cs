using Kaarya.Domain.Common;

namespace Kaarya.Domain.Businesses;

/// <summary>
/// Assets, liabilities, loans and insurance of a business on one day, as the third workshop
/// taught survivors to take stock of them.
/// </summary>
public sealed class FinancialSnapshot : AuditableEntity
{
    private FinancialSnapshot()
    {
        InsuranceNote = string.Empty;
    }

    public FinancialSnapshot(Business business, DateOnly takenOn, Money assets, Money liabilities, Money loansOutstanding, bool insured, string insuranceNote)
    {
        ArgumentNullException.ThrowIfNull(business);
        Rule.Require(!assets.IsNegative && !liabilities.IsNegative && !loansOutstanding.IsNegative,
            "snapshot-negative", "Assets, liabilities and loans are written as amounts of ₹0.00 or more.");
        BusinessId = business.Id;
        TakenOn = takenOn;
        Assets = assets;
        Liabilities = liabilities;
        LoansOutstanding = loansOutstanding;
        Insured = insured;
        InsuranceNote = Rule.OptionalText(insuranceNote, "The insurance note", TextLimits.Line);
    }

    public Guid BusinessId { get; private set; }

    public DateOnly TakenOn { get; private set; }

    public Money Assets { get; private set; }

    public Money Liabilities { get; private set; }

    public Money LoansOutstanding { get; private set; }

    public bool Insured { get; private set; }

    public string InsuranceNote { get; private set; }

    /// <summary>What the business owns less all it owes.</summary>
    public Money NetWorth => Assets - Liabilities - LoansOutstanding;
}
