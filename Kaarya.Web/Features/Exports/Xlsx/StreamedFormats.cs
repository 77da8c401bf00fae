using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Kaarya.Web.Features.Exports.Xlsx;

/// <summary>
/// Gives every <see cref="XlStyle"/> a fixed place in the workbook's stylesheet: its own number.
/// ClosedXML numbers the cell formats it writes as it meets them, which is only known once it has
/// saved, after the ledger has been read; a streamed sheet is written while the ledger is read. So
/// the assembly copies ClosedXML's format for each style (found through a placeholder's sample row)
/// to the front of the stylesheet's cell formats, in the styles' order, and moves every index in
/// ClosedXML's own sheets on by as many. The formats' looks stay defined once, in <see cref="XlsxStyles"/>.
/// </summary>
public static class StreamedFormats
{
    private const string Main = PackageParts.Main;

    /// <summary>How far ClosedXML's own format indices move: one place per style.</summary>
    public static int Shift { get; } = Enum.GetValues<XlStyle>().Length;

    /// <summary>Which of ClosedXML's cell formats each style is, read from a placeholder's sample row.</summary>
    public static IReadOnlyDictionary<XlStyle, int> Probe(XDocument placeholder)
    {
        ArgumentNullException.ThrowIfNull(placeholder);
        var sample = placeholder.Descendants(XName.Get("row", Main)).First(r => (string?)r.Attribute("r") == "2")
            .Elements(XName.Get("c", Main)).ToList();
        var found = new Dictionary<XlStyle, int>();
        for (var i = 0; i < StreamedSheetPlaceholder.Styles.Count; i++)
        {
            found[StreamedSheetPlaceholder.Styles[i]] = (int?)sample[i].Attribute("s") ?? 0;
        }

        return found;
    }

    /// <summary>Puts a copy of each style's format first among the stylesheet's cell formats, at the style's number.</summary>
    public static void PutFirst(XDocument stylesheet, IReadOnlyDictionary<XlStyle, int> closedXmlFormats)
    {
        ArgumentNullException.ThrowIfNull(stylesheet);
        ArgumentNullException.ThrowIfNull(closedXmlFormats);
        var cellFormats = stylesheet.Root!.Element(XName.Get("cellXfs", Main))
            ?? throw new InvalidOperationException("The stylesheet has no cell formats.");
        var formats = cellFormats.Elements(XName.Get("xf", Main)).ToList();
        var styles = Enum.GetValues<XlStyle>();
        var copies = new List<XElement>(styles.Length);
        for (var i = 0; i < styles.Length; i++)
        {
            if ((int)styles[i] != i)
            {
                throw new InvalidOperationException($"The cell styles must be numbered 0, 1, 2… in order; {styles[i]} is not.");
            }

            copies.Add(new XElement(formats[closedXmlFormats[styles[i]]]));
        }

        cellFormats.AddFirst(copies);
        cellFormats.SetAttributeValue("count", (formats.Count + copies.Count).ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Copies one of ClosedXML's worksheet parts, node by node, moving each format index on by
    /// <paramref name="shift"/> (a cell's and a row's <c>s</c>, a column's <c>style</c>) and giving each
    /// formula cell named in <paramref name="values"/> its value (<c>&lt;v&gt;</c> after its
    /// <c>&lt;f&gt;</c>) unless it has one.
    /// </summary>
    public static void CopySheet(Stream from, Stream to, int shift, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(values);
        using var reader = XmlReader.Create(from, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        using var writer = XmlWriter.Create(to, new XmlWriterSettings { Encoding = new UTF8Encoding(false), CloseOutput = false });
        string? pending = null;
        var prefix = string.Empty;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.XmlDeclaration:
                    writer.WriteStartDocument(true);
                    break;
                case XmlNodeType.Element:
                    var empty = reader.IsEmptyElement;
                    var name = reader.NamespaceURI == Main ? reader.LocalName : null;
                    if (name == "c")
                    {
                        pending = values.GetValueOrDefault(reader.GetAttribute("r") ?? string.Empty);
                        prefix = reader.Prefix;
                    }
                    else if (name == "v")
                    {
                        pending = null;
                    }

                    writer.WriteStartElement(reader.Prefix, reader.LocalName, reader.NamespaceURI);
                    if (name is "c" or "row" or "col")
                    {
                        CopyAttributesShifted(reader, writer, name == "col" ? "style" : "s", shift);
                    }
                    else
                    {
                        writer.WriteAttributes(reader, defattr: false);
                    }

                    if (empty)
                    {
                        if (name == "c")
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

    /// <summary>Copies an element's attributes (none of them namespace declarations), moving the format index on.</summary>
    private static void CopyAttributesShifted(XmlReader reader, XmlWriter writer, string formatAttribute, int shift)
    {
        if (!reader.MoveToFirstAttribute())
        {
            return;
        }

        do
        {
            var value = reader.Value;
            if (reader.NamespaceURI.Length == 0 && reader.LocalName == formatAttribute)
            {
                value = (int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture) + shift).ToString(CultureInfo.InvariantCulture);
            }

            writer.WriteAttributeString(reader.Prefix, reader.LocalName, reader.NamespaceURI, value);
        }
        while (reader.MoveToNextAttribute());

        reader.MoveToElement();
    }
}
