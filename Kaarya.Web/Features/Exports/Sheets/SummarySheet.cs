using Kaarya.Domain.Common;
using Kaarya.Web.Features.Exports.Xlsx;

namespace Kaarya.Web.Features.Exports.Sheets;

/// <summary>
/// The Summary sheet: net paid by funder and month, and disbursed, reversed and net by phase.
/// Every figure is a live SUMIFS over the Ledger table, so an auditor can see how it is made and
/// Excel recomputes it on opening; each formula also carries the value it comes to, for readers
/// that do not recalculate. A last line checks the funder totals against the whole table.
/// </summary>
public static class SummarySheet
{
    public const string Name = "Summary";

    public static SheetBuilder Build(LedgerSnapshot snapshot, LedgerTotals totals)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(totals);
        var sheet = new SheetBuilder();
        var amount = Formulas.Column(LedgerSheet.Amount);

        // By funder and month of value date.
        sheet.Row(XCell.Title("Net paid by funder and month of value date"));
        var headerRow = sheet.NextRow;
        var months = totals.MonthsCovered();
        var funders = snapshot.Funders.Select(f => f.Name).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        sheet.Row([XCell.Of("Funder", XlStyle.Header), .. months.Select(m => XCell.Month(m, XlStyle.HeaderMonth)), XCell.Of("Total", XlStyle.Header)]);
        var firstFunderRow = sheet.NextRow;
        foreach (var funder in funders)
        {
            var row = sheet.NextRow;
            var cells = new List<XCell> { XCell.Of(funder) };
            for (var i = 0; i < months.Count; i++)
            {
                // The month's first day heads the column: value dates from it to the next month's first day.
                var month = $"{SheetWriter.ColumnName(i + 1)}${headerRow}";
                var valueDate = Formulas.Column(LedgerSheet.ValueDate);
                var formula = $"SUMIFS({amount},{Formulas.Column(LedgerSheet.Funder)},$A{row},{valueDate},\">=\"&{month},{valueDate},\"<\"&EDATE({month},1))";
                cells.Add(XCell.RupeeFormula(formula, totals.ForFunderInMonth(funder, months[i])));
            }

            cells.Add(XCell.RupeeFormula($"SUMIFS({amount},{Formulas.Column(LedgerSheet.Funder)},$A{row})", totals.ForFunderName(funder), XlStyle.BoldMoney));
            sheet.Row([.. cells]);
        }

        var lastFunderRow = sheet.NextRow - 1;
        var totalCells = new List<XCell> { XCell.Of("Total", XlStyle.Bold) };
        for (var i = 0; i <= months.Count; i++)
        {
            var inColumn = i < months.Count
                ? Money.Sum(funders.Select(f => totals.ForFunderInMonth(f, months[i])))
                : Money.Sum(funders.Select(totals.ForFunderName));
            totalCells.Add(funders.Count == 0
                ? XCell.Rupees(inColumn, XlStyle.BoldMoney)
                : XCell.RupeeFormula(Formulas.Sum(i + 1, firstFunderRow, lastFunderRow), inColumn, XlStyle.BoldMoney));
        }

        var fundersTotalRow = sheet.NextRow;
        sheet.Row([.. totalCells]);
        var fundersTotalCell = Formulas.Cell(months.Count + 1, fundersTotalRow);
        var fundersTotal = Money.Sum(funders.Select(totals.ForFunderName));

        // By phase.
        sheet.Gap();
        sheet.Row(XCell.Title("Paid by phase"));
        sheet.Row(XCell.Of("Phase", XlStyle.Header), XCell.Of("Disbursed", XlStyle.Header), XCell.Of("Reversed", XlStyle.Header), XCell.Of("Net", XlStyle.Header));
        var firstPhaseRow = sheet.NextRow;
        var phases = snapshot.Phases.Select(p => p.Name).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var phase in phases)
        {
            var row = sheet.NextRow;
            var money = totals.ForPhase(phase);
            var byPhase = $"{amount},{Formulas.Column(LedgerSheet.Phase)},$A{row}";
            sheet.Row(
                XCell.Of(phase),
                XCell.RupeeFormula($"SUMIFS({byPhase},{amount},\">0\")", money.Disbursed),
                XCell.RupeeFormula($"SUMIFS({byPhase},{amount},\"<0\")", money.Reversed),
                XCell.RupeeFormula($"SUMIFS({byPhase})", money.Net, XlStyle.BoldMoney));
        }

        var lastPhaseRow = sheet.NextRow - 1;
        var phaseMoney = phases.Select(totals.ForPhase).ToList();
        Money[] phaseTotals =
        [
            Money.Sum(phaseMoney.Select(m => m.Disbursed)),
            Money.Sum(phaseMoney.Select(m => m.Reversed)),
            Money.Sum(phaseMoney.Select(m => m.Net)),
        ];
        sheet.Row([
            XCell.Of("Total", XlStyle.Bold),
            .. phaseTotals.Select((sum, i) => phases.Count == 0
                ? XCell.Rupees(sum, XlStyle.BoldMoney)
                : XCell.RupeeFormula(Formulas.Sum(i + 1, firstPhaseRow, lastPhaseRow), sum, XlStyle.BoldMoney)),
        ]);

        // The check an auditor makes first: the breakdown adds up to the table.
        sheet.Gap();
        sheet.Row(XCell.Title("Check"));
        var tableRow = sheet.NextRow;
        sheet.Row(XCell.Of("Ledger table total"), XCell.RupeeFormula($"SUM({amount})", totals.Net, XlStyle.BoldMoney));
        sheet.Row(
            XCell.Of("Funder total less ledger total"),
            XCell.RupeeFormula($"{fundersTotalCell}-B{tableRow}", fundersTotal - totals.Net, XlStyle.BoldMoney));
        return sheet;
    }
}
