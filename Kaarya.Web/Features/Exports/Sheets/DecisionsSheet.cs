using Kaarya.Domain.Common;
using Kaarya.Web.Features.Exports.Xlsx;

namespace Kaarya.Web.Features.Exports.Sheets;

/// <summary>
/// The Decisions register: every decision of the workbook's phase(s) taken by the period's end,
/// immediate, delayed or none, with what was paid against it in the workbook's entries. The
/// Decision column holds the decision's id, the same id the Ledger sheet names.
/// </summary>
public static class DecisionsSheet
{
    public const string Name = "Decisions";

    public static SheetBuilder Build(IReadOnlyList<DecisionExportRow> decisions, LedgerTotals totals, bool withNames)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentNullException.ThrowIfNull(totals);
        var sheet = new SheetBuilder();
        string[] before = withNames ? ["Decision", "Decided on", "Participant", "Name", "Business", "Phase", "Kind"] : ["Decision", "Decided on", "Participant", "Business", "Phase", "Kind"];
        string[] after = ["Decided by", "Override by", "Override reason", "Follow-up on", "Must take part", "Reason or note"];
        sheet.Row([.. before.Select(h => XCell.Of(h, XlStyle.Header)), XCell.Of("Amount decided", XlStyle.Header), XCell.Of("Paid in this workbook", XlStyle.Header), .. after.Select(h => XCell.Of(h, XlStyle.Header))]);

        foreach (var d in decisions)
        {
            var cells = new List<XCell> { XCell.Of(d.Id.ToString()), XCell.Date(d.DecidedOn), XCell.Of(d.ParticipantCode.Value) };
            if (withNames)
            {
                cells.Add(XCell.Of(d.ParticipantName));
            }

            cells.AddRange([
                XCell.Of(d.Business), XCell.Of(d.Phase), XCell.Of(d.KindText),
                XCell.Rupees(d.Committed), XCell.Rupees(totals.PaidAgainst(d.Id)),
                XCell.Of(d.DecidedBy), XCell.Of(d.OverriddenBy), XCell.Of(d.OverrideReason),
                d.FollowUpOn is { } followUp ? XCell.Date(followUp) : XCell.Blank,
                XCell.Of(d.MustTakePart), XCell.Of(d.Reason),
            ]);
            sheet.Row([.. cells]);
        }

        var amountColumn = before.Length;
        var lastRow = sheet.NextRow - 1;
        var decided = Money.Sum(decisions.Select(d => d.Committed));
        var paid = Money.Sum(decisions.Select(d => totals.PaidAgainst(d.Id)));
        sheet.Row([
            XCell.Of("Total", XlStyle.Bold),
            .. Enumerable.Repeat(XCell.Blank, amountColumn - 1),
            Total(amountColumn, lastRow, decided, decisions.Count),
            Total(amountColumn + 1, lastRow, paid, decisions.Count),
        ]);
        return sheet;
    }

    private static XCell Total(int column, int lastRow, Money sum, int rows) =>
        rows == 0 ? XCell.Rupees(sum, XlStyle.BoldMoney) : XCell.RupeeFormula(Formulas.Sum(column, 2, lastRow), sum, XlStyle.BoldMoney);
}
