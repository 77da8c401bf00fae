using Kaarya.Domain.Common;

namespace Kaarya.Domain.Businesses;

public enum CashBookEntryKind
{
    Sale = 1,
    Expense = 2,
}

/// <summary>
/// A line of the simple cash book a survivor keeps with her mentor ("Asma is learning to
/// maintain accounts of her business"); it feeds the Performance part of the 4P.
/// </summary>
public sealed class CashBookEntry : AuditableEntity
{
    private CashBookEntry()
    {
        Note = string.Empty;
    }

    public CashBookEntry(Business business, DateOnly on, CashBookEntryKind kind, Money amount, string note)
    {
        ArgumentNullException.ThrowIfNull(business);
        Rule.Require(amount.IsPositive, "cashbook-amount", "A sale or an expense is more than ₹0.00.");
        BusinessId = business.Id;
        On = on;
        Kind = kind;
        Amount = amount;
        Note = Rule.OptionalText(note, "The note", TextLimits.Line);
    }

    public Guid BusinessId { get; private set; }

    public DateOnly On { get; private set; }

    public CashBookEntryKind Kind { get; private set; }

    public Money Amount { get; private set; }

    public string Note { get; private set; }

    /// <summary>The entry's effect on cash: sales add, expenses take away.</summary>
    public Money SignedAmount => Kind == CashBookEntryKind.Sale ? Amount : -Amount;

    public static (Money Sales, Money Expenses, Money Net) Totals(IEnumerable<CashBookEntry> entries)
    {
        var list = entries.ToList();
        var sales = Money.Sum(list.Where(e => e.Kind == CashBookEntryKind.Sale).Select(e => e.Amount));
        var expenses = Money.Sum(list.Where(e => e.Kind == CashBookEntryKind.Expense).Select(e => e.Amount));
        return (sales, expenses, sales - expenses);
    }
}
