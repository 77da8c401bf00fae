using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Kaarya.Domain.Common;

/// <summary>
/// A refusal's sentence kept as a composite format and its values, so a screen in another
/// language can put the same values (an amount, a date, an entry number) into its own sentence.
/// The compiler builds it from an interpolated string passed to <see cref="Rule.Require(bool, string, RefusalMessage)"/>:
/// the call sites read as before, and the English comes out exactly as before.
/// </summary>
[InterpolatedStringHandler]
public sealed class RefusalMessage
{
    private readonly StringBuilder _format;
    private readonly List<object?> _arguments;

    public RefusalMessage(int literalLength, int formattedCount)
    {
        _format = new StringBuilder(literalLength + (formattedCount * 4));
        _arguments = new List<object?>(formattedCount);
    }

    private RefusalMessage(string format, IReadOnlyList<object?> arguments)
    {
        _format = new StringBuilder(format);
        _arguments = [.. arguments];
    }

    /// <summary>The sentence with <c>{0}</c>, <c>{1}</c>… where the values go.</summary>
    public string Format => _format.ToString();

    public IReadOnlyList<object?> Arguments => _arguments;

    /// <summary>A sentence without values: its braces are kept as text, not read as placeholders.</summary>
    public static RefusalMessage Plain(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        return new RefusalMessage(Escape(sentence), []);
    }

    public void AppendLiteral(string value) => _format.Append(Escape(value));

    public void AppendFormatted<T>(T value) => AppendFormatted(value, null);

    public void AppendFormatted<T>(T value, string? format)
    {
        _format.Append('{').Append(_arguments.Count.ToString(CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(format))
        {
            _format.Append(':').Append(format);
        }

        _format.Append('}');
        _arguments.Add(value);
    }

    /// <summary>The sentence as the culture of the moment writes it, which is what an interpolated string gives.</summary>
    public override string ToString() => string.Format(CultureInfo.CurrentCulture, Format, [.. _arguments]);

    private static string Escape(string text) => text.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);
}
