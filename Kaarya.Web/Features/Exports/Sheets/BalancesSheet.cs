using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Domain.Participants;
using Kaarya.Web.Features.Exports.Xlsx;

namespace Kaarya.Web.Features.Exports.Sheets;

/// <summary>One business's line on the Balances sheet.</summary>
public sealed record BalanceLine(
    ParticipantCode ParticipantCode, string? ParticipantName, string Business,
    Money Decided, Money Disbursed, Money Reversed, Money Utilised)
{
    public Money Net => Disbursed + Reversed;

    /// <summary>Money paid and not yet accounted for, by the domain's own rule.</summary>
    public Money Unexplained => new UtilisationPosition(Net, Utilised).Unexplained;
}

/// <summary>
/// The Balances sheet: per business, what was decided (immediate decisions in the register),
/// disbursed and reversed (the workbook's entries), the net, what the survivor reported using,
/// and what is left unexplained. A business appears if it has a decision in the register or an
/// entry in the workbook. The totals row sums the column with a live formula.
/// </summary>
public static class BalancesSheet
{
    public const string Name = "Balances";

    private static readonly string[] Headings = ["Business", "Decided", "Disbursed", "Reversed", "Net", "Utilised", "Unexplained"];

    public static IReadOnlyList<BalanceLine> Lines(
        LedgerSnapshot snapshot, LedgerTotals totals, IReadOnlyList<DecisionExportRow> decisions, IReadOnlyList<UtilisationExportRow> uses)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(totals);
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentNullException.ThrowIfNull(uses);
        var decided = decisions.GroupBy(d => d.BusinessId).ToDictionary(g => g.Key, g => Money.Sum(g.Select(d => d.Committed)));
        var utilised = uses.GroupBy(u => u.BusinessId).ToDictionary(g => g.Key, g => Money.Sum(g.Select(u => u.Amount)));
        return totals.Businesses.Concat(decided.Keys).Distinct()
            .Select(id =>
            {
                var (code, name, business) = snapshot.OwnerOf(id);
                var money = totals.ForBusiness(id);
                return new BalanceLine(code, name, business, decided.GetValueOrDefault(id), money.Disbursed, money.Reversed, utilised.GetValueOrDefault(id));
            })
            .OrderBy(l => l.ParticipantCode.Value, StringComparer.Ordinal).ThenBy(l => l.Business, StringComparer.Ordinal)
            .ToList();
    }

    public static SheetBuilder Build(IReadOnlyList<BalanceLine> lines, bool withNames)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var sheet = new SheetBuilder();
        var header = new List<XCell> { XCell.Of("Participant", XlStyle.Header) };
        if (withNames)
        {
            header.Add(XCell.Of("Name", XlStyle.Header));
        }

        header.AddRange(Headings.Select(h => XCell.Of(h, XlStyle.Header)));
        sheet.Row([.. header]);
        var firstMoney = withNames ? 3 : 2;

        foreach (var line in lines)
        {
            var cells = new List<XCell> { XCell.Of(line.ParticipantCode.Value) };
            if (withNames)
            {
                cells.Add(XCell.Of(line.ParticipantName));
            }

            cells.Add(XCell.Of(line.Business));
            cells.AddRange(Amounts(line).Select(m => XCell.Rupees(m)));
            sheet.Row([.. cells]);
        }

        var total = new List<XCell> { XCell.Of("Total", XlStyle.Bold) };
        total.AddRange(Enumerable.Repeat(XCell.Blank, firstMoney - 1));
        var lastRow = sheet.NextRow - 1;
        for (var i = 0; i < 6; i++)
        {
            var column = i;
            var sum = Money.Sum(lines.Select(l => Amounts(l)[column]));
            total.Add(lines.Count == 0
                ? XCell.Rupees(sum, XlStyle.BoldMoney)
                : XCell.RupeeFormula(Formulas.Sum(firstMoney + i, 2, lastRow), sum, XlStyle.BoldMoney));
        }

        sheet.Row([.. total]);
        return sheet;
    }

    private static Money[] Amounts(BalanceLine line) =>
        [line.Decided, line.Disbursed, line.Reversed, line.Net, line.Utilised, line.Unexplained];
}
