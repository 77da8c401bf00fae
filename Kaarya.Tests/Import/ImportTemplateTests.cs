using ClosedXML.Excel;
using Kaarya.Tests.Data;
using Kaarya.Web.Data;
using Kaarya.Web.Data.Seed;
using Kaarya.Web.Features.Import;

namespace Kaarya.Tests.Import;

/// <summary>The template a programme manager downloads: the reader's own shape, this installation's lists.</summary>
public class ImportTemplateTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_template_has_instructions_and_a_sheet_per_register_with_the_readers_headers()
    {
        using var workbook = await DownloadedTemplateAsync();

        Assert.Equal(
            [ImportLayout.InstructionsSheet, "Participants", "Businesses", "Decisions", "Past disbursements", ImportLayout.ListsSheet],
            workbook.Worksheets.Select(s => s.Name));
        foreach (var layout in ImportLayout.Sheets)
        {
            var headers = workbook.Worksheet(layout.Name).Row(1).CellsUsed().Select(c => c.GetString());
            Assert.Equal(layout.Columns.Select(c => c.Header), headers);
        }
    }

    [Fact]
    public async Task The_drop_downs_offer_this_installations_phases_funders_and_staff()
    {
        using var workbook = await DownloadedTemplateAsync();
        var lists = workbook.Worksheet(ImportLayout.ListsSheet);

        Assert.Equal(["Phase 1", "Phase 2 (renewed with GGBK)"], ListValues(lists, ImportLayout.PhaseList));
        Assert.Equal(["Kamonohashi Project"], ListValues(lists, ImportLayout.FunderList));
        var people = ListValues(lists, ImportLayout.PeopleList);
        Assert.Contains("manager.sutapa", people);
        Assert.Contains("staff.rina", people);
        Assert.DoesNotContain("auditor.kp", people);
        Assert.DoesNotContain("kaa-01", people);
        var funderColumn = ImportLayout.DisbursementSheet.IndexOf(ImportLayout.Disbursements.Funder) + 1;
        var cell = workbook.Worksheet(ImportLayout.Disbursements.Sheet).Cell(2, funderColumn);
        Assert.True(cell.HasDataValidation);
        Assert.Equal(XLAllowedValues.List, cell.DataValidation.AllowedValues);
    }

    [Fact]
    public async Task The_template_as_downloaded_is_read_and_refused_only_for_having_no_rows()
    {
        await using var database = await DemoDatabaseAsync();
        var template = await new ImportTemplate(database).BuildAsync(Cancel);

        var refused = Assert.Throws<ImportFileRefusedException>(() => ImportWorkbookReader.Read(template));

        Assert.Equal("Import.File.Empty", refused.Key);
    }

    [Fact]
    public async Task A_renamed_header_makes_it_not_the_template()
    {
        await using var database = await DemoDatabaseAsync();
        using var workbook = new XLWorkbook(new MemoryStream(await new ImportTemplate(database).BuildAsync(Cancel)));
        workbook.Worksheet("Businesses").Cell(1, 3).Value = "Name";
        using var file = new MemoryStream();
        workbook.SaveAs(file);

        var refused = Assert.Throws<ImportFileRefusedException>(() => ImportWorkbookReader.Read(file.ToArray()));

        Assert.Equal(("Import.File.WrongHeader", "Businesses", "3", "Business name"), (refused.Key, refused.Arguments[0], refused.Arguments[1], refused.Arguments[2]));
    }

    private static List<string> ListValues(IXLWorksheet lists, string name)
    {
        var column = lists.Row(1).CellsUsed().Single(c => c.GetString() == name).Address.ColumnNumber;
        return lists.Column(column).CellsUsed().Skip(1).Select(c => c.GetString()).ToList();
    }

    private static async Task<XLWorkbook> DownloadedTemplateAsync()
    {
        await using var database = await DemoDatabaseAsync();
        return new XLWorkbook(new MemoryStream(await new ImportTemplate(database).BuildAsync(Cancel)));
    }

    private static async Task<TestDatabase> DemoDatabaseAsync()
    {
        var database = await TestDatabase.CreateAsync();
        await new DemoDataLoader(database, new DatabaseOptions()).LoadIfEmptyAsync(Cancel);
        return database;
    }
}
