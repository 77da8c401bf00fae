using System.Globalization;
using ClosedXML.Excel;
using Kaarya.Web.Features.Exports.Xlsx;

namespace Kaarya.Tests.Exports;

/// <summary>Text and numbers as cells: never a formula, exactly what was typed, rupees the Indian way.</summary>
public sealed class CellTextTests
{
    [Theory]
    [InlineData("=1+1")]
    [InlineData("+91 98300 00000")]
    [InlineData("-5")]
    [InlineData("@SUM(A1)")]
    [InlineData("\tcmd")]
    [InlineData("\rcmd")]
    [InlineData("＝1+1")]
    public void Text_a_spreadsheet_could_run_is_recognised(string text) => Assert.True(CellText.LooksLikeFormula(text));

    [Theory]
    [InlineData("")]
    [InlineData("GGBK/CR/2013/031")]
    [InlineData("KAA-01")]
    [InlineData("a=b")]
    [InlineData(" =1")]
    [InlineData("রসিদ")]
    public void Ordinary_text_is_left_alone(string text) => Assert.False(CellText.LooksLikeFormula(text));

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a\u0001b", "a_x0001_b")]
    [InlineData("line\rbreak", "line_x000D_break")]
    [InlineData("_x0041_", "_x005F_x0041_")]
    [InlineData("snake_case_x", "snake_case_x")]
    public void Text_xml_cannot_carry_is_escaped_the_office_way(string text, string escaped) =>
        Assert.Equal(escaped, CellText.Escape(text));

    [Fact]
    public void Awkward_text_reads_back_exactly_from_a_streamed_sheet()
    {
        // Not "_x0041_" typed literally: it is written _x005F_x0041_ as Excel writes it, which
        // ClosedXML 0.95.4 does not decode (see the escaping test above).
        string[] texts = ["=HYPERLINK(\"http://x\")", "  spaces kept  ", "tab\tinside", "two\nlines", "carriage\rreturn", "আসমা", "a\u0001b"];

        using var book = new XLWorkbook(new MemoryStream(Streamed("Texts", texts)));

        var read = Enumerable.Range(1, texts.Length).Select(row => book.Worksheet("Texts").Cell(row, 1).GetString()).ToList();
        Assert.Equal(texts, read);
        Assert.True(book.Worksheet("Texts").Cell(1, 1).Style.IncludeQuotePrefix);
    }

    [Fact]
    public void Awkward_text_reads_back_exactly_from_a_sheet_closedxml_builds()
    {
        // ClosedXML writes a carriage return as it is, and XML reads it back as a line feed: the
        // styled sheets hold names and notes, not references (decision 0009).
        string[] texts = ["=HYPERLINK(\"http://x\")", "-5", "+91 98300 00000", "  spaces kept  ", "tab\tinside", "two\nlines", "আসমা", "a\u0001b", "00123", "2013-08-01"];
        var content = new SheetBuilder();
        foreach (var text in texts)
        {
            content.Row(XCell.Of(text));
        }

        using var stream = new MemoryStream();
        using (var styled = new XLWorkbook())
        {
            content.AddTo(styled, "Texts", freezeHeader: false, new CachedValues());
            styled.SaveAs(stream);
        }

        using var book = new XLWorkbook(new MemoryStream(stream.ToArray()));
        var cells = Enumerable.Range(1, texts.Length).Select(row => book.Worksheet("Texts").Cell(row, 1)).ToList();
        Assert.Equal(texts, cells.Select(c => c.GetString()));
        Assert.All(cells, c => Assert.Equal(XLDataType.Text, c.DataType));
        Assert.All(cells, c => Assert.False(c.HasFormula));
        Assert.Equal(texts.Select(CellText.LooksLikeFormula), cells.Select(c => c.Style.IncludeQuotePrefix));
    }

    /// <summary>A workbook of one sheet whose rows are streamed in place of ClosedXML's placeholder.</summary>
    private static byte[] Streamed(string name, IEnumerable<string> texts)
    {
        using var styled = new MemoryStream();
        using (var book = new XLWorkbook())
        {
            StreamedSheetPlaceholder.Add(book, name, ["Text"], tableName: null);
            book.SaveAs(styled);
        }

        styled.Position = 0;
        using var output = new MemoryStream();
        using (var assembly = new WorkbookAssembly(output))
        {
            var sheet = new StreamedSheet(name, TableName: null, part =>
            {
                using var writer = new SheetWriter(part, [20], freezeHeader: false);
                foreach (var text in texts)
                {
                    writer.Row([XCell.Of(text)]);
                }

                writer.Finish();
                return writer.RowNumber;
            });
            assembly.Finish(styled, [sheet], new CachedValues());
        }

        return output.ToArray();
    }

    [Theory]
    [InlineData(8_000, "₹8,000.00")]
    [InlineData(99_999.5, "₹99,999.50")]
    [InlineData(1_25_000, "₹1,25,000.00")]
    [InlineData(12_50_000, "₹12,50,000.00")]
    [InlineData(1_25_00_000, "₹1,25,00,000.00")]
    [InlineData(0, "₹0.00")]
    public void The_rupee_format_groups_in_lakhs_and_crores(double rupees, string shown)
    {
        // ExcelNumberFormat is the formatter ClosedXML uses, written to follow Excel's rules.
        var format = new ExcelNumberFormat.NumberFormat(XlsxStyles.RupeeFormat);
        Assert.True(format.IsValid);
        Assert.Equal(shown, format.Format(rupees, CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(-12_000, "-₹12,000.00")]
    [InlineData(-1_25_000.5, "-₹125,000.50")]
    public void A_negative_amount_shows_its_minus_sign(double rupees, string shown)
    {
        var format = new ExcelNumberFormat.NumberFormat(XlsxStyles.NegativeRupeeFormat);
        Assert.True(format.IsValid);
        Assert.Equal(shown, format.Format(rupees, CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(701, "ZZ")]
    [InlineData(702, "AAA")]
    public void Columns_are_lettered_as_spreadsheets_letter_them(int index, string name) =>
        Assert.Equal(name, SheetWriter.ColumnName(index));
}
