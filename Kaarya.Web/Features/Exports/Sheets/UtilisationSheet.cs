using Kaarya.Domain.Common;
using Kaarya.Web.Features.Exports.Xlsx;

namespace Kaarya.Web.Features.Exports.Sheets;

/// <summary>
/// The Utilisation sheet: what survivors reported doing with the workbook's disbursements, one
/// row per use, as reported by the period's end. Its total is the Balances sheet's "Utilised".
/// </summary>
public static class UtilisationSheet
{
    public const string Name = "Utilisation";

    public static SheetBuilder Build(IReadOnlyList<UtilisationExportRow> uses, bool withNames)
    {
        ArgumentNullException.ThrowIfNull(uses);
        var sheet = new SheetBuilder();
        string[] before = withNames ? ["Reported on", "Entry", "Participant", "Name", "Business", "Use"] : ["Reported on", "Entry", "Participant", "Business", "Use"];
        sheet.Row([.. before.Select(h => XCell.Of(h, XlStyle.Header)), XCell.Of("Amount", XlStyle.Header), XCell.Of("Recorded by", XlStyle.Header)]);
        foreach (var use in uses)
        {
            var cells = new List<XCell> { XCell.Date(use.ReportedOn), XCell.Whole(use.LedgerSequence), XCell.Of(use.ParticipantCode.Value) };
            if (withNames)
            {
                cells.Add(XCell.Of(use.ParticipantName));
            }

            cells.AddRange([XCell.Of(use.Business), XCell.Of(use.Use), XCell.Rupees(use.Amount), XCell.Of(use.RecordedBy)]);
            sheet.Row([.. cells]);
        }

        var amountColumn = before.Length;
        var sum = Money.Sum(uses.Select(u => u.Amount));
        sheet.Row([
            XCell.Of("Total", XlStyle.Bold),
            .. Enumerable.Repeat(XCell.Blank, amountColumn - 1),
            uses.Count == 0 ? XCell.Rupees(sum, XlStyle.BoldMoney) : XCell.RupeeFormula(Formulas.Sum(amountColumn, 2, sheet.NextRow - 1), sum, XlStyle.BoldMoney),
        ]);
        return sheet;
    }
}
