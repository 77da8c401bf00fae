using System.Security.Cryptography;
using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Web.Auditing;
using Kaarya.Web.Data;
using Kaarya.Web.Features.Funding;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Features.Import;

/// <summary>
/// Takes GGBK's existing registers in from a filled-in template (decision 0014). A check runs the
/// whole workbook through the domain inside a transaction and rolls it back, so it reports every
/// bad row and stores nothing; an import does the same and commits only when no row has a
/// problem: all or nothing. Only a programme manager imports: past payments enter the ledger as
/// approved, which is hers to vouch for.
/// </summary>
public sealed partial class RegisterImport(IDbContextFactory<KaaryaDbContext> contexts, TimeProvider clock, ILogger<RegisterImport> log)
{
    public const string AuditRecordType = "ImportWorkbook";

    /// <summary>Reports every problem the workbook has; stores nothing, whatever it finds.</summary>
    public Task<ImportReport> CheckAsync(byte[] file, Actor manager, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync(file, manager, store: false, progress, cancellationToken);

    /// <summary>Stores the whole workbook in one transaction when no row has a problem; otherwise nothing, and the report.</summary>
    public Task<ImportReport> ImportAsync(byte[] file, Actor manager, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync(file, manager, store: true, progress, cancellationToken);

    private async Task<ImportReport> RunAsync(byte[] file, Actor manager, bool store, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(manager);
        manager.MustBeProgrammeManager("import registers");
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(file));
        progress?.Report(new ImportProgress(ImportStep.Reading, 0, 0));
        var workbook = await Task.Run(() => ImportWorkbookReader.Read(file), cancellationToken);

        // Postings wait for one another in this process, and for other instances through LedgerBook.HoldAsync.
        await DisbursementService.PostingGate.WaitAsync(cancellationToken);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            db.ActingAs(manager);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var book = new LedgerBook(db);
            await book.HoldAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var run = new ImportRun(db, book, now, workbook, progress);
            var counts = await run.RunAsync(cancellationToken);
            var problems = run.Problems.ToList();
            if (problems.Count > 0 || !store)
            {
                await transaction.RollbackAsync(cancellationToken);
                Checked(log, sha256, problems.Count);
                return new ImportReport(sha256, problems, counts, Stored: false);
            }

            db.Audit(now, AuditAction.Imported, AuditRecordType, sha256, $"Imported a register workbook (SHA-256 {sha256}): {counts}");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            Imported(log, sha256, counts.Participants, counts.Businesses, counts.Decisions, counts.Disbursements);
            return new ImportReport(sha256, [], counts, Stored: true);
        }
        finally
        {
            DisbursementService.PostingGate.Release();
        }
    }

    // Counts and the file's hash only: a workbook full of survivors' names never reaches the logs.
    [LoggerMessage(Level = LogLevel.Information, Message = "Checked register workbook {Sha256}: {Problems} problems, nothing stored")]
    private static partial void Checked(ILogger logger, string sha256, int problems);

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported register workbook {Sha256}: {Participants} participants, {Businesses} businesses, {Decisions} decisions, {Disbursements} past disbursements")]
    private static partial void Imported(ILogger logger, string sha256, int participants, int businesses, int decisions, int disbursements);
}
