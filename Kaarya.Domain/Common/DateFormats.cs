using System.Globalization;

namespace Kaarya.Domain.Common;

/// <summary>The programme's date format: dd-MM-yyyy, as GGBK writes dates.</summary>
public static class DateFormats
{
    public const string Display = "dd-MM-yyyy";

    public static string Show(DateOnly date) => date.ToString(Display, CultureInfo.InvariantCulture);

    public static bool TryRead(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), Display, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
