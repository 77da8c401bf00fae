using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Operations;

/// <summary>What a backup or a restore found: the ledger's chain in the copy, checked entry by entry.</summary>
public sealed record BackupReport(string File, ChainVerification Chain);

/// <summary>
/// Backing up and restoring the SQLite database, with SQLite's online backup: a backup is a
/// consistent copy even while the app is running and posting. Both check the copy's hash chain and
/// say its head, so the two can be compared: after a restore the head is the backup's. A backup
/// never overwrites a file; a restore refuses a copy that is not a Kaarya database, was written by
/// a newer Kaarya, or whose ledger does not verify, and then leaves the database as it was. Stop
/// the app before restoring: the restore replaces the database under it. The copies are opened for
/// writing only because SQLite needs that to read a database kept in WAL mode; nothing is changed
/// in them. On PostgreSQL, pg_dump and pg_restore do this (README).
/// </summary>
public sealed class SqliteBackup(string databasePath)
{
    /// <summary>Copies the database into <paramref name="file"/>, which must not exist yet.</summary>
    public async Task<BackupReport> BackupAsync(string file, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        var target = Path.GetFullPath(file);
        if (File.Exists(target))
        {
            throw new DomainException($"{target} already exists: a backup never overwrites a file. Choose a new name.");
        }

        if (!File.Exists(databasePath))
        {
            throw new DomainException($"There is no database at {databasePath} to back up.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await using (var from = await OpenAsync(databasePath, SqliteOpenMode.ReadWrite, cancellationToken))
        await using (var into = await OpenAsync(target, SqliteOpenMode.ReadWriteCreate, cancellationToken))
        {
            from.BackupDatabase(into);
        }

        return new BackupReport(target, await VerifyAsync(target, cancellationToken));
    }

    /// <summary>Replaces the database with the copy in <paramref name="file"/>, once the copy has been checked.</summary>
    public async Task<BackupReport> RestoreAsync(string file, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        var source = Path.GetFullPath(file);
        if (!File.Exists(source))
        {
            throw new DomainException($"There is no backup at {source}.");
        }

        var backup = await CheckBackupAsync(source, cancellationToken);
        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
        await using (var from = await OpenAsync(source, SqliteOpenMode.ReadWrite, cancellationToken))
        await using (var into = await OpenAsync(databasePath, SqliteOpenMode.ReadWriteCreate, cancellationToken))
        {
            from.BackupDatabase(into);
        }

        var restored = await VerifyAsync(databasePath, cancellationToken);
        if (!restored.IsIntact || restored.HeadHash != backup.HeadHash || restored.EntriesChecked != backup.EntriesChecked)
        {
            throw new InvalidOperationException($"The restored database does not match its backup: {restored.Problem ?? "its head differs"}.");
        }

        return new BackupReport(databasePath, restored);
    }

    /// <summary>Walks the hash chain of the database in <paramref name="path"/>, every entry in sequence.</summary>
    public static async Task<ChainVerification> VerifyAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var db = Open(path);
        return await LedgerChainVerifier.VerifyAsync(db.LedgerEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable(), cancellationToken);
    }

    private static async Task<ChainVerification> CheckBackupAsync(string path, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> applied;
        await using (var db = Open(path))
        {
            try
            {
                applied = [.. await db.Database.GetAppliedMigrationsAsync(cancellationToken)];
            }
            catch (SqliteException)
            {
                throw new DomainException($"{path} is not a Kaarya database: nothing was restored.");
            }

            var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
            if (applied.Count == 0)
            {
                throw new DomainException($"{path} is not a Kaarya database: nothing was restored.");
            }

            if (applied.FirstOrDefault(m => !known.Contains(m)) is { } newer)
            {
                throw new DomainException($"{path} was written by a newer Kaarya (it has the change {newer}): nothing was restored. Restore it with that version.");
            }
        }

        var chain = await VerifyAsync(path, cancellationToken);
        return chain.IsIntact
            ? chain
            : throw new DomainException($"The backup's ledger does not verify ({chain.Problem}): nothing was restored.");
    }

    private static KaaryaDbContext Open(string path) =>
        new(new DbContextOptionsBuilder<KaaryaDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString())
            .Options);

    private static async Task<SqliteConnection> OpenAsync(string path, SqliteOpenMode mode, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
