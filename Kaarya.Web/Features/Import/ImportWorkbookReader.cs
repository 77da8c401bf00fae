using ClosedXML.Excel;

namespace Kaarya.Web.Features.Import;

/// <summary>The register rows of an import workbook, sheet by sheet, as written.</summary>
public sealed record ImportWorkbook(
    IReadOnlyList<ImportRow> Participants,
    IReadOnlyList<ImportRow> Businesses,
    IReadOnlyList<ImportRow> Decisions,
    IReadOnlyList<ImportRow> Disbursements)
{
    public int RowCount => Participants.Count + Businesses.Count + Decisions.Count + Disbursements.Count;
}

/// <summary>
/// Reads a filled-in template: checks that it is an .xlsx holding every register sheet with the
/// template's headers, and hands each filled row over as written. It knows cells, not rules: what
/// a row means is for <see cref="RegisterImport"/> and the domain to decide.
/// </summary>
public static class ImportWorkbookReader
{
    /// <summary>The most a workbook may weigh: GGBK's registers run to hundreds of rows, not tens of thousands.</summary>
    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>Rows beyond this on one sheet are refused rather than read.</summary>
    public const int MaxRowsPerSheet = 5_000;

    public static ImportWorkbook Read(byte[] file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Length > MaxBytes)
        {
            throw new ImportFileRefusedException("Import.File.TooLarge", $"The file is larger than {MaxBytes / (1024 * 1024)} MB.", (MaxBytes / (1024 * 1024)).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        // An .xlsx is a zip archive: anything else (an old .xls, a CSV, a PDF) is refused before ClosedXML sees it.
        if (file.Length < 4 || file[0] != (byte)'P' || file[1] != (byte)'K')
        {
            throw NotXlsx();
        }

        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(new MemoryStream(file, writable: false));
        }
        catch (Exception unreadable) when (unreadable is not OutOfMemoryException)
        {
            throw NotXlsx();
        }

        using (workbook)
        {
            var read = new ImportWorkbook(
                ReadSheet(workbook, ImportLayout.ParticipantSheet),
                ReadSheet(workbook, ImportLayout.BusinessSheet),
                ReadSheet(workbook, ImportLayout.DecisionSheet),
                ReadSheet(workbook, ImportLayout.DisbursementSheet));
            return read.RowCount > 0
                ? read
                : throw new ImportFileRefusedException("Import.File.Empty", "The workbook has no rows to import: fill the register sheets from row 2 down.");
        }
    }

    private static List<ImportRow> ReadSheet(XLWorkbook workbook, ImportSheet layout)
    {
        if (!workbook.TryGetWorksheet(layout.Name, out var sheet))
        {
            throw new ImportFileRefusedException("Import.File.NoSheet", $"This is not Kaarya's import template: it has no sheet named \"{layout.Name}\". Download the template from the import page.", layout.Name);
        }

        for (var c = 0; c < layout.Columns.Count; c++)
        {
            var header = sheet.Cell(1, c + 1);
            var written = header.HasFormula ? string.Empty : header.GetString().Trim();
            if (!string.Equals(written, layout.Columns[c].Header, StringComparison.Ordinal))
            {
                throw new ImportFileRefusedException("Import.File.WrongHeader",
                    $"This is not Kaarya's import template: column {c + 1} of \"{layout.Name}\" should be \"{layout.Columns[c].Header}\". Download the template from the import page.",
                    layout.Name, (c + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), layout.Columns[c].Header);
            }
        }

        var rows = new List<ImportRow>();
        var last = sheet.LastRowUsed()?.RowNumber() ?? 1;
        if (last - 1 > MaxRowsPerSheet)
        {
            throw new ImportFileRefusedException("Import.File.TooManyRows", $"\"{layout.Name}\" has more than {MaxRowsPerSheet} rows; import it in parts.",
                layout.Name, MaxRowsPerSheet.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        for (var r = 2; r <= last; r++)
        {
            var cells = new Dictionary<string, object?>(StringComparer.Ordinal);
            var formulas = new List<string>();
            for (var c = 0; c < layout.Columns.Count; c++)
            {
                var cell = sheet.Cell(r, c + 1);
                if (cell.HasFormula)
                {
                    // A formula's result is not read (ClosedXML would have to calculate it): the row says so.
                    formulas.Add(layout.Columns[c].Header);
                    cells[layout.Columns[c].Header] = "=";
                    continue;
                }

                cells[layout.Columns[c].Header] = ValueOf(cell);
            }

            if (cells.Values.All(v => v is null || (v is string s && string.IsNullOrWhiteSpace(s))))
            {
                continue;
            }

            var row = new ImportRow(layout, r, cells);
            foreach (var column in formulas)
            {
                row.Problem(column, "Formula", $"\"{column}\" holds a formula; paste its value instead.", column);
            }

            rows.Add(row);
        }

        return rows;
    }

    private static object? ValueOf(IXLCell cell) => cell.IsEmpty() ? null : cell.DataType switch
    {
        XLDataType.Number => cell.GetDouble(),
        XLDataType.DateTime => cell.GetDateTime(),
        XLDataType.Boolean => cell.GetBoolean(),
        _ => cell.GetString(),
    };

    private static ImportFileRefusedException NotXlsx() =>
        new("Import.File.NotXlsx", "This file is not an Excel workbook (.xlsx). Download the template from the import page, fill it in and save it as .xlsx.");
}
