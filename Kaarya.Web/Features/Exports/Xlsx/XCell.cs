using System.Globalization;
using Kaarya.Domain.Common;

namespace Kaarya.Web.Features.Exports.Xlsx;

public enum XCellKind
{
    Blank = 0,
    Text = 1,
    Number = 2,
    Formula = 3,
}

/// <summary>
/// One cell's content: text, a number shown through a format (an amount, a date), or a live
/// formula with the value it computes to, so that a reader that does not recalculate shows the
/// right figure too. Money becomes decimal rupees here, never a double.
/// </summary>
public readonly record struct XCell(XCellKind Kind, string? Text, decimal Number, XlStyle Style, string? Formula, int Width)
{
    public static XCell Blank => default;

    public static XCell Of(string? text, XlStyle style = XlStyle.Text) =>
        string.IsNullOrEmpty(text) ? Blank : new(XCellKind.Text, text, 0, style, null, text.Length);

    /// <summary>A heading that spills over the empty cells beside it, so it does not widen its column.</summary>
    public static XCell Title(string text, XlStyle style = XlStyle.Title) => new(XCellKind.Text, text, 0, style, null, 0);

    public static XCell Whole(long value) =>
        new(XCellKind.Number, null, value, XlStyle.WholeNumber, null, Digits(value));

    public static XCell Rupees(Money amount, XlStyle style = XlStyle.Money) =>
        new(XCellKind.Number, null, ExcelValues.Rupees(amount), Signed(style, amount), null, amount.Format(withSymbol: true).Length);

    public static XCell Date(DateOnly date) =>
        new(XCellKind.Number, null, ExcelValues.Serial(date), XlStyle.Date, null, XlsxStyles.DateFormat.Length);

    public static XCell Month(DateOnly firstOfMonth, XlStyle style = XlStyle.Month) =>
        new(XCellKind.Number, null, ExcelValues.Serial(firstOfMonth), style, null, XlsxStyles.MonthFormat.Length);

    /// <summary>An instant as the programme's clock shows it: India time.</summary>
    public static XCell Instant(DateTimeOffset at) =>
        new(XCellKind.Number, null, ExcelValues.Serial(at), XlStyle.DateTime, null, XlsxStyles.DateTimeFormat.Length);

    /// <summary>A formula over the workbook, with the amount it comes to.</summary>
    public static XCell RupeeFormula(string formula, Money cached, XlStyle style = XlStyle.Money) =>
        new(XCellKind.Formula, null, ExcelValues.Rupees(cached), Signed(style, cached), formula, cached.Format(withSymbol: true).Length);

    /// <summary>A negative amount takes the negative format (see <see cref="XlsxStyles.NegativeRupeeFormat"/>).</summary>
    private static XlStyle Signed(XlStyle style, Money amount) => (style, amount.IsNegative) switch
    {
        (XlStyle.Money, true) => XlStyle.NegativeMoney,
        (XlStyle.BoldMoney, true) => XlStyle.BoldNegativeMoney,
        _ => style,
    };

    private static int Digits(long value) => value.ToString(CultureInfo.InvariantCulture).Length;
}

/// <summary>How dates and amounts are written as the numbers a spreadsheet keeps.</summary>
public static class ExcelValues
{
    private static readonly DateOnly Epoch = new(1899, 12, 30);

    /// <summary>Whole rupees and paise as a decimal, e.g. 1250050 paise is 12500.50.</summary>
    public static decimal Rupees(Money amount) => amount.Paise / (decimal)Money.PaisePerRupee;

    /// <summary>A spreadsheet's day number: days since 30-12-1899.</summary>
    public static decimal Serial(DateOnly date) => date.DayNumber - Epoch.DayNumber;

    /// <summary>The day number and fraction of the day, in India time, to the second.</summary>
    public static decimal Serial(DateTimeOffset at)
    {
        var local = at.ToOffset(ProgrammeCalendar.IndiaOffset);
        var seconds = (long)local.TimeOfDay.TotalSeconds;
        return Serial(DateOnly.FromDateTime(local.DateTime)) + Math.Round(seconds / 86_400m, 10);
    }

    public static DateOnly FirstOfMonth(DateOnly date) => new(date.Year, date.Month, 1);
}
