using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Kaarya.Web.Features.Import;

/// <summary>One cell as stored: its value typed as the file types it, or a formula.</summary>
/// <param name="Value">Text, a <see cref="double"/>, a <see cref="DateTime"/> (a number in a date format) or a <see cref="bool"/>; null when empty.</param>
/// <param name="HasFormula">The cell holds a formula; its cached result is not trusted.</param>
public readonly record struct XlsxCell(object? Value, bool HasFormula);

/// <summary>
/// The cell values of an .xlsx, read straight from the parts every spreadsheet program writes
/// (workbook, shared strings, number formats, sheet data) with the Open XML SDK. Nothing else of
/// the file is loaded: notes, drawings, validations and styles as LibreOffice Calc or Excel write
/// them cannot stop a register from being read (ClosedXML 0.95.4 refuses a workbook whose notes
/// Calc has written, see decision 0014). Values are typed as Excel types them: shared and inline
/// strings as text, numbers as <see cref="double"/>, a number in a date format as a date (1900 or
/// 1904 system), booleans as <see cref="bool"/>, an error as its text (#N/A).
/// </summary>
public sealed class XlsxCells : IDisposable
{
    // Built-in number formats that show a date or time (ECMA-376 part 1, 18.8.30, and the East Asian ones).
    private static readonly HashSet<uint> BuiltInDateFormats = [14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58];

    private readonly SpreadsheetDocument _document;
    private readonly WorkbookPart _workbook;
    private readonly List<string> _sharedStrings;
    private readonly bool[] _dateStyles;
    private readonly bool _date1904;

    private XlsxCells(SpreadsheetDocument document)
    {
        _document = document;
        _workbook = document.WorkbookPart ?? throw new InvalidDataException("The package has no workbook part.");
        _ = _workbook.Workbook ?? throw new InvalidDataException("The workbook part is empty.");
        _sharedStrings = SharedStrings(_workbook);
        _dateStyles = DateStyles(_workbook);
        _date1904 = _workbook.Workbook.WorkbookProperties?.Date1904?.Value ?? false;
    }

    /// <summary>Opens an .xlsx held in memory; throws whatever the SDK throws for a file that is no spreadsheet package.</summary>
    public static XlsxCells Open(byte[] file)
    {
        var document = SpreadsheetDocument.Open(new MemoryStream(file, writable: false), isEditable: false);
        try
        {
            return new XlsxCells(document);
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Every cell of the named sheet that holds a value or a formula, by row number (1-based) and
    /// column number (1-based); null when the workbook has no such sheet. Rows are read as a stream,
    /// and reading stops with an exception once more than <paramref name="maxRow"/> rows hold something.
    /// </summary>
    public IReadOnlyDictionary<int, IReadOnlyDictionary<int, XlsxCell>>? Sheet(string name, int maxRow, Func<Exception> tooManyRows)
    {
        ArgumentNullException.ThrowIfNull(tooManyRows);
        var sheet = _workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault(s => string.Equals(s.Name?.Value, name, StringComparison.Ordinal));
        if (sheet?.Id?.Value is not { } id || _workbook.GetPartById(id) is not WorksheetPart part)
        {
            return null;
        }

        var rows = new SortedDictionary<int, IReadOnlyDictionary<int, XlsxCell>>();
        var rowNumber = 0;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }

            var row = (Row)reader.LoadCurrentElement()!;
            rowNumber = row.RowIndex?.Value is { } index ? checked((int)index) : rowNumber + 1;
            var cells = Cells(row);
            if (cells.Count == 0)
            {
                continue;
            }

            if (rowNumber > maxRow)
            {
                throw tooManyRows();
            }

            rows[rowNumber] = cells;
        }

        return rows;
    }

    public void Dispose() => _document.Dispose();

    private Dictionary<int, XlsxCell> Cells(Row row)
    {
        var cells = new Dictionary<int, XlsxCell>();
        var column = 0;
        foreach (var cell in row.Elements<Cell>())
        {
            column = cell.CellReference?.Value is { Length: > 0 } reference ? ColumnOf(reference) : column + 1;
            var hasFormula = cell.CellFormula is not null;
            var value = ValueOf(cell);
            if (hasFormula || value is not null)
            {
                cells[column] = new XlsxCell(value, hasFormula);
            }
        }

        return cells;
    }

    private object? ValueOf(Cell cell)
    {
        var type = cell.DataType?.Value ?? CellValues.Number;
        if (type == CellValues.InlineString)
        {
            return cell.InlineString is { } inline ? NonEmpty(TextOf(inline)) : null;
        }

        var raw = cell.CellValue?.Text;
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < _sharedStrings.Count
                ? NonEmpty(_sharedStrings[index])
                : throw new InvalidDataException("A cell names a shared string the workbook does not hold.");
        }

        if (type == CellValues.Boolean)
        {
            return raw.Trim() is "1" or "true";
        }

        if (type == CellValues.String || type == CellValues.Error)
        {
            return raw;
        }

        if (type == CellValues.Date)
        {
            return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var written) ? written : raw;
        }

        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            throw new InvalidDataException("A number cell holds something that is not a number.");
        }

        var style = cell.StyleIndex?.Value ?? 0;
        if (style < _dateStyles.Length && _dateStyles[style])
        {
            var serial = _date1904 ? number + 1462 : number;
            if (serial is >= 1 and < 2_958_466)
            {
                return DateTime.FromOADate(serial);
            }
        }

        return number;
    }

    private static string? NonEmpty(string text) => text.Length == 0 ? null : text;

    /// <summary>The text of a shared or inline string: its plain text or its runs, without phonetic guides.</summary>
    private static string TextOf(OpenXmlElement item)
    {
        var text = new StringBuilder();
        foreach (var child in item.ChildElements)
        {
            switch (child)
            {
                case Text plain:
                    text.Append(plain.Text);
                    break;
                case Run run:
                    text.Append(run.Text?.Text);
                    break;
                default:
                    break;
            }
        }

        return text.ToString();
    }

    private static List<string> SharedStrings(WorkbookPart workbook)
    {
        var strings = new List<string>();
        if (workbook.SharedStringTablePart is not { } part)
        {
            return strings;
        }

        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                strings.Add(TextOf(reader.LoadCurrentElement()!));
            }
        }

        return strings;
    }

    /// <summary>For each cell format of the stylesheet: whether it shows a date.</summary>
    private static bool[] DateStyles(WorkbookPart workbook)
    {
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        if (stylesheet?.CellFormats is not { } formats)
        {
            return [];
        }

        var custom = stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .GroupBy(f => f.NumberFormatId!.Value)
            .ToDictionary(g => g.Key, g => g.First().FormatCode?.Value ?? string.Empty) ?? [];
        return formats.Elements<CellFormat>()
            .Select(f => f.NumberFormatId?.Value is { } id && (custom.TryGetValue(id, out var code) ? IsDateFormat(code) : BuiltInDateFormats.Contains(id)))
            .ToArray();
    }

    /// <summary>
    /// Whether a number format shows a date or time: it has a day, month, year, hour or second
    /// code outside quoted text and escaped characters, or an elapsed time ([h], [mm], [ss]);
    /// other bracketed parts (conditions, colours, locales) say nothing. "General" has none of these letters.
    /// </summary>
    public static bool IsDateFormat(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            switch (c)
            {
                case '"':
                    var closing = code.IndexOf('"', i + 1);
                    i = closing < 0 ? code.Length : closing;
                    break;
                case '[':
                    var end = code.IndexOf(']', i + 1);
                    var inside = end < 0 ? code[(i + 1)..] : code[(i + 1)..end];
                    if (inside.Length > 0 && inside.All(x => char.ToLowerInvariant(x) == char.ToLowerInvariant(inside[0])) && char.ToLowerInvariant(inside[0]) is 'h' or 'm' or 's')
                    {
                        return true;
                    }

                    i = end < 0 ? code.Length : end;
                    break;
                case '\\' or '_' or '*':
                    i++;
                    break;
                default:
                    if (char.ToLowerInvariant(c) is 'd' or 'm' or 'y' or 'h' or 's')
                    {
                        return true;
                    }

                    break;
            }
        }

        return false;
    }

    /// <summary>The column number of a cell reference: "A1" is 1, "AB12" is 28.</summary>
    private static int ColumnOf(string reference)
    {
        var column = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z')
            {
                column = (column * 26) + (c - 'A' + 1);
            }
            else if (c is >= 'a' and <= 'z')
            {
                column = (column * 26) + (c - 'a' + 1);
            }
            else
            {
                break;
            }
        }

        return column > 0 ? column : throw new InvalidDataException("A cell reference has no column.");
    }
}
