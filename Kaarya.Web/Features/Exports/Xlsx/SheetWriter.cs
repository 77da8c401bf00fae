using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Kaarya.Web.Features.Exports.Xlsx;

/// <summary>
/// Writes one worksheet, row after row, with the Open XML SDK's streaming writer: nothing of the
/// sheet is kept in memory, so a ledger of 100,000 entries costs what one row costs. Column
/// widths come first in the file, so they are given up front (see <see cref="ColumnWidths"/>).
/// A cell's format is its <see cref="XlStyle"/>'s number: <see cref="WorkbookAssembly"/> puts those
/// formats first in the workbook's stylesheet, so a streamed sheet can be written before ClosedXML
/// has written the stylesheet. Text is always written as text, never as a formula: only
/// <see cref="XCellKind.Formula"/> cells, which the workbook's own code builds, carry one.
/// </summary>
public sealed class SheetWriter : IDisposable
{
    internal const string RelationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>The id by which a streamed sheet names its table; the assembly gives the table's relationship this id.</summary>
    public const string TableRelationshipId = "rIdKaaryaTable";
    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";

    // The writer reads only an element's name from these; one instance of each serves every cell.
    private static readonly Row RowElement = new();
    private static readonly Cell CellElement = new();
    private static readonly InlineString InlineStringElement = new();
    private static readonly Text TextElement = new();
    private static readonly CellValue ValueElement = new();
    private static readonly CellFormula FormulaElement = new();

    private static readonly OpenXmlAttribute InlineStringType = new("t", string.Empty, "inlineStr");
    private static readonly OpenXmlAttribute PreserveSpace = new("xml", "space", XmlNamespace, "preserve");

    // Each format's index in the stylesheet, as text: its number (see WorkbookAssembly).
    private static readonly string[] StyleIndex = Enum.GetValues<XlStyle>().Select(s => ((int)s).ToString(CultureInfo.InvariantCulture)).ToArray();

    private readonly OpenXmlWriter _xml;
    private readonly List<OpenXmlAttribute> _attributes = new(3);
    private readonly List<OpenXmlAttribute> _none = [];
    private readonly List<string> _columnNames = [];
    private string _rowText = "0";
    private int _column;
    private bool _inRow;
    private bool _finished;

    /// <summary>Starts the sheet in <paramref name="part"/>, which stays open: its owner closes it.</summary>
    public SheetWriter(Stream part, IReadOnlyList<double> widths, bool freezeHeader)
    {
        ArgumentNullException.ThrowIfNull(part);
        ArgumentNullException.ThrowIfNull(widths);
        _xml = OpenXmlWriter.Create(part);
        _xml.WriteStartDocument(true);
        _xml.WriteStartElement(new Worksheet(), _none, [new KeyValuePair<string, string>("r", RelationshipsNamespace)]);
        _xml.WriteElement(View(freezeHeader));
        if (widths.Count > 0)
        {
            _xml.WriteElement(new Columns(widths.Select((width, i) => new Column
            {
                Min = (uint)(i + 1),
                Max = (uint)(i + 1),
                Width = width,
                CustomWidth = true,
            })));
        }

        _xml.WriteStartElement(new SheetData());
    }

    /// <summary>The number of the row being written, or of the last one written.</summary>
    public uint RowNumber { get; private set; }

    public void BeginRow()
    {
        if (_inRow)
        {
            EndRow();
        }

        RowNumber++;
        _rowText = RowNumber.ToString(CultureInfo.InvariantCulture);
        _column = 0;
        _attributes.Clear();
        _attributes.Add(new OpenXmlAttribute("r", string.Empty, _rowText));
        _xml.WriteStartElement(RowElement, _attributes);
        _inRow = true;
    }

    public void EndRow()
    {
        if (_inRow)
        {
            _xml.WriteEndElement();
            _inRow = false;
        }
    }

    /// <summary>Writes a whole row of cells.</summary>
    public void Row(IEnumerable<XCell> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        BeginRow();
        foreach (var cell in cells)
        {
            Write(cell);
        }

        EndRow();
    }

    /// <summary>Writes the next cell of the current row; a blank cell only moves on a column.</summary>
    public void Write(XCell cell)
    {
        var column = _column++;
        if (cell.Kind == XCellKind.Blank)
        {
            return;
        }

        _attributes.Clear();
        _attributes.Add(new OpenXmlAttribute("r", string.Empty, string.Concat(CachedColumnName(column), _rowText)));
        switch (cell.Kind)
        {
            case XCellKind.Text:
                WriteText(cell.Text!, cell.Style);
                break;
            case XCellKind.Number:
                AddStyle(cell.Style);
                _xml.WriteStartElement(CellElement, _attributes);
                WriteValue(cell.Number);
                _xml.WriteEndElement();
                break;
            case XCellKind.Formula:
                AddStyle(cell.Style);
                _xml.WriteStartElement(CellElement, _attributes);
                _xml.WriteStartElement(FormulaElement);
                _xml.WriteString(cell.Formula!);
                _xml.WriteEndElement();
                WriteValue(cell.Number);
                _xml.WriteEndElement();
                break;
            default:
                throw new InvalidOperationException($"Unknown cell kind {cell.Kind}.");
        }
    }

    /// <summary>Closes the sheet's data; a table on the sheet is named by <see cref="TableRelationshipId"/>.</summary>
    public void Finish(bool withTable = false)
    {
        EndRow();
        _xml.WriteEndElement(); // sheetData
        _xml.WriteElement(new PageMargins { Left = 0.7, Right = 0.7, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 });
        if (withTable)
        {
            _xml.WriteElement(new TableParts(new TablePart { Id = TableRelationshipId }) { Count = 1 });
        }

        _xml.WriteEndElement(); // worksheet
        _finished = true;
    }

    public void Dispose()
    {
        if (!_finished)
        {
            Finish();
        }

        _xml.Close();
        _xml.Dispose();
    }

    /// <summary>A column's letters: 0 is A, 25 is Z, 26 is AA.</summary>
    public static string ColumnName(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private string CachedColumnName(int column)
    {
        while (_columnNames.Count <= column)
        {
            _columnNames.Add(ColumnName(_columnNames.Count));
        }

        return _columnNames[column];
    }

    private void WriteText(string text, XlStyle style)
    {
        // Text that a spreadsheet could take for a formula keeps its characters and gains the quote prefix.
        AddStyle(style == XlStyle.Text && CellText.LooksLikeFormula(text) ? XlStyle.QuotedText : style);
        _attributes.Add(InlineStringType);
        _xml.WriteStartElement(CellElement, _attributes);
        _xml.WriteStartElement(InlineStringElement);
        if (CellText.NeedsPreservedSpace(text))
        {
            _attributes.Clear();
            _attributes.Add(PreserveSpace);
            _xml.WriteStartElement(TextElement, _attributes);
        }
        else
        {
            _xml.WriteStartElement(TextElement);
        }

        _xml.WriteString(CellText.Escape(text));
        _xml.WriteEndElement();
        _xml.WriteEndElement();
        _xml.WriteEndElement();
    }

    private void WriteValue(decimal number)
    {
        _xml.WriteStartElement(ValueElement);
        _xml.WriteString(number.ToString(CultureInfo.InvariantCulture));
        _xml.WriteEndElement();
    }

    private void AddStyle(XlStyle style)
    {
        if (style != XlStyle.Text)
        {
            _attributes.Add(new OpenXmlAttribute("s", string.Empty, StyleIndex[(int)style]));
        }
    }

    private static SheetViews View(bool freezeHeader)
    {
        var view = new SheetView { WorkbookViewId = 0 };
        if (freezeHeader)
        {
            view.Append(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
            view.Append(new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } });
        }

        return new SheetViews(view);
    }
}
