using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using ClosedXML.Excel;

namespace Kaarya.Web.Features.Exports.Xlsx;

/// <summary>
/// A sheet too big for ClosedXML: ClosedXML builds a placeholder of it (see
/// <see cref="StreamedSheetPlaceholder"/>), and <see cref="WorkbookAssembly"/> streams its rows in
/// place of the placeholder's. A named table on it is stretched over the rows written.
/// </summary>
public sealed record StreamedSheet(string Name, IReadOnlyList<double> Widths, bool FreezeHeader, string? TableName);

/// <summary>The stylesheet index of each <see cref="XlStyle"/> a streamed sheet may use, as ClosedXML numbered them.</summary>
public sealed class StyleIndices
{
    public const string Default = "0";

    private readonly Dictionary<XlStyle, string> _indices;

    public StyleIndices(IReadOnlyDictionary<XlStyle, string> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        _indices = new Dictionary<XlStyle, string>(indices);
    }

    public string this[XlStyle style] => _indices.TryGetValue(style, out var index)
        ? index
        : throw new InvalidOperationException($"A streamed sheet cannot use the style {style}: add it to {nameof(StreamedSheetPlaceholder)}.{nameof(StreamedSheetPlaceholder.Styles)}.");
}

/// <summary>
/// The placeholder ClosedXML builds for a streamed sheet: the sheet in its place among the others,
/// its header row, the table over it, and one sample row with a cell in each format the streamed
/// rows use, so that those formats are in ClosedXML's stylesheet and their indices can be read
/// from the placeholder. None of the placeholder's rows reach the finished workbook.
/// </summary>
public static class StreamedSheetPlaceholder
{
    /// <summary>The formats a streamed sheet may use, in the order of the sample row's cells.</summary>
    public static IReadOnlyList<XlStyle> Styles { get; } =
        [XlStyle.Text, XlStyle.QuotedText, XlStyle.Header, XlStyle.Date, XlStyle.DateTime, XlStyle.Money, XlStyle.NegativeMoney, XlStyle.WholeNumber, XlStyle.Month];

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

/// <summary>
/// Writes the finished .xlsx: every part of the package ClosedXML saved (small: the styled
/// sheets, the stylesheet, the workbook) copied into a new zip written straight to the
/// destination, which need not seek; the streamed sheet written row by row with the Open XML
/// SDK's <see cref="SheetWriter"/> in place of its placeholder; its table's range stretched over
/// the rows written; and each formula of the styled sheets given its value (<see cref="CachedValues"/>).
/// Nothing big is held in memory: neither the streamed sheet nor the zip being written.
/// </summary>
public static class WorkbookAssembly
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string OfficeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    private static readonly XName SheetName = XName.Get("sheet", Main);
    private static readonly XName RelationshipId = XName.Get("id", OfficeRelationships);

    /// <summary>
    /// Assembles the workbook. <paramref name="writeRows"/> writes the streamed sheet's rows, its
    /// header first, and returns the number of the last row written.
    /// </summary>
    public static void Write(Stream styledPackage, Stream destination, StreamedSheet streamed, CachedValues cachedValues, Func<SheetWriter, uint> writeRows)
    {
        ArgumentNullException.ThrowIfNull(styledPackage);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(streamed);
        ArgumentNullException.ThrowIfNull(cachedValues);
        ArgumentNullException.ThrowIfNull(writeRows);

        using var source = new ZipArchive(styledPackage, ZipArchiveMode.Read, leaveOpen: true);
        var sheets = SheetParts(source);
        var streamedPart = sheets.TryGetValue(streamed.Name, out var part)
            ? part
            : throw new InvalidOperationException($"The styled package has no sheet \"{streamed.Name}\" to stream into.");
        var placeholder = LoadXml(source, streamedPart);
        var styles = ProbeStyles(placeholder);
        var tableRelationship = placeholder.Descendants(XName.Get("tablePart", Main)).Select(t => (string?)t.Attribute(RelationshipId)).FirstOrDefault();
        string? tablePart = null;
        if (streamed.TableName is not null)
        {
            tablePart = tableRelationship is null
                ? throw new InvalidOperationException($"The placeholder of \"{streamed.Name}\" has no table.")
                : Relationships(source, streamedPart)[tableRelationship];
        }

        var withValues = cachedValues.Sheets.ToDictionary(name => sheets[name], name => cachedValues.For(name), StringComparer.OrdinalIgnoreCase);

        using var output = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);
        uint lastRow = 0;
        foreach (var entry in source.Entries)
        {
            if (Is(entry, streamedPart))
            {
                using var target = Create(output, entry.FullName);
                using var sheet = new SheetWriter(target, streamed.Widths, streamed.FreezeHeader, styles);
                lastRow = writeRows(sheet);
                sheet.Finish(tableRelationship);
            }
            else if (tablePart is not null && Is(entry, tablePart))
            {
                // Written last, when the streamed sheet's last row is known.
            }
            else if (withValues.TryGetValue(entry.FullName, out var values))
            {
                using var from = entry.Open();
                using var target = Create(output, entry.FullName);
                AddFormulaValues(from, target, values);
            }
            else
            {
                using var from = entry.Open();
                using var target = Create(output, entry.FullName);
                from.CopyTo(target);
            }
        }

        if (tablePart is not null)
        {
            var table = LoadXml(source, tablePart);
            Stretch(table, lastRow);
            using var target = Create(output, source.Entries.First(e => Is(e, tablePart)).FullName);
            using var writer = XmlWriter.Create(target, new XmlWriterSettings { Encoding = new UTF8Encoding(false), CloseOutput = false });
            table.Save(writer);
        }
    }

    /// <summary>Each sheet's part in the package, by the sheet's name: workbook.xml names them, its relationships place them.</summary>
    private static Dictionary<string, string> SheetParts(ZipArchive package)
    {
        var workbookPart = PackageRelationshipsOf(package, "_rels/.rels", string.Empty)
            .First(r => r.Type == $"{OfficeRelationships}/officeDocument").Target;
        var relationships = Relationships(package, workbookPart);
        return LoadXml(package, workbookPart).Descendants(SheetName)
            .ToDictionary(s => (string)s.Attribute("name")!, s => relationships[(string)s.Attribute(RelationshipId)!], StringComparer.Ordinal);
    }

    /// <summary>A part's relationships: id to the target part's name in the zip.</summary>
    private static Dictionary<string, string> Relationships(ZipArchive package, string partName)
    {
        var folder = partName.Contains('/', StringComparison.Ordinal) ? partName[..partName.LastIndexOf('/')] : string.Empty;
        var file = partName[(partName.LastIndexOf('/') + 1)..];
        var relsName = folder.Length == 0 ? $"_rels/{file}.rels" : $"{folder}/_rels/{file}.rels";
        return PackageRelationshipsOf(package, relsName, folder).ToDictionary(r => r.Id, r => r.Target, StringComparer.Ordinal);
    }

    private static List<(string Id, string Type, string Target)> PackageRelationshipsOf(ZipArchive package, string relsName, string folder) =>
        LoadXml(package, relsName).Root!.Elements(XName.Get("Relationship", PackageRelationships))
            .Where(r => (string?)r.Attribute("TargetMode") != "External")
            .Select(r => ((string)r.Attribute("Id")!, (string)r.Attribute("Type")!, Resolve(folder, (string)r.Attribute("Target")!)))
            .ToList();

    /// <summary>A relationship's target as a zip entry name: absolute ("/xl/x.xml") or relative to the source's folder ("../x.xml").</summary>
    private static string Resolve(string folder, string target)
    {
        var path = target.StartsWith('/') ? target[1..] : (folder.Length == 0 ? target : $"{folder}/{target}");
        var parts = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment == "..")
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else if (segment is not ("." or ""))
            {
                parts.Add(segment);
            }
        }

        return string.Join('/', parts);
    }

    /// <summary>The formats' indices, read from the placeholder's sample row.</summary>
    private static StyleIndices ProbeStyles(XDocument placeholder)
    {
        var rows = placeholder.Descendants(XName.Get("row", Main)).ToDictionary(r => (string)r.Attribute("r")!, StringComparer.Ordinal);
        static string StyleOf(XElement cell) => (string?)cell.Attribute("s") ?? StyleIndices.Default;
        var sample = rows["2"].Elements(XName.Get("c", Main)).ToList();
        var indices = new Dictionary<XlStyle, string>();
        for (var i = 0; i < StreamedSheetPlaceholder.Styles.Count; i++)
        {
            indices[StreamedSheetPlaceholder.Styles[i]] = StyleOf(sample[i]);
        }

        return new StyleIndices(indices);
    }

    /// <summary>The table and its filter cover the header and every row written; a table needs one row below its header.</summary>
    private static void Stretch(XDocument table, uint lastRow)
    {
        var root = table.Root!;
        var reference = (string)root.Attribute("ref")!;
        var lastColumn = new string(reference[(reference.IndexOf(':', StringComparison.Ordinal) + 1)..].TakeWhile(char.IsAsciiLetter).ToArray());
        var stretched = string.Create(CultureInfo.InvariantCulture, $"A1:{lastColumn}{Math.Max(lastRow, 2)}");
        root.SetAttributeValue("ref", stretched);
        root.Element(XName.Get("autoFilter", Main))?.SetAttributeValue("ref", stretched);
    }

    /// <summary>
    /// Copies a worksheet part, node by node, giving each formula cell named in
    /// <paramref name="values"/> its value (<c>&lt;v&gt;</c> after its <c>&lt;f&gt;</c>) unless it has one.
    /// </summary>
    private static void AddFormulaValues(Stream from, Stream to, IReadOnlyDictionary<string, string> values)
    {
        using var reader = XmlReader.Create(from, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        using var writer = XmlWriter.Create(to, new XmlWriterSettings { Encoding = new UTF8Encoding(false), CloseOutput = false });
        string? pending = null;
        string prefix = string.Empty;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.XmlDeclaration:
                    writer.WriteStartDocument(true);
                    break;
                case XmlNodeType.Element:
                    var empty = reader.IsEmptyElement;
                    var isMain = reader.NamespaceURI == Main;
                    if (isMain && reader.LocalName == "c")
                    {
                        pending = values.GetValueOrDefault(reader.GetAttribute("r") ?? string.Empty);
                        prefix = reader.Prefix;
                    }
                    else if (isMain && reader.LocalName == "v")
                    {
                        pending = null;
                    }

                    writer.WriteStartElement(reader.Prefix, reader.LocalName, reader.NamespaceURI);
                    writer.WriteAttributes(reader, defattr: false);
                    if (empty)
                    {
                        if (isMain && reader.LocalName == "c")
                        {
                            pending = null;
                        }

                        writer.WriteEndElement();
                    }

                    break;
                case XmlNodeType.EndElement:
                    if (pending is not null && reader.LocalName == "c" && reader.NamespaceURI == Main)
                    {
                        writer.WriteElementString(prefix, "v", Main, pending);
                        pending = null;
                    }

                    writer.WriteFullEndElement();
                    break;
                case XmlNodeType.Text:
                    writer.WriteString(reader.Value);
                    break;
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                    writer.WriteWhitespace(reader.Value);
                    break;
                case XmlNodeType.CDATA:
                    writer.WriteCData(reader.Value);
                    break;
                default:
                    // Comments and processing instructions: ClosedXML writes none, and none matter here.
                    break;
            }
        }
    }

    private static XDocument LoadXml(ZipArchive package, string partName)
    {
        using var stream = package.Entries.First(e => Is(e, partName)).Open();
        return XDocument.Load(stream);
    }

    private static bool Is(ZipArchiveEntry entry, string partName) =>
        string.Equals(entry.FullName.TrimStart('/'), partName, StringComparison.OrdinalIgnoreCase);

    private static Stream Create(ZipArchive package, string name) => package.CreateEntry(name, CompressionLevel.Fastest).Open();
}
