using System.IO.Compression;
using System.Xml.Linq;

namespace Kaarya.Web.Features.Exports.Xlsx;

/// <summary>
/// Finding one's way around a saved .xlsx package: which part holds which sheet, a part's
/// relationships, and where a relationship's target is in the zip. Nothing here depends on how
/// ClosedXML names its parts.
/// </summary>
public sealed class PackageParts
{
    public const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    public const string OfficeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    public const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    private static readonly XName RelationshipId = XName.Get("id", OfficeRelationships);
    private static readonly XName RelationshipElement = XName.Get("Relationship", PackageRelationships);

    private readonly ZipArchive _package;

    public PackageParts(ZipArchive package)
    {
        ArgumentNullException.ThrowIfNull(package);
        _package = package;
        var workbook = RelationshipsOf(string.Empty, "_rels/.rels").First(r => r.Type == $"{OfficeRelationships}/officeDocument").Target;
        Workbook = workbook;
        var relationships = RelationshipsOf(workbook);
        Sheets = Load(workbook).Descendants(XName.Get("sheet", Main))
            .ToDictionary(s => (string)s.Attribute("name")!, s => relationships.First(r => r.Id == (string)s.Attribute(RelationshipId)!).Target, StringComparer.Ordinal);
        Stylesheet = relationships.First(r => r.Type == $"{OfficeRelationships}/styles").Target;
    }

    public const string ContentTypes = "[Content_Types].xml";

    /// <summary>The workbook's part, which names the sheets.</summary>
    public string Workbook { get; }

    /// <summary>Each sheet's part, by the sheet's name: workbook.xml names them, its relationships place them.</summary>
    public IReadOnlyDictionary<string, string> Sheets { get; }

    /// <summary>The part of the workbook's stylesheet.</summary>
    public string Stylesheet { get; }

    /// <summary>The part that holds a part's relationships: "xl/worksheets/sheet2.xml" has "xl/worksheets/_rels/sheet2.xml.rels".</summary>
    public static string RelationshipsPartOf(string partName)
    {
        ArgumentNullException.ThrowIfNull(partName);
        var slash = partName.LastIndexOf('/');
        return slash < 0 ? $"_rels/{partName}.rels" : $"{partName[..slash]}/_rels/{partName[(slash + 1)..]}.rels";
    }

    /// <summary>A part's relationships to other parts of the package, their targets as zip entry names.</summary>
    public IReadOnlyList<(string Id, string Type, string Target)> RelationshipsOf(string partName) =>
        RelationshipsOf(partName.Contains('/', StringComparison.Ordinal) ? partName[..partName.LastIndexOf('/')] : string.Empty, RelationshipsPartOf(partName));

    public XDocument Load(string partName)
    {
        using var stream = Entry(partName).Open();
        return XDocument.Load(stream);
    }

    public ZipArchiveEntry Entry(string partName) => _package.Entries.First(e => Is(e, partName));

    public static bool Is(ZipArchiveEntry entry, string partName)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return string.Equals(Name(entry), partName, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>An entry's part name, without a leading slash.</summary>
    public static string Name(ZipArchiveEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.FullName.TrimStart('/');
    }

    private List<(string Id, string Type, string Target)> RelationshipsOf(string folder, string relsName) =>
        Load(relsName).Root!.Elements(RelationshipElement)
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
}
