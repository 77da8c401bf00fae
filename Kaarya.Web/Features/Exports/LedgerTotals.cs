using Kaarya.Domain.Common;
using Kaarya.Web.Features.Exports.Xlsx;

namespace Kaarya.Web.Features.Exports;

/// <summary>A business's money in the workbook's entries. Reversals are negative, as in the ledger.</summary>
public sealed record BusinessMoney(Money Disbursed, Money Reversed)
{
    public Money Net => Disbursed + Reversed;
}

/// <summary>
/// The workbook's figures, added up entry by entry as the Ledger sheet is streamed, so that the
/// other sheets need no second pass over the ledger. Funders and phases are keyed by name
/// without regard to case, exactly as the Summary sheet's SUMIFS formulas match them, so a
/// formula's stored value is what a spreadsheet computes.
/// </summary>
public sealed class LedgerTotals
{
    private readonly Dictionary<Guid, BusinessMoney> _byBusiness = [];
    private readonly Dictionary<(string Funder, DateOnly Month), Money> _byFunderMonth = new(new FunderMonthComparer());
    private readonly Dictionary<string, BusinessMoney> _byPhase = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<Guid, BusinessMoney> _byFunder = [];
    private readonly Dictionary<Guid, Money> _netByDecision = [];

    public long Entries { get; private set; }

    public Money Disbursed { get; private set; }

    /// <summary>Reversals in the period, as a negative amount.</summary>
    public Money Reversed { get; private set; }

    public Money Net => Disbursed + Reversed;

    /// <summary>The month of the earliest and of the latest value date, if any entry was added.</summary>
    public (DateOnly First, DateOnly Last)? Months { get; private set; }

    public void Add(LedgerExportRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        Entries++;
        var amount = row.Amount;
        var disbursed = amount.IsPositive ? amount : Money.Zero;
        var reversed = amount.IsNegative ? amount : Money.Zero;
        Disbursed += disbursed;
        Reversed += reversed;

        Accumulate(_byBusiness, row.BusinessId, disbursed, reversed);
        Accumulate(_byFunder, row.FunderId, disbursed, reversed);
        Accumulate(_byPhase, row.Phase, disbursed, reversed);
        var month = ExcelValues.FirstOfMonth(row.ValueDate);
        var key = (row.Funder, month);
        _byFunderMonth[key] = _byFunderMonth.GetValueOrDefault(key) + amount;
        _netByDecision[row.DecisionId] = _netByDecision.GetValueOrDefault(row.DecisionId) + amount;
        Months = Months is { } known
            ? (month < known.First ? month : known.First, month > known.Last ? month : known.Last)
            : (month, month);
    }

    public BusinessMoney ForBusiness(Guid businessId) => _byBusiness.GetValueOrDefault(businessId) ?? Nothing;

    public IEnumerable<Guid> Businesses => _byBusiness.Keys;

    public BusinessMoney ForFunder(Guid funderId) => _byFunder.GetValueOrDefault(funderId) ?? Nothing;

    public BusinessMoney ForPhase(string phase) => _byPhase.GetValueOrDefault(phase) ?? Nothing;

    public Money ForFunderInMonth(string funder, DateOnly month) => _byFunderMonth.GetValueOrDefault((funder, month));

    /// <summary>Net of all entries whose funder has this name, in any month.</summary>
    public Money ForFunderName(string funder) =>
        Money.Sum(_byFunderMonth.Where(p => string.Equals(p.Key.Funder, funder, StringComparison.OrdinalIgnoreCase)).Select(p => p.Value));

    public Money PaidAgainst(Guid decisionId) => _netByDecision.GetValueOrDefault(decisionId);

    /// <summary>Every month from the first entry's to the last one's, so an idle month shows as a zero.</summary>
    public IReadOnlyList<DateOnly> MonthsCovered()
    {
        if (Months is not { } range)
        {
            return [];
        }

        var months = new List<DateOnly>();
        for (var month = range.First; month <= range.Last; month = month.AddMonths(1))
        {
            months.Add(month);
        }

        return months;
    }

    private static readonly BusinessMoney Nothing = new(Money.Zero, Money.Zero);

    private static void Accumulate<TKey>(Dictionary<TKey, BusinessMoney> totals, TKey key, Money disbursed, Money reversed)
        where TKey : notnull
    {
        var before = totals.GetValueOrDefault(key) ?? Nothing;
        totals[key] = new BusinessMoney(before.Disbursed + disbursed, before.Reversed + reversed);
    }

    private sealed class FunderMonthComparer : IEqualityComparer<(string Funder, DateOnly Month)>
    {
        public bool Equals((string Funder, DateOnly Month) x, (string Funder, DateOnly Month) y) =>
            x.Month == y.Month && string.Equals(x.Funder, y.Funder, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string Funder, DateOnly Month) obj) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Funder), obj.Month);
    }
}
