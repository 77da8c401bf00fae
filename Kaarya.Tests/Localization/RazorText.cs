using System.Text;
using System.Text.RegularExpressions;

namespace Kaarya.Tests.Localization;

/// <summary>
/// Finds the words a .razor file would show without the localizer: text between tags, and the
/// visible attributes (label, title, placeholder…) given as plain strings. Code (the @code block,
/// @if and @foreach lines, lambdas inside attributes) and comments are not text.
/// </summary>
public static partial class RazorText
{
    private static readonly string[] VisibleAttributes = ["Label", "Text", "Title", "Placeholder", "HelperText", "aria-label", "title", "alt", "ToolTip"];

    public static IReadOnlyList<string> LiteralText(string razor)
    {
        ArgumentNullException.ThrowIfNull(razor);
        var markup = Comment().Replace(razor, string.Empty);
        var code = markup.IndexOf("@code", StringComparison.Ordinal);
        if (code >= 0)
        {
            markup = markup[..code];
        }

        var found = new List<string>();
        var text = new StringBuilder();
        for (var i = 0; i < markup.Length; i++)
        {
            if (markup[i] == '<' && i + 1 < markup.Length && (char.IsLetter(markup[i + 1]) || markup[i + 1] is '/' or '!'))
            {
                found.AddRange(TextOf(text.ToString()));
                text.Clear();
                var end = EndOfTag(markup, i);
                found.AddRange(VisibleAttributesOf(markup[i..end]));
                i = end;
            }
            else
            {
                text.Append(markup[i]);
            }
        }

        found.AddRange(TextOf(text.ToString()));
        return found;
    }

    // A tag ends at the first '>' outside quotes; an attribute's value may hold a lambda's "=>".
    private static int EndOfTag(string markup, int start)
    {
        var quoted = false;
        for (var i = start; i < markup.Length; i++)
        {
            if (markup[i] == '"')
            {
                quoted = !quoted;
            }
            else if (markup[i] == '>' && !quoted)
            {
                return i;
            }
        }

        return markup.Length - 1;
    }

    private static IEnumerable<string> VisibleAttributesOf(string tag) =>
        Attribute().Matches(tag)
            .Where(m => VisibleAttributes.Contains(m.Groups["name"].Value, StringComparer.Ordinal) && HasWords(m.Groups["value"].Value) && !m.Groups["value"].Value.StartsWith('@'))
            .Select(m => m.Value);

    private static IEnumerable<string> TextOf(string between)
    {
        foreach (var raw in between.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || CodeLine().IsMatch(line))
            {
                continue;
            }

            var words = Expression().Replace(line, string.Empty);
            if (HasWords(words))
            {
                yield return line;
            }
        }
    }

    private static bool HasWords(string text) => Words().IsMatch(text);

    [GeneratedRegex(@"@\*.*?\*@", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"^(@|\}|\{|else\b|case\b|break;|default:|var\b)")]
    private static partial Regex CodeLine();

    // @Name.Chain, @Name[...], @Method(...), @(...): Razor expressions, not literal text.
    [GeneratedRegex(@"@\((?:[^()]|\([^()]*\))*\)|@[A-Za-z_][\w\.]*(?:\[[^\]]*\])?(?:\((?:[^()]|\([^()]*\))*\))?")]
    private static partial Regex Expression();

    [GeneratedRegex(@"(?<name>[\w-]+)=""(?<value>[^""]*)""")]
    private static partial Regex Attribute();

    [GeneratedRegex(@"[A-Za-z\u0980-\u09FF]{2,}")]
    private static partial Regex Words();
}
