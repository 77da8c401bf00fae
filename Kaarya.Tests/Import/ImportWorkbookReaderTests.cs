using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Kaarya.Tests.Data;
using Kaarya.Tests.Exports;
using Kaarya.Web.Data;
using Kaarya.Web.Data.Seed;
using Kaarya.Web.Features.Import;
using L = Kaarya.Web.Features.Import.ImportLayout;

namespace Kaarya.Tests.Import;

/// <summary>
/// The reader takes the template back from whichever program saved it last: Kaarya itself,
/// LibreOffice Calc, or Excel, each of which stores the same cells in its own way.
/// </summary>
public class ImportWorkbookReaderTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_template_saved_again_by_Calc_reads_the_same_values_as_saved_by_Kaarya()
    {
        LibreOffice.Require();
        var filled = ImportWorkbookBuilder.GoodRegisters()
            .EmptyRow(L.Participants.Sheet)
            .Participant("GGB-03", "Sonali", consentsToDataKept: "No")
            .With(L.Participants.Sheet, 4, L.Participants.EnrolledOn, "02-08-2013")
            .Payment("D-01", "1,250.75", "2013-09-30", "Cheque", reference: "000123")
            .Fill(await TemplateAsync());
        var resaved = await LibreOffice.SavedAgainAsync(filled, Cancel);

        var byKaarya = ImportWorkbookReader.Read(filled);
        var byCalc = ImportWorkbookReader.Read(resaved);

        Assert.Equal(Values(byKaarya), Values(byCalc));
        Assert.Equal([2, 3, 5], byCalc.Participants.Select(r => r.Number));
        Assert.Equal(new DateOnly(2013, 8, 2), byCalc.Participants[2].Date(L.Participants.EnrolledOn));
        Assert.Equal(125_075L, byCalc.Disbursements[2].Amount(L.Disbursements.Amount)?.Paise);
        Assert.Equal("000123", byCalc.Disbursements[2].Text(L.Disbursements.Reference));
        Assert.All(byCalc.Participants.Concat(byCalc.Businesses).Concat(byCalc.Decisions).Concat(byCalc.Disbursements), r => Assert.False(r.HasProblems));
    }

    [Fact]
    public void Cells_as_Excel_may_store_them_are_typed_as_Excel_types_them()
    {
        var file = HandWrittenWorkbook(date1904: false, row =>
        {
            row.Append(
                SharedString("A2", 0),
                SharedString("B2", 1),
                new Cell { CellReference = "C2", DataType = CellValues.InlineString, InlineString = new InlineString(new Text("inline")) },
                new Cell { CellReference = "D2", CellValue = new CellValue("12500.5") },
                new Cell { CellReference = "E2", StyleIndex = 1, CellValue = new CellValue("41527") },
                new Cell { CellReference = "F2", StyleIndex = 2, CellValue = new CellValue("41527.75") },
                new Cell { CellReference = "G2", DataType = CellValues.Boolean, CellValue = new CellValue("1") },
                new Cell { CellReference = "H2", CellFormula = new CellFormula("1+1"), CellValue = new CellValue("2") },
                new Cell { CellReference = "I2", DataType = CellValues.Error, CellValue = new CellValue("#N/A") },
                new Cell { CellReference = "J2", StyleIndex = 3, CellValue = new CellValue("7000") },
                new Cell { CellReference = "AB2", DataType = CellValues.SharedString, CellValue = new CellValue("2") });
        });

        using var cells = XlsxCells.Open(file);
        var row = cells.Sheet("Register", 10, () => new InvalidOperationException("too many"))![2];

        Assert.Equal("Mita", row[1].Value);
        Assert.Equal("রুমকি ও মা", row[2].Value);
        Assert.Equal("inline", row[3].Value);
        Assert.Equal(12500.5, row[4].Value);
        Assert.Equal(new DateTime(2013, 9, 10), row[5].Value);
        Assert.Equal(new DateTime(2013, 9, 10, 18, 0, 0), row[6].Value);
        Assert.Equal(true, row[7].Value);
        Assert.True(row[8].HasFormula);
        Assert.Equal("#N/A", row[9].Value);
        Assert.Equal(7000.0, row[10].Value);
        Assert.Equal(28, Assert.Single(row, c => c.Value.Value is "   ").Key);
    }

    [Fact]
    public void A_date_of_a_workbook_in_the_1904_system_is_the_same_day()
    {
        var file = HandWrittenWorkbook(date1904: true, row => row.Append(new Cell { CellReference = "A2", StyleIndex = 1, CellValue = new CellValue("40065") }));

        using var cells = XlsxCells.Open(file);

        Assert.Equal(new DateTime(2013, 9, 10), cells.Sheet("Register", 10, () => new InvalidOperationException())![2][1].Value);
    }

    [Theory]
    [InlineData("dd-mm-yyyy", true)]
    [InlineData("dd\\-mm\\-yyyy", true)]
    [InlineData("DD/MM/YY", true)]
    [InlineData("[$-409]d-mmm-yy;@", true)]
    [InlineData("[h]:mm", true)]
    [InlineData("General", false)]
    [InlineData("#,##0.00", false)]
    [InlineData("@", false)]
    [InlineData("0.00E+00", false)]
    [InlineData("\"Rs\" #,##0.00", false)]
    [InlineData("[Red][>=10000000]##\\,##\\,##\\,##0.00;[>=100000]##\\,##\\,##0.00;##,##0.00", false)]
    public void A_number_format_is_a_date_when_it_shows_a_day_month_year_or_time(string format, bool isDate)
    {
        Assert.Equal(isDate, XlsxCells.IsDateFormat(format));
    }

    [Fact]
    public void A_zip_that_is_no_spreadsheet_is_refused_as_not_an_xlsx()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(archive.CreateEntry("register.csv").Open());
            entry.Write("code,name\nGGB-01,Mita\n");
        }

        var refused = Assert.Throws<ImportFileRefusedException>(() => ImportWorkbookReader.Read(zip.ToArray()));

        Assert.Equal("Import.File.NotXlsx", refused.Key);
    }

    [Fact]
    public async Task A_workbook_whose_sheet_is_broken_is_refused_as_not_an_xlsx()
    {
        var filled = ImportWorkbookBuilder.GoodRegisters().Fill(await TemplateAsync());
        using var zip = new MemoryStream();
        zip.Write(filled);
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Update, leaveOpen: true))
        {
            foreach (var name in archive.Entries.Select(e => e.FullName).Where(n => n.StartsWith("xl/worksheets/", StringComparison.Ordinal) && n.EndsWith(".xml", StringComparison.Ordinal)).ToList())
            {
                archive.GetEntry(name)!.Delete();
                using var broken = new StreamWriter(archive.CreateEntry(name).Open());
                broken.Write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\"");
            }
        }

        var refused = Assert.Throws<ImportFileRefusedException>(() => ImportWorkbookReader.Read(zip.ToArray()));

        Assert.Equal("Import.File.NotXlsx", refused.Key);
    }

    /// <summary>Every row's values as the import reads them, by the kind of each column, sheet by sheet.</summary>
    private static List<string> Values(ImportWorkbook workbook)
    {
        var values = new List<string>();
        foreach (var row in workbook.Participants.Concat(workbook.Businesses).Concat(workbook.Decisions).Concat(workbook.Disbursements))
        {
            foreach (var column in row.Sheet.Columns)
            {
                object? value = column.Kind switch
                {
                    ImportColumnKind.Date => row.Date(column.Header),
                    ImportColumnKind.Amount => row.Amount(column.Header)?.Paise,
                    ImportColumnKind.YesNo => row.YesNo(column.Header),
                    _ => row.Text(column.Header),
                };
                values.Add($"{row.Sheet.Name} {row.Number} {column.Header}: {value}");
            }
        }

        return values;
    }

    private static Cell SharedString(string reference, int index) =>
        new() { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(index.ToString(System.Globalization.CultureInfo.InvariantCulture)) };

    /// <summary>
    /// A one-sheet workbook written with the Open XML SDK as Excel writes one: shared strings (one
    /// of them rich text), a stylesheet with the built-in date format 14, a custom date-time format,
    /// and the number format Kaarya gives amounts.
    /// </summary>
    private static byte[] HandWrittenWorkbook(bool date1904, Action<Row> fill)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new WorkbookProperties { Date1904 = date1904 });
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable(
                new SharedStringItem(new Text("Mita")),
                new SharedStringItem(new Run(new Text("রুমকি")), new Run(new Text(" ও মা") { Space = SpaceProcessingModeValues.Preserve })),
                new SharedStringItem(new Text("   ") { Space = SpaceProcessingModeValues.Preserve }));
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new NumberingFormats(
                    new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy hh:mm" },
                    new NumberingFormat { NumberFormatId = 165, FormatCode = "#,##0.00" }),
                new Fonts(new Font()),
                new Fills(new Fill()),
                new Borders(new Border()),
                new CellFormats(
                    new CellFormat { NumberFormatId = 0 },
                    new CellFormat { NumberFormatId = 14 },
                    new CellFormat { NumberFormatId = 164 },
                    new CellFormat { NumberFormatId = 165 }));
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var row = new Row { RowIndex = 2 };
            fill(row);
            sheetPart.Worksheet = new Worksheet(new SheetData(new Row(new Cell { CellReference = "A1", DataType = CellValues.InlineString, InlineString = new InlineString(new Text("Header")) }) { RowIndex = 1 }, row));
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Name = "Register", SheetId = 1, Id = workbook.GetIdOfPart(sheetPart) }));
        }

        return stream.ToArray();
    }

    private static async Task<byte[]> TemplateAsync()
    {
        await using var database = await TestDatabase.CreateAsync();
        await new DemoDataLoader(database, new DatabaseOptions()).LoadIfEmptyAsync(Cancel);
        return await new ImportTemplate(database).BuildAsync(Cancel);
    }
}
