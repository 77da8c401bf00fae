using System.Globalization;
using Kaarya.Domain.Access;
using Kaarya.Domain.Funding;
using Kaarya.Web.Auditing;
using Kaarya.Web.Data;
using Kaarya.Web.Features.Exports.Sheets;
using Kaarya.Web.Features.Exports.Xlsx;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Features.Exports;

/// <summary>What one export produced.</summary>
public sealed record LedgerWorkbookResult(string FileName, long Entries, LedgerHead Head, ChainVerification Verification);

/// <summary>
/// The auditor's workbook: the ledger for a period, phase and/or funder in Excel, reconciled and
/// tamper-evident. Sheets, in order: Manifest, Ledger, Balances, Summary, Decisions, Utilisation.
/// Only a programme manager or an auditor may export; names appear only when a programme manager
/// asks for them. Every export, and every refused one, is written to the audit log, and the
/// export is logged before its first byte is written.
/// </summary>
public sealed class LedgerWorkbookExport(IDbContextFactory<KaaryaDbContext> contexts, AuditTrail audit, TimeProvider clock)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string RefusedNamesMessage = "Only a programme manager can include participants' names in an export.";

    // The order the sheets appear in.
    private static readonly string[] SheetNames =
        [ManifestSheet.Name, LedgerSheet.Name, BalancesSheet.Name, SummarySheet.Name, DecisionsSheet.Name, UtilisationSheet.Name];

    // A workbook of 100,000 entries keeps a core busy for seconds; on a two-core server, one at a
    // time leaves the other core to everyone else's pages.
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    private readonly LedgerExportQuery _query = new(contexts);

    /// <summary>
    /// Writes the workbook into <paramref name="destination"/>, which needs only to be writable
    /// (it is written synchronously: give it a file or a memory stream, not a response body).
    /// If the export fails or is cancelled part-way, what was written is not a workbook: discard it.
    /// </summary>
    public async Task<LedgerWorkbookResult> WriteAsync(
        LedgerExportFilter filter, Viewer viewer, Stream destination,
        IProgress<ExportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(destination);
        filter.EnsureValid();
        await EnsureMayExportAsync(filter, viewer, cancellationToken);

        progress?.Report(new ExportProgress(ExportStep.Waiting, 0, 0));
        await OneAtATime.WaitAsync(cancellationToken);
        try
        {
            // Off the caller's thread: a page that asks for a workbook stays responsive while it is built.
            return await Task.Run(() => BuildAsync(filter, viewer, destination, progress, cancellationToken), cancellationToken);
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    private async Task EnsureMayExportAsync(LedgerExportFilter filter, Viewer viewer, CancellationToken cancellationToken)
    {
        if (!RecordAccess.MayExportLedger(viewer))
        {
            await audit.RecordAsync(viewer.UserId, AuditAction.AccessRefused, "Workbook", "ledger", "Refused: the ledger workbook", cancellationToken);
            throw new AccessDeniedException();
        }

        if (filter.IncludeNames && !RecordAccess.MayGrantNamesInExport(viewer))
        {
            await audit.RecordAsync(viewer.UserId, AuditAction.AccessRefused, "Workbook", "ledger",
                "Refused: participant names in the ledger workbook", cancellationToken);
            throw new AccessDeniedException(RefusedNamesMessage);
        }
    }

    private async Task<LedgerWorkbookResult> BuildAsync(
        LedgerExportFilter filter, Viewer viewer, Stream destination, IProgress<ExportProgress>? progress, CancellationToken cancellationToken)
    {
        var generatedAt = clock.GetUtcNow();
        progress?.Report(new ExportProgress(ExportStep.Reading, 0, 0));
        var snapshot = await _query.SnapshotAsync(filter, cancellationToken);
        var total = snapshot.Extents.Entries;

        // Logged before any of it is written: an export that cannot be logged does not happen.
        await audit.RecordAsync(viewer.UserId, AuditAction.Exported, "Workbook", filter.FileName(), Describe(snapshot, viewer), cancellationToken);

        var withNames = snapshot.IncludesNames;
        var totals = new LedgerTotals();
        var verifier = new LedgerChainVerifier();
        using (var package = new XlsxPackage(
            destination, SheetNames, new XlsxTable(Array.IndexOf(SheetNames, LedgerSheet.Name), LedgerSheet.TableName, LedgerSheet.Columns(withNames)),
            $"{ManifestSheet.Title}, {filter.DescribePeriod()}", generatedAt))
        {
            progress?.Report(new ExportProgress(ExportStep.Ledger, 0, total));
            uint lastRow;
            using (var sheet = package.OpenSheet(Array.IndexOf(SheetNames, LedgerSheet.Name), LedgerSheet.Widths(snapshot), freezeHeader: true))
            {
                lastRow = await LedgerSheet.WriteAsync(
                    sheet, _query.RowsAsync(snapshot, verifier, cancellationToken), totals, withNames,
                    done => progress?.Report(new ExportProgress(ExportStep.Ledger, done, total)), cancellationToken);
                sheet.Finish(XlsxPackage.TableRelationshipId);
            }

            package.WriteTable(lastRow);

            progress?.Report(new ExportProgress(ExportStep.Sheets, total, total));
            var decisions = await _query.DecisionsAsync(snapshot, cancellationToken);
            var uses = await _query.UtilisationAsync(snapshot, cancellationToken);
            var verification = verifier.Result();
            Write(package, BalancesSheet.Name, BalancesSheet.Build(BalancesSheet.Lines(snapshot, totals, decisions, uses), withNames), freezeHeader: true);
            Write(package, SummarySheet.Name, SummarySheet.Build(snapshot, totals), freezeHeader: false);
            Write(package, DecisionsSheet.Name, DecisionsSheet.Build(decisions, totals, withNames), freezeHeader: true);
            Write(package, UtilisationSheet.Name, UtilisationSheet.Build(uses, withNames), freezeHeader: true);
            Write(package, ManifestSheet.Name, ManifestSheet.Build(snapshot, totals, new ManifestFacts(generatedAt, viewer.Actor, verification)), freezeHeader: false);

            progress?.Report(new ExportProgress(ExportStep.Finished, total, total));
            return new LedgerWorkbookResult(filter.FileName(), totals.Entries, snapshot.Head, verification);
        }
    }

    private static void Write(XlsxPackage package, string name, SheetBuilder content, bool freezeHeader)
    {
        using var sheet = package.OpenSheet(Array.IndexOf(SheetNames, name), content.Widths(), freezeHeader);
        content.WriteTo(sheet);
        sheet.Finish();
    }

    /// <summary>The audit line: who, what was chosen, names or not, and how much of the ledger.</summary>
    private static string Describe(LedgerSnapshot snapshot, Viewer viewer)
    {
        var names = snapshot.IncludesNames ? $"participant names included (granted by {viewer.UserId})" : "participant codes only";
        return string.Create(CultureInfo.InvariantCulture,
            $"Exported the ledger workbook: {snapshot.Filter.DescribePeriod()}, {snapshot.Phase?.Name ?? "all phases"}, " +
            $"{snapshot.Funder?.Name ?? "all funders"}; {names}; {snapshot.Extents.Entries} entries, ledger through #{snapshot.Head.Sequence}");
    }
}
