using ClosedXML.Excel;

namespace Kaarya.Web.Features.Exports.Xlsx;

/// <summary>The cell formats of an exported workbook, by what they are for.</summary>
public enum XlStyle
{
    Text = 0,

    /// <summary>Text that must stay text even when edited: see <see cref="CellText.LooksLikeFormula"/>.</summary>
    QuotedText = 1,
    Header = 2,
    Date = 3,
    DateTime = 4,
    Money = 5,
    WholeNumber = 6,
    Month = 7,
    Bold = 8,
    BoldMoney = 9,
    Title = 10,
    HeaderMonth = 11,
    Warning = 12,

    /// <summary>A negative amount (a reversal): see <see cref="XlsxStyles.NegativeRupeeFormat"/>.</summary>
    NegativeMoney = 13,
    BoldNegativeMoney = 14,
}

/// <summary>
/// What each <see cref="XlStyle"/> looks like, given to ClosedXML, which writes the workbook's one
/// stylesheet. Amounts are rupees with the rupee sign and Indian grouping (lakh and crore); dates
/// are real dates shown dd-mm-yyyy, as GGBK writes them.
/// </summary>
public static class XlsxStyles
{
    /// <summary>
    /// Rupees with lakh grouping: ₹8,000.00, ₹1,25,000.00, ₹1,25,00,000.00. Excel's <c>#,##,##0</c>
    /// does not group in lakhs; two conditions do (STACK.md). For amounts of zero and more only:
    /// a negative amount would fall to the last section, where Excel shows its minus sign and
    /// LibreOffice does not (checked with LibreOffice 7.4), so negative amounts have their own format.
    /// </summary>
    public const string RupeeFormat = "[>=10000000]\"₹\"##\\,##\\,##\\,##0.00;[>=100000]\"₹\"##\\,##\\,##0.00;\"₹\"##,##0.00";

    /// <summary>
    /// A negative amount (a reversal): -₹12,000.00, -₹1,25,000.00 shown as -₹125,000.00. One
    /// section without conditions, so every spreadsheet program shows the minus sign; the price is
    /// thousands grouping instead of lakhs for reversals of a lakh or more.
    /// </summary>
    public const string NegativeRupeeFormat = "\"₹\"##,##0.00";

    public const string DateFormat = "dd-mm-yyyy";

    public const string DateTimeFormat = "dd-mm-yyyy hh:mm";

    public const string MonthFormat = "mmm yyyy";

    /// <summary>Excel's built-in format 1, "0": a whole number without grouping.</summary>
    private const int WholeNumberFormatId = 1;

    private static readonly XLColor HeaderFill = XLColor.FromArgb(0xE7, 0xE6, 0xE6);
    private static readonly XLColor WarningRed = XLColor.FromArgb(0xC0, 0x00, 0x00);

    /// <summary>Sets <paramref name="target"/> (a fresh cell's style) to look as <paramref name="style"/> says.</summary>
    public static void Apply(IXLStyle target, XlStyle style)
    {
        ArgumentNullException.ThrowIfNull(target);
        switch (style)
        {
            case XlStyle.Text:
                break;
            case XlStyle.QuotedText:
                target.IncludeQuotePrefix = true;
                break;
            case XlStyle.Header:
                Header(target);
                break;
            case XlStyle.Date:
                target.DateFormat.Format = DateFormat;
                break;
            case XlStyle.DateTime:
                target.DateFormat.Format = DateTimeFormat;
                break;
            case XlStyle.Money:
                target.NumberFormat.Format = RupeeFormat;
                break;
            case XlStyle.WholeNumber:
                target.NumberFormat.NumberFormatId = WholeNumberFormatId;
                break;
            case XlStyle.Month:
                target.DateFormat.Format = MonthFormat;
                break;
            case XlStyle.Bold:
                target.Font.Bold = true;
                break;
            case XlStyle.BoldMoney:
                target.Font.Bold = true;
                target.NumberFormat.Format = RupeeFormat;
                break;
            case XlStyle.Title:
                target.Font.Bold = true;
                target.Font.FontSize = 14;
                break;
            case XlStyle.HeaderMonth:
                Header(target);
                target.DateFormat.Format = MonthFormat;
                break;
            case XlStyle.Warning:
                target.Font.Bold = true;
                target.Font.FontColor = WarningRed;
                break;
            case XlStyle.NegativeMoney:
                target.NumberFormat.Format = NegativeRupeeFormat;
                break;
            case XlStyle.BoldNegativeMoney:
                target.Font.Bold = true;
                target.NumberFormat.Format = NegativeRupeeFormat;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(style), style, "Unknown cell style.");
        }
    }

    private static void Header(IXLStyle target)
    {
        target.Font.Bold = true;
        target.Fill.BackgroundColor = HeaderFill;
        target.Border.BottomBorder = XLBorderStyleValues.Thin;
    }
}
