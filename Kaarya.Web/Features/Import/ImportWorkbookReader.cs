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

        // An .xlsx is a zip archive: anything else (an old .xls, a CSV, a PDF) is refused before it is opened.
        if (file.Length < 4 || file[0] != (byte)'P' || file[1] != (byte)'K')
        {
            throw NotXlsx();
        }

        XlsxCells workbook;
        try
        {
            workbook = XlsxCells.Open(file);
        }
        catch (Exception unreadable) when (unreadable is not OutOfMemoryException)
        {
            throw NotXlsx();
        }

        using (workbook)
        {
            try
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
            catch (Exception broken) when (broken is not ImportFileRefusedException and not OutOfMemoryException)
            {
                // A package whose sheets cannot be read (broken XML, a cell naming a string that is not there).
                throw NotXlsx();
            }
        }
    }

    private static List<ImportRow> ReadSheet(XlsxCells workbook, ImportSheet layout)
    {
        var sheet = workbook.Sheet(layout.Name, MaxRowsPerSheet + 1, () => new ImportFileRefusedException("Import.File.TooManyRows", $"\"{layout.Name}\" has more than {MaxRowsPerSheet} rows; import it in parts.",
                layout.Name, MaxRowsPerSheet.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            ?? throw new ImportFileRefusedException("Import.File.NoSheet", $"This is not Kaarya's import template: it has no sheet named \"{layout.Name}\". Download the template from the import page.", layout.Name);

        var headers = sheet.GetValueOrDefault(1);
        for (var c = 0; c < layout.Columns.Count; c++)
        {
            var header = headers?.GetValueOrDefault(c + 1) ?? default;
            var written = header.HasFormula ? string.Empty : (Convert.ToString(header.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty).Trim();
            if (!string.Equals(written, layout.Columns[c].Header, StringComparison.Ordinal))
            {
                throw new ImportFileRefusedException("Import.File.WrongHeader",
                    $"This is not Kaarya's import template: column {c + 1} of \"{layout.Name}\" should be \"{layout.Columns[c].Header}\". Download the template from the import page.",
                    layout.Name, (c + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), layout.Columns[c].Header);
            }
        }

        var rows = new List<ImportRow>();
        foreach (var (r, written) in sheet)
        {
            if (r < 2)
            {
                continue;
            }

            var cells = new Dictionary<string, object?>(StringComparer.Ordinal);
            var formulas = new List<string>();
            for (var c = 0; c < layout.Columns.Count; c++)
            {
                var cell = written.GetValueOrDefault(c + 1);
                if (cell.HasFormula)
                {
                    // A formula's result is not read (the file's cached value may be stale): the row says so.
                    formulas.Add(layout.Columns[c].Header);
                    cells[layout.Columns[c].Header] = "=";
                    continue;
                }

                cells[layout.Columns[c].Header] = cell.Value;
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

    private static ImportFileRefusedException NotXlsx() =>
        new("Import.File.NotXlsx", "This file is not an Excel workbook (.xlsx). Download the template from the import page, fill it in and save it as .xlsx.");
}
