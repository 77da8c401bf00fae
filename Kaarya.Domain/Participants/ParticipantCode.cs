using System.Text.RegularExpressions;
using Kaarya.Domain.Common;

namespace Kaarya.Domain.Participants;

/// <summary>
/// The code that stands for a survivor everywhere her name must not appear (for example
/// <c>KAA-07</c>): two to five capital letters, a hyphen, two to four digits.
/// </summary>
public sealed partial record ParticipantCode
{
    public const int MaxLength = 10;

    private ParticipantCode(string value) => Value = value;

    public string Value { get; }

    public static ParticipantCode Create(string? value)
    {
        var normalised = value?.Trim().ToUpperInvariant() ?? string.Empty;
        Rule.Require(Shape().IsMatch(normalised), "participant-code",
            $"\"{value}\" is not a participant code; codes look like KAA-07.");
        return new ParticipantCode(normalised);
    }

    public static bool TryCreate(string? value, out ParticipantCode code)
    {
        var normalised = value?.Trim().ToUpperInvariant() ?? string.Empty;
        code = Shape().IsMatch(normalised) ? new ParticipantCode(normalised) : null!;
        return code is not null;
    }

    public override string ToString() => Value;

    [GeneratedRegex("^[A-Z]{2,5}-[0-9]{2,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
