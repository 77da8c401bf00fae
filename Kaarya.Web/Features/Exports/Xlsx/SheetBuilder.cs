using System.Globalization;
using ClosedXML.Excel;

namespace Kaarya.Web.Features.Exports.Xlsx;

/// <summary>
/// Column widths worked out from what the cells hold, in characters, because ClosedXML's
/// fit-to-contents sizing measures text through GDI+, which a server need not have, and takes minutes
/// on a big sheet (STACK.md).
/// </summary>
public static class ColumnWidths
{
    public const int Narrowest = 8;
    public const int Widest = 60;

    /// <summary>A column as wide as its longest content, a little room either side, within limits.</summary>
    public static double For(int characters) => Math.Clamp(characters + 2, Narrowest, Widest);
}

/// <summary>
/// A sheet described cell by cell, its column widths following its content, and then either built
/// with ClosedXML (<see cref="AddTo"/>: the Manifest and the Summary, sheets of a fixed shape) or
/// streamed (<see cref="Streamed"/>: Balances, Decisions and Utilisation, a row per business,
/// decision or use, which at a large programme's size are too many cells for ClosedXML's
/// in-memory model to build in time; docs/decisions/0009-ledger-workbook.md).
/// </summary>
public sealed class SheetBuilder
{
    private readonly List<XCell[]> _rows = [];
    private readonly List<int> _widths = [];

    /// <summary>The row number the next row will have.</summary>
    public int NextRow => _rows.Count + 1;

    public void Row(params XCell[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        _rows.Add(cells);
        for (var i = 0; i < cells.Length; i++)
        {
            if (_widths.Count <= i)
            {
                _widths.Add(0);
            }

            _widths[i] = Math.Max(_widths[i], cells[i].Width);
        }
    }

    /// <summary>An empty row, to separate two parts of a sheet.</summary>
    public void Gap() => _rows.Add([]);

    public IReadOnlyList<double> Widths() => _widths.Select(ColumnWidths.For).ToList();

    /// <summary>
    /// Builds the sheet in a ClosedXML workbook. Text is set as text, never as a formula, and text
    /// that a spreadsheet could take for one carries the quote prefix. A formula's value is kept in
    /// <paramref name="cachedValues"/>, because ClosedXML 0.95.4 cannot store it (see <see cref="CachedValues"/>).
    /// </summary>
    public IXLWorksheet AddTo(XLWorkbook workbook, string name, bool freezeHeader, CachedValues cachedValues)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        ArgumentNullException.ThrowIfNull(cachedValues);
        var sheet = workbook.AddWorksheet(name);
        for (var r = 0; r < _rows.Count; r++)
        {
            var row = _rows[r];
            for (var c = 0; c < row.Length; c++)
            {
                if (row[c].Kind != XCellKind.Blank)
                {
                    Write(sheet.Cell(r + 1, c + 1), row[c], cachedValues);
                }
            }
        }

        var widths = Widths();
        for (var c = 0; c < widths.Count; c++)
        {
            sheet.Column(c + 1).Width = widths[c];
        }

        if (freezeHeader)
        {
            sheet.SheetView.FreezeRows(1);
        }

        return sheet;
    }

    /// <summary>
    /// The sheet as one to stream in place of its placeholder: its rows, with each formula's value
    /// beside it, written by the Open XML SDK's writer.
    /// </summary>
    public StreamedSheet Streamed(string name, bool freezeHeader) => new(name, TableName: null, part =>
    {
        using var sheet = new SheetWriter(part, Widths(), freezeHeader);
        foreach (var row in _rows)
        {
            sheet.Row(row);
        }

        sheet.Finish();
        return sheet.RowNumber;
    });

    /// <summary>Writes one cell's content and style through ClosedXML.</summary>
    public static void Write(IXLCell target, XCell cell, CachedValues cachedValues)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(cachedValues);
        var style = cell.Style;
        switch (cell.Kind)
        {
            case XCellKind.Blank:
                return;
            case XCellKind.Text:
                // SetValue with a string keeps it text in ClosedXML 0.95.4, even "=1+1", "-5" or "00123" (CellTextTests).
                target.SetValue(cell.Text!);
                if (CellText.LooksLikeFormula(cell.Text!))
                {
                    target.Style.IncludeQuotePrefix = true;
                }

                break;
            case XCellKind.Number:
                target.Value = cell.Number;
                break;
            case XCellKind.Formula:
                target.FormulaA1 = cell.Formula!;
                cachedValues.Add(target.Worksheet.Name, target.Address.ToString()!, cell.Number);
                break;
            default:
                throw new InvalidOperationException($"Unknown cell kind {cell.Kind}.");
        }

        XlsxStyles.Apply(target.Style, style);
    }
}

/// <summary>
/// The value each formula of the styled sheets comes to, computed by the export, by sheet and
/// cell. ClosedXML 0.95.4 writes a formula without its value (it can only evaluate formulas
/// itself, and it cannot evaluate SUMIFS over a table whose rows it never held), so
/// <see cref="WorkbookAssembly"/> puts these values into the saved sheets: a reader that does not
/// recalculate shows the right figure, and Excel recalculates on opening anyway.
/// </summary>
public sealed class CachedValues
{
    private readonly Dictionary<string, Dictionary<string, string>> _bySheet = new(StringComparer.Ordinal);

    public IEnumerable<string> Sheets => _bySheet.Keys;

    public void Add(string sheet, string cell, decimal value)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(cell);
        if (!_bySheet.TryGetValue(sheet, out var cells))
        {
            _bySheet[sheet] = cells = new Dictionary<string, string>(StringComparer.Ordinal);
        }

        cells[cell] = value.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The sheet's formula values by cell address (e.g. "B7"), as they are written: invariant decimals.</summary>
    public IReadOnlyDictionary<string, string> For(string sheet) =>
        _bySheet.TryGetValue(sheet, out var cells) ? cells : new Dictionary<string, string>();
}
