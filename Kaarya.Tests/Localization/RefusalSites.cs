using System.Text;
using System.Text.RegularExpressions;

namespace Kaarya.Tests.Localization;

/// <summary>One place in the source that refuses: the rule's code, its variant if any, and how many values its sentence carries.</summary>
public sealed record RefusalSite(string File, string Code, string? Variant, int Values)
{
    public string Key => Variant is null ? $"Refusal.{Code}" : $"Refusal.{Code}.{Variant}";
}

/// <summary>
/// Reads the C# source for every <c>Rule.Require(…)</c> and <c>new DomainException(…)</c>, as the
/// razor checks read .razor files: a refusal added without its translated sentence is found by
/// reading, before anyone meets it on a screen. Codes and sentences held in constants are followed
/// to their constant.
/// </summary>
public static partial class RefusalSites
{
    public static IReadOnlyList<RefusalSite> In(IReadOnlyDictionary<string, string> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var all = string.Join('\n', sources.Values);
        var sites = new List<RefusalSite>();
        foreach (var (file, text) in sources)
        {
            foreach (Match call in Call().Matches(text))
            {
                var (arguments, end) = Arguments(text, call.Index + call.Length);
                string code, message;
                string? variant = null;
                if (call.Groups["require"].Success)
                {
                    if (arguments.Count is < 3 or > 4)
                    {
                        continue;
                    }

                    code = arguments[1];
                    message = arguments[^1];
                    variant = arguments.Count == 4 ? arguments[2] : null;
                }
                else
                {
                    if (arguments.Count < 2)
                    {
                        continue;
                    }

                    code = arguments[0];
                    message = arguments[1];
                    var init = VariantInit().Match(text, end);
                    variant = init.Success && init.Index == end ? $"\"{init.Groups["variant"].Value}\"" : null;
                }

                code = Follow(all, code);
                message = Follow(all, message);
                if (!IsLiteral(code))
                {
                    // Rule.Require's own definition passes its parameters on: not a refusal of its own.
                    continue;
                }

                sites.Add(new RefusalSite(file, Unquote(code), variant is null ? null : Unquote(Follow(all, variant)), Values(message)));
            }
        }

        return sites;
    }

    /// <summary>The number of values an interpolated sentence carries (a plain one carries none).</summary>
    public static int Values(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!message.StartsWith("$\"", StringComparison.Ordinal))
        {
            return 0;
        }

        var holes = 0;
        var depth = 0;
        var body = message[2..^1].Replace("{{", string.Empty, StringComparison.Ordinal).Replace("}}", string.Empty, StringComparison.Ordinal);
        foreach (var c in body)
        {
            if (c == '{' && depth++ == 0)
            {
                holes++;
            }
            else if (c == '}')
            {
                depth--;
            }
        }

        return holes;
    }

    private static (List<string> Arguments, int End) Arguments(string text, int start)
    {
        var arguments = new List<string>();
        var current = new StringBuilder();
        var depth = 0;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"' || ((c == '$' || c == '@') && i + 1 < text.Length && text[i + 1] == '"'))
            {
                var close = LiteralEnd(text, i);
                current.Append(text, i, close - i);
                i = close - 1;
                continue;
            }

            if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}')
            {
                if (depth == 0)
                {
                    arguments.Add(current.ToString().Trim());
                    return (arguments, i + 1);
                }

                depth--;
            }
            else if (c == ',' && depth == 0)
            {
                arguments.Add(current.ToString().Trim());
                current.Clear();
                continue;
            }

            current.Append(c);
        }

        return (arguments, text.Length);
    }

    private static int LiteralEnd(string text, int start)
    {
        var i = text.IndexOf('"', start) + 1;
        while (i < text.Length)
        {
            if (text[i] == '\\')
            {
                i += 2;
                continue;
            }

            if (text[i] == '"')
            {
                return i + 1;
            }

            i++;
        }

        return text.Length;
    }

    private static string Follow(string all, string expression)
    {
        if (IsLiteral(expression) || !Identifier().IsMatch(expression))
        {
            return expression;
        }

        var name = expression[(expression.LastIndexOf('.') + 1)..];
        var constant = Regex.Match(all, $@"\b{Regex.Escape(name)}\s*=\s*(?<value>\$?""(?:[^""\\]|\\.)*"")\s*;");
        return constant.Success ? constant.Groups["value"].Value : expression;
    }

    private static bool IsLiteral(string expression) =>
        (expression.StartsWith('"') || expression.StartsWith("$\"", StringComparison.Ordinal)) && expression.EndsWith('"');

    private static string Unquote(string literal) => literal.TrimStart('$').Trim('"');

    [GeneratedRegex(@"(?<require>(?<![\w.])(Rule\.)?Require)\(|new DomainException\(|DomainException \w+\(\) => new\(")]
    private static partial Regex Call();

    [GeneratedRegex(@"\s*\{\s*Variant\s*=\s*""(?<variant>[^""]+)""")]
    private static partial Regex VariantInit();

    [GeneratedRegex(@"^[A-Za-z_][\w.]*$")]
    private static partial Regex Identifier();
}
