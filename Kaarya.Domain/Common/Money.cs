using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Kaarya.Domain.Common;

/// <summary>
/// An amount of Indian rupees, held as whole paise in a 64-bit integer so that no sum ever
/// drifts. Shown the Indian way, with lakh grouping: <c>₹12,50,000.00</c>.
/// </summary>
public readonly partial record struct Money : IComparable<Money>
{
    public const long PaisePerRupee = 100;

    public Money(long paise) => Paise = paise;

    public static Money Zero => default;

    public long Paise { get; }

    public bool IsPositive => Paise > 0;

    public bool IsNegative => Paise < 0;

    public static Money FromRupees(long rupees) => new(checked(rupees * PaisePerRupee));

    public static Money FromPaise(long paise) => new(paise);

    /// <summary>
    /// An amount given as a number of rupees (a spreadsheet's number, say), converted exactly:
    /// false for a fraction of a paisa or an amount beyond what paise can hold.
    /// </summary>
    public static bool TryFromRupees(decimal rupees, out Money money)
    {
        money = Zero;
        if (Math.Abs(rupees) > long.MaxValue / (decimal)PaisePerRupee)
        {
            return false;
        }

        var paise = rupees * PaisePerRupee;
        if (paise != decimal.Truncate(paise))
        {
            return false;
        }

        money = new Money((long)paise);
        return true;
    }

    public static Money operator +(Money left, Money right) => new(checked(left.Paise + right.Paise));

    public static Money operator -(Money left, Money right) => new(checked(left.Paise - right.Paise));

    public static Money operator -(Money value) => new(checked(-value.Paise));

    public static bool operator <(Money left, Money right) => left.Paise < right.Paise;

    public static bool operator >(Money left, Money right) => left.Paise > right.Paise;

    public static bool operator <=(Money left, Money right) => left.Paise <= right.Paise;

    public static bool operator >=(Money left, Money right) => left.Paise >= right.Paise;

    public static Money Max(Money left, Money right) => left >= right ? left : right;

    public static Money Sum(IEnumerable<Money> amounts)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        long total = 0;
        foreach (var amount in amounts)
        {
            total = checked(total + amount.Paise);
        }

        return new Money(total);
    }

    public Money Add(Money other) => this + other;

    public Money Subtract(Money other) => this - other;

    public Money Negate() => -this;

    public int CompareTo(Money other) => Paise.CompareTo(other.Paise);

    /// <summary>The amount with the rupee sign and lakh grouping, e.g. <c>₹12,50,000.00</c>.</summary>
    public override string ToString() => Format(withSymbol: true);

    /// <summary>
    /// The amount as said in a sentence: whole rupees without paise (<c>₹25,000</c>), otherwise
    /// with them (<c>₹25,000.50</c>).
    /// </summary>
    public string ToShortString()
    {
        var full = Format(withSymbol: true);
        return Paise % PaisePerRupee == 0 ? full[..^3] : full;
    }

    /// <summary>The amount as a form shows it for editing: <c>12,500</c> or <c>12,500.50</c>, no rupee sign.</summary>
    public string ToInputString()
    {
        var full = Format(withSymbol: false);
        return Paise % PaisePerRupee == 0 ? full[..^3] : full;
    }

    /// <summary>Lakh-grouped digits with two decimals, with or without the rupee sign.</summary>
    public string Format(bool withSymbol)
    {
        var negative = Paise < 0;
        var magnitude = negative ? -(decimal)Paise : Paise;
        var rupees = (ulong)(magnitude / PaisePerRupee);
        var paise = (int)(magnitude % PaisePerRupee);

        var text = new StringBuilder(24);
        if (negative)
        {
            text.Append('-');
        }

        if (withSymbol)
        {
            text.Append('₹');
        }

        text.Append(GroupIndian(rupees.ToString(CultureInfo.InvariantCulture)));
        text.Append('.').Append(paise.ToString("00", CultureInfo.InvariantCulture));
        return text.ToString();
    }

    /// <summary>
    /// Reads an amount as people type it: <c>12500</c>, <c>12,500</c>, <c>₹12,500.50</c> or
    /// <c>12,50,000</c>. Commas are grouping only; at most two decimals.
    /// </summary>
    public static bool TryParse(string? text, out Money money)
    {
        money = Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var written = text.Trim().Replace("₹", string.Empty, StringComparison.Ordinal)
            .Replace("Rs.", string.Empty, StringComparison.OrdinalIgnoreCase)
            .Replace(" ", string.Empty, StringComparison.Ordinal);
        if (!Grouping().IsMatch(written))
        {
            return false;
        }

        var cleaned = written.Replace(",", string.Empty, StringComparison.Ordinal);

        if (!decimal.TryParse(cleaned, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rupees))
        {
            return false;
        }

        var paise = rupees * PaisePerRupee;
        if (paise != decimal.Truncate(paise) || paise > long.MaxValue || paise < long.MinValue)
        {
            return false;
        }

        money = new Money((long)paise);
        return true;
    }

    public static Money Parse(string text) =>
        TryParse(text, out var money)
            ? money
            : throw new DomainException("amount-unreadable", $"\"{text}\" is not an amount in rupees (for example 12,500 or 12500.50).");

    /// <summary>
    /// Digits with no commas, or commas where Indian (12,50,000) or western (1,250,000) grouping
    /// puts them, so that "12,50" is not silently read as ₹1,250.
    /// </summary>
    [GeneratedRegex(@"^-?([0-9]+|[0-9]{1,2}(,[0-9]{2})*,[0-9]{3}|[0-9]{1,3}(,[0-9]{3})+)(\.[0-9]*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Grouping();

    private static string GroupIndian(string digits)
    {
        if (digits.Length <= 3)
        {
            return digits;
        }

        var lastThree = digits[^3..];
        var rest = digits[..^3];
        var grouped = new StringBuilder(digits.Length + (digits.Length / 2));
        var firstGroup = rest.Length % 2;
        if (firstGroup > 0)
        {
            grouped.Append(rest, 0, firstGroup);
        }

        for (var i = firstGroup; i < rest.Length; i += 2)
        {
            if (grouped.Length > 0)
            {
                grouped.Append(',');
            }

            grouped.Append(rest, i, 2);
        }

        return grouped.Append(',').Append(lastThree).ToString();
    }
}
