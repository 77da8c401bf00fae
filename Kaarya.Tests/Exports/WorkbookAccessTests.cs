using Kaarya.Domain.Access;
using Kaarya.Domain.Common;
using Kaarya.Web.Auditing;
using Kaarya.Web.Features.Exports;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Tests.Exports;

/// <summary>Who may take the ledger out of the app, with or without names, and the log it leaves.</summary>
public sealed class WorkbookAccessTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_auditors_export_is_logged_with_who_the_filter_and_no_names()
    {
        await using var database = await ExportedWorkbook.DemoDatabaseAsync();
        var filter = new LedgerExportFilter(new DateOnly(2013, 8, 1), new DateOnly(2013, 8, 31));

        using var workbook = await ExportedWorkbook.ExportAsync(database, filter, ExportedWorkbook.Auditor);

        var logged = await ExportsAsync(database);
        var entry = Assert.Single(logged);
        Assert.Equal("auditor.kp", entry.UserId);
        Assert.Equal("Workbook", entry.RecordType);
        Assert.Equal(filter.FileName(), entry.RecordId);
        Assert.Contains("value dates 01-08-2013 to 31-08-2013", entry.Summary, StringComparison.Ordinal);
        Assert.Contains("all phases", entry.Summary, StringComparison.Ordinal);
        Assert.Contains("participant codes only", entry.Summary, StringComparison.Ordinal);
        Assert.Contains($"{workbook.Result.Entries} entries", entry.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_managers_grant_of_names_is_logged_with_the_export()
    {
        await using var database = await ExportedWorkbook.DemoDatabaseAsync();

        using var workbook = await ExportedWorkbook.ExportAsync(database, new LedgerExportFilter(IncludeNames: true), ExportedWorkbook.Manager);

        var entry = Assert.Single(await ExportsAsync(database));
        Assert.Equal("manager.sutapa", entry.UserId);
        Assert.Contains("participant names included (granted by manager.sutapa)", entry.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(KaaryaRole.Staff)]
    [InlineData(KaaryaRole.Mentor)]
    [InlineData(KaaryaRole.Survivor)]
    public async Task Only_a_programme_manager_or_an_auditor_may_export_and_a_refusal_is_logged(KaaryaRole role)
    {
        await using var database = await ExportedWorkbook.DemoDatabaseAsync();
        var viewer = Viewer.Staff(new Actor("someone", role));
        using var output = new MemoryStream();

        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            ExportedWorkbook.Exporter(database).WriteAsync(new LedgerExportFilter(), viewer, output, null, Cancel));

        Assert.Equal(0, output.Length);
        Assert.Empty(await ExportsAsync(database));
        var refusal = Assert.Single(await RefusalsAsync(database));
        Assert.Equal("someone", refusal.UserId);
        Assert.Equal("Refused: the ledger workbook", refusal.Summary);
    }

    [Fact]
    public async Task An_auditor_cannot_grant_herself_names_and_the_attempt_is_logged()
    {
        await using var database = await ExportedWorkbook.DemoDatabaseAsync();
        using var output = new MemoryStream();

        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() =>
            ExportedWorkbook.Exporter(database).WriteAsync(new LedgerExportFilter(IncludeNames: true), ExportedWorkbook.Auditor, output, null, Cancel));

        Assert.Equal(LedgerWorkbookExport.RefusedNamesMessage, refused.Message);
        Assert.Equal(0, output.Length);
        Assert.Empty(await ExportsAsync(database));
        Assert.Equal("Refused: participant names in the ledger workbook", Assert.Single(await RefusalsAsync(database)).Summary);
    }

    private static async Task<List<AuditEntry>> ExportsAsync(Data.TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        return await db.AuditEntries.AsNoTracking().Where(a => a.Action == AuditAction.Exported).ToListAsync(Cancel);
    }

    private static async Task<List<AuditEntry>> RefusalsAsync(Data.TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        return await db.AuditEntries.AsNoTracking().Where(a => a.Action == AuditAction.AccessRefused && a.RecordType == "Workbook").ToListAsync(Cancel);
    }
}
