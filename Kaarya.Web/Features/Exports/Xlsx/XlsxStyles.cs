using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Kaarya.Web.Features.Exports.Xlsx;

/// <summary>The cell formats of an exported workbook; the number is the cell's style index.</summary>
public enum XlStyle : uint
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
}

/// <summary>
/// The workbook's one stylesheet. Amounts are rupees with the rupee sign and Indian grouping
/// (lakh and crore); dates are real dates shown dd-mm-yyyy, as GGBK writes them.
/// </summary>
public static class XlsxStyles
{
    /// <summary>
    /// Rupees with lakh grouping: ₹8,000.00, ₹1,25,000.00, ₹1,25,00,000.00. Excel's <c>#,##,##0</c>
    /// does not group in lakhs; two conditions do (STACK.md). A negative amount (a reversal) falls
    /// to the last section and is shown with a minus sign and thousands grouping.
    /// </summary>
    public const string RupeeFormat = "[>=10000000]\"₹\"##\\,##\\,##\\,##0.00;[>=100000]\"₹\"##\\,##\\,##0.00;\"₹\"##,##0.00";

    public const string DateFormat = "dd-mm-yyyy";

    public const string DateTimeFormat = "dd-mm-yyyy hh:mm";

    public const string MonthFormat = "mmm yyyy";

    private const uint RupeeFormatId = 164;
    private const uint DateFormatId = 165;
    private const uint DateTimeFormatId = 166;
    private const uint MonthFormatId = 167;
    private const uint WholeNumberFormatId = 1;

    private const uint RegularFont = 0;
    private const uint BoldFont = 1;
    private const uint TitleFont = 2;
    private const uint WarningFont = 3;

    private const uint HeaderFill = 2;
    private const uint HeaderBorder = 1;

    public static Stylesheet Stylesheet()
    {
        var formats = new (XlStyle Style, CellFormat Format)[]
        {
            (XlStyle.Text, Format(RegularFont)),
            (XlStyle.QuotedText, Quoted()),
            (XlStyle.Header, Format(BoldFont, fill: HeaderFill, border: HeaderBorder)),
            (XlStyle.Date, Format(RegularFont, DateFormatId)),
            (XlStyle.DateTime, Format(RegularFont, DateTimeFormatId)),
            (XlStyle.Money, Format(RegularFont, RupeeFormatId)),
            (XlStyle.WholeNumber, Format(RegularFont, WholeNumberFormatId)),
            (XlStyle.Month, Format(RegularFont, MonthFormatId)),
            (XlStyle.Bold, Format(BoldFont)),
            (XlStyle.BoldMoney, Format(BoldFont, RupeeFormatId)),
            (XlStyle.Title, Format(TitleFont)),
            (XlStyle.HeaderMonth, Format(BoldFont, MonthFormatId, HeaderFill, HeaderBorder)),
            (XlStyle.Warning, Format(WarningFont)),
        };

        // The style index written in each cell is the enum's value: the list must follow it.
        for (var i = 0; i < formats.Length; i++)
        {
            if ((uint)formats[i].Style != (uint)i)
            {
                throw new InvalidOperationException($"Cell format {formats[i].Style} is out of place.");
            }
        }

        return new Stylesheet(
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = RupeeFormatId, FormatCode = RupeeFormat },
                new NumberingFormat { NumberFormatId = DateFormatId, FormatCode = DateFormat },
                new NumberingFormat { NumberFormatId = DateTimeFormatId, FormatCode = DateTimeFormat },
                new NumberingFormat { NumberFormatId = MonthFormatId, FormatCode = MonthFormat })
            { Count = 4 },
            new Fonts(
                Font(bold: false, size: 11),
                Font(bold: true, size: 11),
                Font(bold: true, size: 14),
                Font(bold: true, size: 11, rgb: "FFC00000"))
            { Count = 4 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFE7E6E6" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }))
            { Count = 3 },
            new Borders(
                new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
                new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin }, new DiagonalBorder()))
            { Count = 2 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(formats.Select(f => f.Format)) { Count = (uint)formats.Length },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }

    private static CellFormat Format(uint font, uint numberFormat = 0, uint fill = 0, uint border = 0) => new()
    {
        NumberFormatId = numberFormat,
        FontId = font,
        FillId = fill,
        BorderId = border,
        FormatId = 0,
        ApplyNumberFormat = numberFormat != 0 ? true : null,
        ApplyFont = font != RegularFont ? true : null,
        ApplyFill = fill != 0 ? true : null,
        ApplyBorder = border != 0 ? true : null,
    };

    private static CellFormat Quoted()
    {
        var format = Format(RegularFont);
        format.QuotePrefix = true;
        return format;
    }

    private static Font Font(bool bold, double size, string? rgb = null)
    {
        var font = new Font();
        if (bold)
        {
            font.Append(new Bold());
        }

        font.Append(new FontSize { Val = size });
        font.Append(rgb is null ? new Color { Theme = 1 } : new Color { Rgb = HexBinaryValue.FromString(rgb) });
        font.Append(new FontName { Val = "Calibri" });
        font.Append(new FontFamilyNumbering { Val = 2 });
        return font;
    }
}
