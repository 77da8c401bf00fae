using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Kaarya.Web.Features.Exports.Xlsx;

/// <summary>One Excel table on a sheet: its name (for formulas such as <c>Ledger[Amount]</c>) and its columns.</summary>
public sealed record XlsxTable(int SheetIndex, string Name, IReadOnlyList<string> Columns);

/// <summary>
/// An .xlsx file written as it goes: a zip whose parts (the sheets, the styles, the table) are
/// written one after another straight into the destination stream, which may be a file, a
/// memory stream or a response body that cannot seek. The Open XML SDK 2.x that ClosedXML pins
/// can only build a package it can also read, which holds every part in memory until it is
/// saved; writing the zip here keeps memory flat however long the ledger is
/// (docs/decisions/0009-ledger-workbook.md). The package's own files are few and fixed:
/// content types, relationships, the workbook, the styles and core properties.
/// </summary>
public sealed class XlsxPackage : IDisposable
{
    /// <summary>The relationship id by which the table's sheet names its table.</summary>
    public const string TableRelationshipId = "rId1";

    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string OfficeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private readonly ZipArchive _zip;
    private readonly IReadOnlyList<string> _sheetNames;
    private readonly XlsxTable? _table;
    private bool _partOpen;

    public XlsxPackage(Stream destination, IReadOnlyList<string> sheetNames, XlsxTable? table, string title, DateTimeOffset created)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(sheetNames);
        _sheetNames = sheetNames;
        _table = table;
        _zip = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);
        WriteContentTypes();
        WritePackageRelationships();
        WriteCoreProperties(title, created);
        WriteWorkbook();
        WriteStyles();
    }

    /// <summary>Starts a sheet. Only one part is open at a time: dispose the writer before the next.</summary>
    public SheetWriter OpenSheet(int index, IReadOnlyList<double> widths, bool freezeHeader = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _sheetNames.Count);
        return new SheetWriter(OpenPart($"xl/worksheets/sheet{index + 1}.xml"), widths, freezeHeader, selected: index == 0, ClosePart);
    }

    /// <summary>Writes the table's definition once its sheet is written and the last row is known.</summary>
    public void WriteTable(uint lastRow)
    {
        if (_table is null)
        {
            throw new InvalidOperationException("This workbook has no table.");
        }

        // A table needs a row below its header; an empty ledger gets one empty row.
        var reference = $"A1:{SheetWriter.ColumnName(_table.Columns.Count - 1)}{Math.Max(lastRow, 2).ToString(CultureInfo.InvariantCulture)}";
        var definition = new Table(
            new AutoFilter { Reference = reference },
            new TableColumns(_table.Columns.Select((name, i) => new TableColumn { Id = (uint)(i + 1), Name = name })) { Count = (uint)_table.Columns.Count },
            new TableStyleInfo { Name = "TableStyleMedium2", ShowFirstColumn = false, ShowLastColumn = false, ShowRowStripes = true, ShowColumnStripes = false })
        {
            Id = 1,
            Name = _table.Name,
            DisplayName = _table.Name,
            Reference = reference,
            TotalsRowShown = false,
        };
        WriteElementPart("xl/tables/table1.xml", definition);
        WriteXmlPart($"xl/worksheets/_rels/sheet{_table.SheetIndex + 1}.xml.rels", xml =>
        {
            xml.WriteStartElement("Relationships", PackageRelationships);
            Relationship(xml, TableRelationshipId, $"{OfficeRelationships}/table", "../tables/table1.xml");
            xml.WriteEndElement();
        });
    }

    public void Dispose() => _zip.Dispose();

    private void WriteContentTypes() => WriteXmlPart("[Content_Types].xml", xml =>
    {
        const string ns = "http://schemas.openxmlformats.org/package/2006/content-types";
        const string sml = "application/vnd.openxmlformats-officedocument.spreadsheetml";
        xml.WriteStartElement("Types", ns);
        Default(xml, "rels", "application/vnd.openxmlformats-package.relationships+xml");
        Default(xml, "xml", "application/xml");
        Override(xml, "/xl/workbook.xml", $"{sml}.sheet.main+xml");
        Override(xml, "/xl/styles.xml", $"{sml}.styles+xml");
        for (var i = 0; i < _sheetNames.Count; i++)
        {
            Override(xml, $"/xl/worksheets/sheet{i + 1}.xml", $"{sml}.worksheet+xml");
        }

        if (_table is not null)
        {
            Override(xml, "/xl/tables/table1.xml", $"{sml}.table+xml");
        }

        Override(xml, "/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
        xml.WriteEndElement();

        static void Default(XmlWriter xml, string extension, string type)
        {
            xml.WriteStartElement("Default", ns);
            xml.WriteAttributeString("Extension", extension);
            xml.WriteAttributeString("ContentType", type);
            xml.WriteEndElement();
        }

        static void Override(XmlWriter xml, string part, string type)
        {
            xml.WriteStartElement("Override", ns);
            xml.WriteAttributeString("PartName", part);
            xml.WriteAttributeString("ContentType", type);
            xml.WriteEndElement();
        }
    });

    private void WritePackageRelationships() => WriteXmlPart("_rels/.rels", xml =>
    {
        xml.WriteStartElement("Relationships", PackageRelationships);
        Relationship(xml, "rId1", $"{OfficeRelationships}/officeDocument", "xl/workbook.xml");
        Relationship(xml, "rId2", $"{PackageRelationships}/metadata/core-properties", "docProps/core.xml");
        xml.WriteEndElement();
    });

    private void WriteCoreProperties(string title, DateTimeOffset created) => WriteXmlPart("docProps/core.xml", xml =>
    {
        const string cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
        const string dc = "http://purl.org/dc/elements/1.1/";
        const string terms = "http://purl.org/dc/terms/";
        const string xsi = "http://www.w3.org/2001/XMLSchema-instance";
        xml.WriteStartElement("cp", "coreProperties", cp);
        xml.WriteAttributeString("xmlns", "dc", null, dc);
        xml.WriteAttributeString("xmlns", "dcterms", null, terms);
        xml.WriteAttributeString("xmlns", "xsi", null, xsi);
        xml.WriteElementString("dc", "title", dc, title);
        xml.WriteElementString("dc", "creator", dc, "Kaarya");
        xml.WriteStartElement("dcterms", "created", terms);
        xml.WriteAttributeString("xsi", "type", xsi, "dcterms:W3CDTF");
        xml.WriteString(created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        xml.WriteEndElement();
        xml.WriteEndElement();
    });

    private void WriteWorkbook()
    {
        var sheets = new DocumentFormat.OpenXml.Spreadsheet.Sheets(_sheetNames.Select((name, i) => new Sheet
        {
            Name = name,
            SheetId = (uint)(i + 1),
            Id = SheetRelationshipId(i),
        }));
        // Excel recomputes every formula on opening, so the figures an auditor sees are Excel's own.
        var workbook = new Workbook(
            new BookViews(new WorkbookView { ActiveTab = 0 }),
            sheets,
            new CalculationProperties { CalculationId = 191029, FullCalculationOnLoad = true });
        workbook.AddNamespaceDeclaration("r", OfficeRelationships);
        WriteElementPart("xl/workbook.xml", workbook);

        WriteXmlPart("xl/_rels/workbook.xml.rels", xml =>
        {
            xml.WriteStartElement("Relationships", PackageRelationships);
            for (var i = 0; i < _sheetNames.Count; i++)
            {
                Relationship(xml, SheetRelationshipId(i), $"{OfficeRelationships}/worksheet", $"worksheets/sheet{i + 1}.xml");
            }

            Relationship(xml, $"rId{_sheetNames.Count + 1}", $"{OfficeRelationships}/styles", "styles.xml");
            xml.WriteEndElement();
        });
    }

    private void WriteStyles() => WriteElementPart("xl/styles.xml", XlsxStyles.Stylesheet());

    private static string SheetRelationshipId(int index) => $"rId{index + 1}";

    private static void Relationship(XmlWriter xml, string id, string type, string target)
    {
        xml.WriteStartElement("Relationship", PackageRelationships);
        xml.WriteAttributeString("Id", id);
        xml.WriteAttributeString("Type", type);
        xml.WriteAttributeString("Target", target);
        xml.WriteEndElement();
    }

    private void WriteElementPart(string name, OpenXmlElement root)
    {
        using var part = OpenPart(name);
        using (var writer = OpenXmlWriter.Create(part))
        {
            writer.WriteStartDocument(true);
            writer.WriteElement(root);
            writer.Close();
        }

        ClosePart();
    }

    private void WriteXmlPart(string name, Action<XmlWriter> write)
    {
        using var part = OpenPart(name);
        using (var xml = XmlWriter.Create(part, new XmlWriterSettings { Encoding = new UTF8Encoding(false), CloseOutput = false }))
        {
            xml.WriteStartDocument(true);
            write(xml);
            xml.WriteEndDocument();
        }

        ClosePart();
    }

    private Stream OpenPart(string name)
    {
        if (_partOpen)
        {
            throw new InvalidOperationException($"Finish the open part before starting {name}.");
        }

        _partOpen = true;
        return _zip.CreateEntry(name, CompressionLevel.Fastest).Open();
    }

    private void ClosePart() => _partOpen = false;
}
