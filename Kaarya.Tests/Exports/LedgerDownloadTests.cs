using System.Net;
using ClosedXML.Excel;
using Kaarya.Tests.App;
using Kaarya.Tests.Security;
using Kaarya.Web.Auditing;
using Kaarya.Web.Data;
using Kaarya.Web.Features.Exports;
using Kaarya.Web.Features.Exports.Sheets;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaarya.Tests.Exports;

/// <summary>The workbook downloaded from the running app by a signed-in auditor or manager.</summary>
public sealed class LedgerDownloadTests : IAsyncLifetime
{
    private readonly KaaryaAppFactory _app = new();

    public async ValueTask InitializeAsync() => await _app.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_auditor_downloads_a_months_workbook_that_is_not_cached_and_is_logged()
    {
        using var http = await SignedInAsync("auditor.kp");

        var response = await http.GetAsync(new Uri($"{ExportEndpoints.LedgerPath}?from=2013-08-01&to=2013-08-31", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(LedgerWorkbookExport.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("kaarya-ledger-from-2013-08-01-to-2013-08-31.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.True(response.Headers.CacheControl?.NoStore);
        await using var db = await Database().CreateDbContextAsync(Cancel);
        var august = await db.LedgerEntries.CountAsync(e => e.ValueDate >= new DateOnly(2013, 8, 1) && e.ValueDate <= new DateOnly(2013, 8, 31), Cancel);
        using var book = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Cancel)));
        Assert.Equal(august, book.Worksheet(LedgerSheet.Name).Tables.Single().DataRange.RowCount());
        Assert.Contains(await db.AuditEntries.Where(a => a.Action == AuditAction.Exported).ToListAsync(Cancel), a => a.UserId == "auditor.kp");
    }

    [Fact]
    public async Task Names_in_a_download_are_for_a_programme_manager_only()
    {
        using var auditor = await SignedInAsync("auditor.kp");
        using var manager = await SignedInAsync("manager.sutapa");

        var refused = await auditor.GetAsync(new Uri($"{ExportEndpoints.LedgerPath}?names=true", UriKind.Relative), Cancel);
        var granted = await manager.GetAsync(new Uri($"{ExportEndpoints.LedgerPath}?names=true", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains(LedgerWorkbookExport.RefusedNamesMessage, await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        using var book = new XLWorkbook(new MemoryStream(await granted.Content.ReadAsByteArrayAsync(Cancel)));
        Assert.Contains(LedgerSheet.ParticipantName, book.Worksheet(LedgerSheet.Name).Tables.Single().Fields.Select(f => f.Name));
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_is_a_bad_request_that_says_why()
    {
        using var http = await SignedInAsync("auditor.kp");

        var response = await http.GetAsync(new Uri($"{ExportEndpoints.LedgerPath}?from=2013-09-01&to=2013-08-01", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("before it starts", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    private IDbContextFactory<KaaryaDbContext> Database() => _app.Services.GetRequiredService<IDbContextFactory<KaaryaDbContext>>();

    private async Task<HttpClient> SignedInAsync(string userName)
    {
        var http = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var signIn = await FormSignIn.SignInAsync(http, userName, AccessMatrix.DemoPassword, Cancel);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return http;
    }
}
