using Kaarya.Domain.Common;

namespace Kaarya.Domain.Funding;

/// <summary>One use the survivor made of the money, e.g. "20 chicks" or "sewing machine repair".</summary>
public sealed record UtilisationItem
{
    public UtilisationItem(string description, Money amount)
    {
        Description = Rule.RequiredText(description, "What the money was used for", TextLimits.Line);
        Rule.Require(amount.IsPositive, "use-not-positive", $"The amount for \"{Description}\" must be more than ₹0.");
        Amount = amount;
    }

    public string Description { get; private init; }

    public Money Amount { get; private init; }
}

/// <summary>
/// How a survivor used one disbursement, reported at the next workshop against her plan. Several
/// reports may follow one disbursement; together they never account for more than was paid.
/// </summary>
public sealed class UtilisationReport : AuditableEntity
{
    private readonly List<UtilisationItem> _items = [];

    private UtilisationReport()
    {
        RecordedBy = string.Empty;
    }

    public UtilisationReport(LedgerEntry disbursement, bool disbursementReversed, Money alreadyReported, DateOnly reportedOn, Actor recordedBy, IEnumerable<UtilisationItem> items)
    {
        ArgumentNullException.ThrowIfNull(disbursement);
        ArgumentNullException.ThrowIfNull(recordedBy);
        ArgumentNullException.ThrowIfNull(items);
        recordedBy.MustKeepRecords();
        Rule.Require(disbursement.Kind == LedgerEntryKind.Disbursement, "report-on-reversal", "Utilisation is reported against a disbursement, not a reversal.");
        Rule.Require(!disbursementReversed, "report-on-reversed", $"Entry #{disbursement.Sequence} was reversed; there is no money to report on.");
        Rule.Require(reportedOn >= disbursement.ValueDate, "report-before-payment", "Utilisation cannot be reported before the money was paid.");
        _items.AddRange(items);
        Rule.Require(_items.Count > 0, "no-uses", "List at least one use of the money.");

        var position = new UtilisationPosition(disbursement.Amount, alreadyReported + Total);
        Rule.Require(!position.IsOverReported, "over-reported",
            $"The uses add up to {position.Reported.ToShortString()}, more than the {disbursement.Amount.ToShortString()} paid in entry #{disbursement.Sequence}.");

        LedgerSequence = disbursement.Sequence;
        BusinessId = disbursement.BusinessId;
        ReportedOn = reportedOn;
        RecordedBy = recordedBy.UserId;
    }

    public long LedgerSequence { get; private set; }

    public Guid BusinessId { get; private set; }

    public DateOnly ReportedOn { get; private set; }

    public string RecordedBy { get; private set; }

    public IReadOnlyList<UtilisationItem> Items => _items.AsReadOnly();

    public Money Total => Money.Sum(_items.Select(i => i.Amount));
}

/// <summary>When the survivor is expected to report how she used a disbursement: at the next workshop.</summary>
public static class UtilisationDue
{
    /// <summary>Workshops are held about every three months; a report is due by then.</summary>
    public const int DaysAfterPayment = 90;

    public static DateOnly For(DateOnly valueDate) => valueDate.AddDays(DaysAfterPayment);

    public static bool IsOverdue(DateOnly valueDate, DateOnly today) => For(valueDate) < today;

    /// <summary>The value dates whose reports are overdue today: those before this day.</summary>
    public static DateOnly OverdueIfPaidBefore(DateOnly today) => today.AddDays(-DaysAfterPayment);
}

/// <summary>Money paid against money accounted for; what is left is the unexplained balance.</summary>
public readonly record struct UtilisationPosition(Money Disbursed, Money Reported)
{
    public Money Unexplained => Reported >= Disbursed ? Money.Zero : Disbursed - Reported;

    public bool IsOverReported => Reported > Disbursed;
}
