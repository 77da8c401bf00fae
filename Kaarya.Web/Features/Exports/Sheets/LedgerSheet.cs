using System.Globalization;
using Kaarya.Domain.Common;
using Kaarya.Web.Features.Exports.Xlsx;

namespace Kaarya.Web.Features.Exports.Sheets;

/// <summary>
/// The Ledger sheet: one row per entry, in sequence, as an Excel table named <c>Ledger</c> with a
/// frozen header and filters. It is too big for ClosedXML: it is written with the Open XML SDK's
/// streaming writer as the ledger is read, straight into the workbook, and the assembly points the
/// workbook at it instead of the placeholder ClosedXML built (<see cref="WorkbookAssembly"/>); its
/// column widths are worked out beforehand from the longest texts the snapshot found. Phase
/// follows the entry's own columns so that the Summary sheet can sum the table by it; months are
/// summed by value date.
/// </summary>
public static class LedgerSheet
{
    public const string Name = "Ledger";
    public const string TableName = "Ledger";

    public const string Sequence = "Seq";
    public const string PostedAt = "Posted at (India time)";
    public const string ValueDate = "Value date";
    public const string Participant = "Participant";
    public const string ParticipantName = "Name";
    public const string Business = "Business";
    public const string Decision = "Decision";
    public const string Kind = "Kind";
    public const string Amount = "Amount";
    public const string Method = "Method";
    public const string Reference = "Reference";
    public const string Funder = "Funder";
    public const string Phase = "Phase";
    public const string RecordedBy = "Recorded by";
    public const string ApprovedBy = "Approved by";
    public const string Hash = "Hash";

    /// <summary>Progress is told every this many rows.</summary>
    public const int ProgressEvery = 1_000;

    // Excel's filter button sits in the header cell: room for it.
    private const int FilterButton = 3;

    public static IReadOnlyList<string> Columns(bool withNames) => withNames
        ? [Sequence, PostedAt, ValueDate, Participant, ParticipantName, Business, Decision, Kind, Amount, Method, Reference, Funder, Phase, RecordedBy, ApprovedBy, Hash]
        : [Sequence, PostedAt, ValueDate, Participant, Business, Decision, Kind, Amount, Method, Reference, Funder, Phase, RecordedBy, ApprovedBy, Hash];

    public static IReadOnlyList<double> Widths(LedgerSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var extents = snapshot.Extents;
        var digits = snapshot.Head.Sequence.ToString(CultureInfo.InvariantCulture).Length;
        var largest = Math.Max(Math.Abs(extents.SmallestPaise), Math.Abs(extents.LargestPaise));
        var content = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            [Sequence] = digits,
            [PostedAt] = XlsxStyles.DateTimeFormat.Length,
            [ValueDate] = XlsxStyles.DateFormat.Length,
            [Participant] = snapshot.LongestParticipantCode,
            [ParticipantName] = snapshot.LongestParticipantName,
            [Business] = snapshot.LongestBusiness,
            [Decision] = Guid.Empty.ToString().Length,
            [Kind] = "Reversal of #".Length + digits,
            [Amount] = Money.FromPaise(largest).Format(withSymbol: true).Length + 1,
            [Method] = "Bank transfer".Length,
            [Reference] = extents.Reference,
            [Funder] = snapshot.FunderNames.Values.Select(n => n.Length).DefaultIfEmpty(0).Max(),
            [Phase] = snapshot.PhaseNames.Values.Select(n => n.Length).DefaultIfEmpty(0).Max(),
            [RecordedBy] = extents.RecordedBy,
            [ApprovedBy] = extents.ApprovedBy,
            [Hash] = Domain.Funding.LedgerEntry.HashLength,
        };
        return Columns(snapshot.IncludesNames)
            .Select(column => ColumnWidths.For(Math.Max(content[column], column.Length + FilterButton)))
            .ToList();
    }

    /// <summary>
    /// The one read of the ledger: each row is written into the sheet as it is read, and added to
    /// the totals, from which the other sheets' figures come. Progress is told every
    /// <see cref="ProgressEvery"/> rows.
    /// </summary>
    public static async Task WriteAsync(
        IAsyncEnumerable<LedgerExportRow> rows, SheetWriter sheet, LedgerTotals totals, bool withNames,
        Action<long> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(totals);
        ArgumentNullException.ThrowIfNull(read);
        sheet.Row(Columns(withNames).Select(c => XCell.Of(c, XlStyle.Header)));
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            sheet.BeginRow();
            sheet.Write(XCell.Whole(row.Sequence));
            sheet.Write(XCell.Instant(row.PostedAt));
            sheet.Write(XCell.Date(row.ValueDate));
            sheet.Write(XCell.Of(row.ParticipantCode.Value));
            if (withNames)
            {
                sheet.Write(XCell.Of(row.ParticipantName));
            }

            sheet.Write(XCell.Of(row.Business));
            sheet.Write(XCell.Of(row.DecisionId.ToString()));
            sheet.Write(XCell.Of(row.KindText));
            sheet.Write(XCell.Rupees(row.Amount));
            sheet.Write(XCell.Of(LedgerExportRow.MethodText(row.Method)));
            sheet.Write(XCell.Of(row.Reference));
            sheet.Write(XCell.Of(row.Funder));
            sheet.Write(XCell.Of(row.Phase));
            sheet.Write(XCell.Of(row.RecordedBy));
            sheet.Write(XCell.Of(row.ApprovedBy));
            sheet.Write(XCell.Of(row.Hash));
            sheet.EndRow();

            totals.Add(row);
            if (totals.Entries % ProgressEvery == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                read(totals.Entries);
            }
        }

        read(totals.Entries);
    }
}
