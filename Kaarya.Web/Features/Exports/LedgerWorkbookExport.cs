using System.Globalization;
using ClosedXML.Excel;
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
/// ClosedXML builds the sheets of a fixed shape (Manifest, Summary) and the stylesheet; the sheets
/// with a row per record (Ledger, Balances, Decisions, Utilisation) are streamed with the Open XML
/// SDK's writer (docs/decisions/0009-ledger-workbook.md).
/// Only a programme manager or an auditor may export; names appear only when a programme manager
/// asks for them. Every export, and every refused one, is written to the audit log, and the
/// export is logged before its first byte is written.
/// </summary>
public sealed class LedgerWorkbookExport(IDbContextFactory<KaaryaDbContext> contexts, AuditTrail audit, TimeProvider clock)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string RefusedNamesMessage = "Only a programme manager can include participants' names in an export.";

    // A workbook of 100,000 entries keeps a core busy for seconds; on a two-core server, one at a
    // time leaves the other core to everyone else's pages.
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    private readonly LedgerExportQuery _query = new(contexts, clock);

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

        // The one read of the ledger: every entry is checked against the chain (on the other
        // core), and those the filter takes are added up and written into the Ledger sheet,
        // straight into the workbook.
        using var assembly = new WorkbookAssembly(destination);
        await using var chain = BackgroundChainCheck.Start(cancellationToken);
        progress?.Report(new ExportProgress(ExportStep.Ledger, 0, total));
        await assembly.WriteAheadAsync(LedgerSheet.Name, LedgerSheet.TableName, async part =>
        {
            using var sheet = new SheetWriter(part, LedgerSheet.Widths(snapshot), freezeHeader: true);
            await LedgerSheet.WriteAsync(
                _query.RowsAsync(snapshot, chain, cancellationToken), sheet, totals, withNames,
                done => progress?.Report(new ExportProgress(ExportStep.Ledger, done, total)), cancellationToken);
            sheet.Finish(withTable: true);
            return sheet.RowNumber;
        });

        // The sheets of a fixed shape are built with ClosedXML, which writes the stylesheet; each
        // sheet with a row per record is only a placeholder there, and is streamed in its place.
        progress?.Report(new ExportProgress(ExportStep.Sheets, total, total));
        var decisions = await _query.DecisionsAsync(snapshot, cancellationToken);
        var uses = await _query.UtilisationAsync(snapshot, cancellationToken);
        var verification = await chain.ResultAsync(cancellationToken);
        var balances = BalancesSheet.Build(BalancesSheet.Lines(snapshot, totals, decisions, uses), withNames);
        var register = DecisionsSheet.Build(decisions, totals, withNames);
        var utilisation = UtilisationSheet.Build(uses, withNames);
        var cachedValues = new CachedValues();
        using var styled = new MemoryStream();
        using (var book = new XLWorkbook())
        {
            book.Properties.Title = $"{ManifestSheet.Title}, {filter.DescribePeriod()}";
            book.Properties.Author = "Kaarya";
            book.Properties.Created = generatedAt.UtcDateTime;
            book.Properties.Modified = generatedAt.UtcDateTime;
            // Excel recomputes every formula on opening, so the figures an auditor sees are Excel's own.
            book.FullCalculationOnLoad = true;
            ManifestSheet.Build(snapshot, totals, new ManifestFacts(generatedAt, viewer.Actor, verification)).AddTo(book, ManifestSheet.Name, freezeHeader: false, cachedValues);
            StreamedSheetPlaceholder.Add(book, LedgerSheet.Name, LedgerSheet.Columns(withNames), LedgerSheet.TableName);
            StreamedSheetPlaceholder.Add(book, BalancesSheet.Name, [], tableName: null);
            SummarySheet.Build(snapshot, totals).AddTo(book, SummarySheet.Name, freezeHeader: false, cachedValues);
            StreamedSheetPlaceholder.Add(book, DecisionsSheet.Name, [], tableName: null);
            StreamedSheetPlaceholder.Add(book, UtilisationSheet.Name, [], tableName: null);
            book.Worksheet(ManifestSheet.Name).SetTabActive();
            book.SaveAs(styled, new SaveOptions { GenerateCalculationChain = false, EvaluateFormulasBeforeSaving = false, ValidatePackage = false });
        }

        cancellationToken.ThrowIfCancellationRequested();
        styled.Position = 0;
        progress?.Report(new ExportProgress(ExportStep.Writing, 0, total));
        assembly.Finish(styled, [
            balances.Streamed(BalancesSheet.Name, freezeHeader: true),
            register.Streamed(DecisionsSheet.Name, freezeHeader: true),
            utilisation.Streamed(UtilisationSheet.Name, freezeHeader: true),
        ], cachedValues);

        progress?.Report(new ExportProgress(ExportStep.Finished, total, total));
        return new LedgerWorkbookResult(filter.FileName(), totals.Entries, snapshot.Head, verification);
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
