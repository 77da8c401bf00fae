using ClosedXML.Excel;
using Kaarya.Tests.Security;
using Kaarya.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaarya.Tests.Browser;

/// <summary>An auditor takes the ledger away as a workbook from the Reports page, watching it being built.</summary>
public sealed class ReportsBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task An_auditor_builds_the_workbook_and_the_browser_downloads_every_entry_by_code()
    {
        var auditor = await session.NewPageAsync();
        await BrowserSession.SignInAsync(auditor, "auditor.kp", AccessMatrix.DemoPassword);
        await BrowserSession.OpenAsync(auditor, "/reports");
        await auditor.Locator("[data-testid=export-form]").WaitForAsync();
        Assert.Equal(0, await auditor.Locator("[data-testid=export-names]").CountAsync());

        var download = await auditor.RunAndWaitForDownloadAsync(
            () => BrowserSession.ClickWhenInteractiveAsync(auditor, "button[data-testid=export-submit]", "[data-testid=export-done]"));
        var path = Path.Combine(Path.GetTempPath(), $"kaarya-browser-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(path);
        await BrowserSession.SaveScreenshotAsync(auditor, "reports");
        await auditor.AssertAccessibleAsync("reports after the workbook is built");

        try
        {
            await using var scope = session.App.Services.CreateAsyncScope();
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<KaaryaDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
            var entries = await db.LedgerEntries.CountAsync(TestContext.Current.CancellationToken);
            var names = await db.Participants.Select(p => p.GivenName).ToListAsync(TestContext.Current.CancellationToken);

            using var book = new XLWorkbook(path);
            var ledger = book.Worksheet("Ledger");
            Assert.Equal(entries, ledger.RangeUsed()!.RowCount() - 1);
            var text = string.Join('\n', book.Worksheets.SelectMany(s => s.CellsUsed()).Where(c => !c.HasFormula).Select(c => c.GetString()));
            Assert.DoesNotContain(names, name => text.Contains(name, StringComparison.Ordinal));
            Assert.StartsWith("kaarya-ledger", download.SuggestedFilename, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }

        Assert.Empty(session.PolicyViolations);
    }
}
