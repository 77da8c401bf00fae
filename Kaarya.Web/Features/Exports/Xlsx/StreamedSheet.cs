using ClosedXML.Excel;

namespace Kaarya.Web.Features.Exports.Xlsx;

/// <summary>
/// A sheet with a row per record (the ledger, the registers), too big for ClosedXML's in-memory
/// model, written by the export's own <see cref="SheetWriter"/> instead. ClosedXML builds a
/// placeholder of it among the other sheets (<see cref="StreamedSheetPlaceholder"/>), and
/// <see cref="WorkbookAssembly"/> puts the part <paramref name="WritePart"/> writes in the
/// placeholder's place. <paramref name="WritePart"/> writes the whole worksheet part and returns
/// the number of its last row, over which a named table on the sheet is stretched.
/// </summary>
public sealed record StreamedSheet(string Name, string? TableName, Func<Stream, uint> WritePart);

/// <summary>
/// The placeholder ClosedXML builds for a streamed sheet: the sheet in its place among the others,
/// its header row and the table over it, and one sample row with a cell in each
/// <see cref="XlStyle"/>, so that every format is in ClosedXML's stylesheet and the assembly can
/// tell which of ClosedXML's formats each one is. None of the placeholder's rows reach the
/// finished workbook.
/// </summary>
public static class StreamedSheetPlaceholder
{
    /// <summary>The formats of the sample row's cells, in order: every one, in the order of their numbers.</summary>
    public static IReadOnlyList<XlStyle> Styles { get; } = Enum.GetValues<XlStyle>();

    /// <summary>The placeholder of a sheet; a table needs the sheet's headers for its columns.</summary>
    public static IXLWorksheet Add(XLWorkbook workbook, string name, IReadOnlyList<string> headers, string? tableName)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        ArgumentNullException.ThrowIfNull(headers);
        var sheet = workbook.AddWorksheet(name);
        for (var c = 0; c < headers.Count; c++)
        {
            var cell = sheet.Cell(1, c + 1);
            cell.SetValue(headers[c]);
            XlsxStyles.Apply(cell.Style, XlStyle.Header);
        }

        for (var c = 0; c < Styles.Count; c++)
        {
            var cell = sheet.Cell(2, c + 1);
            cell.Value = 0;
            XlsxStyles.Apply(cell.Style, Styles[c]);
        }

        if (tableName is not null)
        {
            sheet.Range(1, 1, 2, headers.Count).CreateTable(tableName);
        }

        return sheet;
    }
}
