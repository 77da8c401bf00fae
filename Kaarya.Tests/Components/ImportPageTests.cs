using Bunit;
using Kaarya.Domain.Common;
using Kaarya.Domain.Participants;
using Kaarya.Tests.Import;
using Kaarya.Web.Components.Pages.Import;
using Kaarya.Web.Features.Import;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using L = Kaarya.Web.Features.Import.ImportLayout;

namespace Kaarya.Tests.Components;

/// <summary>The programme manager's import page: a report row by row when the workbook is wrong, counts when it is stored.</summary>
public class ImportPageTests : KaaryaComponentTest
{
    [Fact]
    public async Task A_workbook_with_bad_rows_shows_each_row_and_that_nothing_was_stored()
    {
        var workbook = ImportWorkbookBuilder.GoodRegisters()
            .Business("GGB-99-shop", "GGB-99", "Grocery", "Shop")
            .Payment("D-01", "12,500.005", new DateTime(2013, 9, 25), "Cash");
        var page = await UploadAsync(workbook);

        page.WaitForElement("[data-testid=import-problems]");
        Assert.Contains("Nothing was stored: 2 problems", page.Find("[data-testid=import-nothing-stored]").TextContent, StringComparison.Ordinal);
        Assert.Equal([L.Businesses.Sheet, L.Disbursements.Sheet], page.FindAll("[data-testid=problem-sheet]").Select(c => c.TextContent));
        Assert.Equal(["4", "4"], page.FindAll("[data-testid=problem-row]").Select(c => c.TextContent));
        Assert.Contains("There is no participant GGB-99", page.FindAll("[data-testid=problem-message]")[0].TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=import-store]"));
        await using var db = Database.CreateDbContext();
        Assert.False(await db.Participants.AnyAsync(p => p.Code == ParticipantCode.Create("GGB-01"), Cancel));
    }

    [Fact]
    public async Task A_good_workbook_is_checked_then_stored_with_one_click_and_the_counts_shown()
    {
        var page = await UploadAsync(ImportWorkbookBuilder.GoodRegisters());

        var ready = page.WaitForElement("[data-testid=import-ready]");
        Assert.Contains("2 participants, 2 businesses, 2 decisions and 2 past disbursements are ready", ready.TextContent, StringComparison.Ordinal);
        await page.Find("[data-testid=import-store]").ClickAsync(new());

        var done = page.WaitForElement("[data-testid=import-done]");
        Assert.Contains("Imported: 2 participants, 2 businesses, 2 decisions and 2 past disbursements", done.TextContent, StringComparison.Ordinal);
        await using var db = Database.CreateDbContext();
        Assert.True(await db.Participants.AnyAsync(p => p.Code == ParticipantCode.Create("GGB-01"), Cancel));
    }

    [Fact]
    public void A_file_that_is_not_a_workbook_is_refused_in_plain_words()
    {
        SignInAs("manager.sutapa", KaaryaRole.ProgrammeManager);
        var page = RenderWithProviders<ImportPage>();

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("code,name\nGGB-01,Mita\n", "registers.csv"));

        var refusal = page.WaitForElement("[data-testid=import-refusal]");
        Assert.Contains("not an Excel workbook (.xlsx)", refusal.TextContent, StringComparison.Ordinal);
    }

    private async Task<IRenderedComponent<ImportPage>> UploadAsync(ImportWorkbookBuilder workbook)
    {
        Database.Clock.SetUtcNow(new DateTimeOffset(2013, 12, 2, 6, 0, 0, TimeSpan.Zero));
        var file = workbook.Fill(await new ImportTemplate(Database).BuildAsync(Cancel));
        SignInAs("manager.sutapa", KaaryaRole.ProgrammeManager);
        var page = RenderWithProviders<ImportPage>();
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(file, "registers.xlsx"));
        return page;
    }
}
