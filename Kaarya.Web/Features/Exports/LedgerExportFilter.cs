using System.Globalization;
using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;

namespace Kaarya.Web.Features.Exports;

/// <summary>
/// Which part of the ledger a workbook holds: a period of value dates (either end may be open),
/// one phase or all, one funder or all, and whether participants' real names appear beside
/// their codes (a programme manager's grant for this one export).
/// </summary>
public sealed record LedgerExportFilter(
    DateOnly? From = null,
    DateOnly? To = null,
    Guid? PhaseId = null,
    Guid? FunderId = null,
    bool IncludeNames = false)
{
    public void EnsureValid()
    {
        Rule.Require(From is null || To is null || From <= To, "period-reversed",
            $"The period ends ({Show(To)}) before it starts ({Show(From)}); choose the first day, then the last.");
    }

    /// <summary>Whether an entry belongs to the chosen phase and funder, whatever its date.</summary>
    public bool InScope(LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return (PhaseId is null || entry.PhaseId == PhaseId) && (FunderId is null || entry.FunderId == FunderId);
    }

    public bool InPeriod(DateOnly valueDate) => (From is null || valueDate >= From) && (To is null || valueDate <= To);

    /// <summary>Whether an entry is in the workbook: in scope and dated inside the period.</summary>
    public bool Matches(LedgerEntry entry) => InScope(entry) && InPeriod(entry.ValueDate);

    /// <summary>The same choice as <see cref="InScope"/>, for the database to make.</summary>
    internal IQueryable<LedgerEntry> Scope(IQueryable<LedgerEntry> entries)
    {
        if (PhaseId is { } phase)
        {
            entries = entries.Where(e => e.PhaseId == phase);
        }

        if (FunderId is { } funder)
        {
            entries = entries.Where(e => e.FunderId == funder);
        }

        return entries;
    }

    /// <summary>The same choice as <see cref="Matches"/>, for the database to make.</summary>
    internal IQueryable<LedgerEntry> Apply(IQueryable<LedgerEntry> entries)
    {
        entries = Scope(entries);
        if (From is { } from)
        {
            entries = entries.Where(e => e.ValueDate >= from);
        }

        if (To is { } to)
        {
            entries = entries.Where(e => e.ValueDate <= to);
        }

        return entries;
    }

    /// <summary>The period in words, e.g. "value dates 01-08-2013 to 30-09-2013".</summary>
    public string DescribePeriod() => (From, To) switch
    {
        (null, null) => "all value dates",
        ({ } from, null) => $"value dates from {DateFormats.Show(from)}",
        (null, { } to) => $"value dates up to {DateFormats.Show(to)}",
        ({ } from, { } to) => $"value dates {DateFormats.Show(from)} to {DateFormats.Show(to)}",
    };

    /// <summary>A file name that says what the workbook holds, e.g. kaarya-ledger-2013-08-01-to-2013-09-30.xlsx.</summary>
    public string FileName()
    {
        var name = "kaarya-ledger";
        if (From is { } from)
        {
            name += "-from-" + from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (To is { } to)
        {
            name += "-to-" + to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return name + ".xlsx";
    }

    private static string Show(DateOnly? date) => date is { } d ? DateFormats.Show(d) : "open";
}
