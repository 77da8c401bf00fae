using System.Globalization;
using System.Text;

namespace Kaarya.Web.Features.Exports.Xlsx;

/// <summary>
/// Text as it goes into a cell of an exported workbook. Names, business names and references are
/// typed by people; a workbook must show them exactly as typed and must never run them.
/// </summary>
public static class CellText
{
    /// <summary>
    /// Whether a spreadsheet would take this text for a formula if someone edited the cell, or if
    /// the sheet were saved as CSV and opened again: it starts with <c>=</c>, <c>+</c>, <c>-</c>,
    /// <c>@</c>, a tab or a carriage return (or the full-width forms of the four signs).
    /// Such a cell is written as text with Excel's quote prefix (the apostrophe it shows in the
    /// formula bar), so the text stays exactly what was typed and stays text when edited.
    /// </summary>
    public static bool LooksLikeFormula(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\uFF1D' or '\uFF0B' or '\uFF0D' or '\uFF20';
    }

    /// <summary>
    /// The text in Office Open XML's escaped form (ECMA-376 ST_Xstring): a character XML cannot
    /// carry, and a carriage return (which XML would turn into a line feed), is written
    /// <c>_xHHHH_</c>; an underscore that would start such a pattern is itself escaped as
    /// <c>_x005F_</c>. A spreadsheet reading the cell gets the original text back, character for character.
    /// </summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!NeedsEscaping(text))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                escaped.Append(c).Append(text[++i]);
            }
            else if (IsUnsafe(c) || (c == '_' && StartsEscapePattern(text, i)))
            {
                escaped.Append("_x").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)).Append('_');
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    /// <summary>Whether XML would lose the text's leading or trailing spaces unless told to keep them.</summary>
    public static bool NeedsPreservedSpace(string text) =>
        !string.IsNullOrEmpty(text) && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]));

    private static bool NeedsEscaping(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '_' || IsUnsafe(c) || char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Control characters other than tab and line feed, a carriage return, a lone surrogate, and the two non-characters.</summary>
    private static bool IsUnsafe(char c) =>
        (c < ' ' && c != '\t' && c != '\n') || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF';

    private static bool StartsEscapePattern(string text, int at) =>
        at + 6 < text.Length
        && text[at + 1] == 'x'
        && char.IsAsciiHexDigit(text[at + 2]) && char.IsAsciiHexDigit(text[at + 3])
        && char.IsAsciiHexDigit(text[at + 4]) && char.IsAsciiHexDigit(text[at + 5])
        && text[at + 6] == '_';
}
