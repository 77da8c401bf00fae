using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Kaarya.Web.Features.Exports.Xlsx;

/// <summary>
/// Writes the finished .xlsx, a zip written straight to the destination, which need not seek, from
/// the streamed sheets and the package ClosedXML saved (small: the styled sheets, the streamed
/// sheets' placeholders, the stylesheet, the workbook):
/// <list type="bullet">
/// <item>a streamed sheet is either written ahead (<see cref="WriteAheadAsync"/>: the Ledger, as the
/// ledger is read, before ClosedXML has saved anything; its placeholder is dropped and the workbook
/// pointed at it) or written in its placeholder's place when the package is put together
/// (<see cref="Finish"/>); either way it is compressed on the other core while it is written
/// (<see cref="HandOffStream"/>);</item>
/// <item>a streamed sheet's table is stretched over the rows written, its relationship given the id
/// the streamed sheet names it by (<see cref="SheetWriter.TableRelationshipId"/>);</item>
/// <item>the stylesheet gets each <see cref="XlStyle"/>'s format first, at its number, and
/// ClosedXML's own sheets are moved on to match (<see cref="StreamedFormats"/>), their formulas
/// given their values (<see cref="CachedValues"/>);</item>
/// <item>every other part is copied as it is.</item>
/// </list>
/// Nothing big is held in memory: neither a streamed sheet nor the zip being written. The order
/// of the parts in the zip does not matter to a spreadsheet program, which reads the zip's directory.
/// </summary>
public sealed class WorkbookAssembly : IDisposable
{
    private static readonly XName RelationshipElement = XName.Get("Relationship", PackageParts.PackageRelationships);
    private static readonly XName OverrideElement = XName.Get("Override", "http://schemas.openxmlformats.org/package/2006/content-types");

    private readonly ZipArchive _output;
    private readonly Dictionary<string, WrittenAhead> _writtenAhead = new(StringComparer.Ordinal);

    public WorkbookAssembly(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        _output = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);
    }

    /// <summary>
    /// Writes a streamed sheet's part now, before the package it belongs to exists:
    /// <paramref name="writePart"/> writes the whole worksheet part and returns the number of its last row.
    /// </summary>
    public async Task WriteAheadAsync(string sheetName, string? tableName, Func<Stream, Task<uint>> writePart)
    {
        ArgumentNullException.ThrowIfNull(sheetName);
        ArgumentNullException.ThrowIfNull(writePart);
        var part = string.Create(CultureInfo.InvariantCulture, $"xl/worksheets/streamed{_writtenAhead.Count + 1}.xml");
        uint lastRow;
        await using (var target = Create(part))
        {
            await using var compressing = new HandOffStream(target);
            lastRow = await writePart(compressing);
        }

        _writtenAhead[sheetName] = new WrittenAhead(part, tableName, lastRow);
    }

    /// <summary>
    /// Puts the workbook together from ClosedXML's package: the sheets written ahead in their
    /// placeholders' places, <paramref name="streamed"/> written now in theirs, everything else
    /// copied as described above. The destination then holds the whole workbook.
    /// </summary>
    public void Finish(Stream styledPackage, IReadOnlyList<StreamedSheet> streamed, CachedValues cachedValues)
    {
        ArgumentNullException.ThrowIfNull(styledPackage);
        ArgumentNullException.ThrowIfNull(streamed);
        ArgumentNullException.ThrowIfNull(cachedValues);

        using var source = new ZipArchive(styledPackage, ZipArchiveMode.Read, leaveOpen: true);
        var parts = new PackageParts(source);
        var sheets = streamed.Select(sheet => Placeholder.Of(parts, sheet.Name, sheet.TableName, sheet, ahead: null))
            .Concat(_writtenAhead.Select(a => Placeholder.Of(parts, a.Key, a.Value.TableName, sheet: null, a.Value)))
            .ToDictionary(p => p.Part, StringComparer.OrdinalIgnoreCase);
        var tables = sheets.Values.Where(p => p.Table is not null).ToDictionary(p => p.Table!.Value.Part, StringComparer.OrdinalIgnoreCase);
        var sheetRelationships = sheets.Values.ToDictionary(p => PackageParts.RelationshipsPartOf(p.Part), StringComparer.OrdinalIgnoreCase);
        var styledSheets = parts.Sheets.Values.Where(part => !sheets.ContainsKey(part)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var values = cachedValues.Sheets.ToDictionary(name => parts.Sheets[name], cachedValues.For, StringComparer.OrdinalIgnoreCase);
        var formats = sheets.Count == 0 ? null : StreamedFormats.Probe(parts.Load(sheets.Keys.First()));
        var moved = sheets.Values.Where(p => p.Ahead is not null).ToDictionary(p => p.Part, p => p.Ahead!.Part, StringComparer.OrdinalIgnoreCase);
        var workbookRelationships = PackageParts.RelationshipsPartOf(parts.Workbook);

        foreach (var entry in source.Entries)
        {
            var name = PackageParts.Name(entry);
            if (sheets.TryGetValue(name, out var placeholder))
            {
                if (placeholder.Sheet is { } sheet)
                {
                    using var target = Create(entry.FullName);
                    using var compressing = new HandOffStream(target);
                    placeholder.LastRow = sheet.WritePart(compressing);
                }

                // A sheet written ahead is already in the zip, under its own name.
            }
            else if (tables.ContainsKey(name))
            {
                // Written last, when the streamed sheet's last row is known.
            }
            else if (sheetRelationships.TryGetValue(name, out var of))
            {
                var relationships = parts.Load(name);
                if (of.Table is { } table)
                {
                    relationships.Root!.Elements(RelationshipElement).First(r => (string?)r.Attribute("Id") == table.RelationshipId)
                        .SetAttributeValue("Id", SheetWriter.TableRelationshipId);
                }

                Save(relationships, of.Ahead is null ? entry.FullName : PackageParts.RelationshipsPartOf(of.Ahead.Part));
            }
            else if (moved.Count > 0 && string.Equals(name, workbookRelationships, StringComparison.OrdinalIgnoreCase))
            {
                Save(Repoint(parts, moved), entry.FullName);
            }
            else if (moved.Count > 0 && string.Equals(name, PackageParts.ContentTypes, StringComparison.OrdinalIgnoreCase))
            {
                var types = parts.Load(name);
                foreach (var type in types.Root!.Elements(OverrideElement))
                {
                    if (moved.TryGetValue(((string)type.Attribute("PartName")!).TrimStart('/'), out var to))
                    {
                        type.SetAttributeValue("PartName", "/" + to);
                    }
                }

                Save(types, entry.FullName);
            }
            else if (formats is not null && string.Equals(name, parts.Stylesheet, StringComparison.OrdinalIgnoreCase))
            {
                var stylesheet = parts.Load(name);
                StreamedFormats.PutFirst(stylesheet, formats);
                Save(stylesheet, entry.FullName);
            }
            else if (styledSheets.Contains(name))
            {
                using var from = entry.Open();
                using var target = Create(entry.FullName);
                StreamedFormats.CopySheet(from, target, formats is null ? 0 : StreamedFormats.Shift, values.GetValueOrDefault(name) ?? new Dictionary<string, string>());
            }
            else
            {
                using var from = entry.Open();
                using var target = Create(entry.FullName);
                from.CopyTo(target);
            }
        }

        foreach (var (tablePart, placeholder) in tables)
        {
            var table = parts.Load(tablePart);
            Stretch(table, placeholder.Ahead?.LastRow ?? placeholder.LastRow);
            Save(table, parts.Entry(tablePart).FullName);
        }
    }

    public void Dispose() => _output.Dispose();

    /// <summary>The workbook's relationships, each sheet written ahead found at its own part instead of its placeholder's.</summary>
    private static XDocument Repoint(PackageParts parts, Dictionary<string, string> moved)
    {
        var relationships = parts.Load(PackageParts.RelationshipsPartOf(parts.Workbook));
        var targets = parts.RelationshipsOf(parts.Workbook).ToDictionary(r => r.Id, r => r.Target, StringComparer.Ordinal);
        foreach (var relationship in relationships.Root!.Elements(RelationshipElement))
        {
            if (targets.TryGetValue((string)relationship.Attribute("Id")!, out var target) && moved.TryGetValue(target, out var to))
            {
                relationship.SetAttributeValue("Target", "/" + to);
            }
        }

        return relationships;
    }

    /// <summary>The table and its filter cover the header and every row written; a table needs one row below its header.</summary>
    private static void Stretch(XDocument table, uint lastRow)
    {
        var root = table.Root!;
        var reference = (string)root.Attribute("ref")!;
        var lastColumn = new string(reference[(reference.IndexOf(':', StringComparison.Ordinal) + 1)..].TakeWhile(char.IsAsciiLetter).ToArray());
        var stretched = string.Create(CultureInfo.InvariantCulture, $"A1:{lastColumn}{Math.Max(lastRow, 2)}");
        root.SetAttributeValue("ref", stretched);
        root.Element(XName.Get("autoFilter", PackageParts.Main))?.SetAttributeValue("ref", stretched);
    }

    private void Save(XDocument part, string name)
    {
        using var target = Create(name);
        using var writer = XmlWriter.Create(target, new XmlWriterSettings { Encoding = new UTF8Encoding(false), CloseOutput = false });
        part.Save(writer);
    }

    private Stream Create(string name) => _output.CreateEntry(name, CompressionLevel.Fastest).Open();

    /// <summary>A sheet written ahead: its own part, its table's name, its last row.</summary>
    private sealed record WrittenAhead(string Part, string? TableName, uint LastRow);

    /// <summary>Where a streamed sheet goes in ClosedXML's package, and the last row it then wrote.</summary>
    private sealed class Placeholder(string part, (string RelationshipId, string Part)? table, StreamedSheet? sheet, WrittenAhead? ahead)
    {
        public string Part { get; } = part;

        public (string RelationshipId, string Part)? Table { get; } = table;

        /// <summary>The sheet to write in the placeholder's place, unless it was written ahead.</summary>
        public StreamedSheet? Sheet { get; } = sheet;

        public WrittenAhead? Ahead { get; } = ahead;

        public uint LastRow { get; set; }

        public static Placeholder Of(PackageParts parts, string name, string? tableName, StreamedSheet? sheet, WrittenAhead? ahead)
        {
            var part = parts.Sheets.TryGetValue(name, out var found)
                ? found
                : throw new InvalidOperationException($"The styled package has no sheet \"{name}\" to stream into.");
            if (tableName is null)
            {
                return new Placeholder(part, null, sheet, ahead);
            }

            var table = parts.RelationshipsOf(part).FirstOrDefault(r => r.Type == $"{PackageParts.OfficeRelationships}/table");
            return table.Id is null
                ? throw new InvalidOperationException($"The placeholder of \"{name}\" has no table.")
                : new Placeholder(part, (table.Id, table.Target), sheet, ahead);
        }
    }
}
