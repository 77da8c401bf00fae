using Kaarya.Domain.Common;
using Kaarya.Web.Data;

namespace Kaarya.Web.Operations;

/// <summary>
/// <c>dotnet run --project Kaarya.Web -- backup FILE</c> and <c>-- restore FILE</c>: the commands
/// that run instead of the server, before anything touches the database. Each prints the ledger's
/// head as the copy has it, so a restore can be checked against the backup it came from.
/// </summary>
internal static class BackupCommands
{
    public const string Backup = "backup";
    public const string Restore = "restore";

    /// <summary>The command and its file, wherever they stand among the arguments.</summary>
    public static (string Command, string? File)? Requested(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is Backup or Restore)
            {
                return (args[i], i + 1 < args.Length ? args[i + 1] : null);
            }
        }

        return null;
    }

    public static async Task<int> RunAsync(string command, string? file, DatabaseOptions options, IHostEnvironment environment, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(output);
        if (string.IsNullOrWhiteSpace(file))
        {
            await output.WriteLineAsync($"Say where: dotnet run --project Kaarya.Web -- {command} FILE");
            return 2;
        }

        if (options.Provider != DatabaseProvider.Sqlite)
        {
            await output.WriteLineAsync("On PostgreSQL, back up with pg_dump and restore with pg_restore (README, \"Backup and restore\").");
            return 2;
        }

        var backup = new SqliteBackup(DataServiceCollectionExtensions.SqlitePath(options, environment));
        try
        {
            var report = command == Backup ? await backup.BackupAsync(file) : await backup.RestoreAsync(file);
            var chain = report.Chain;
            await output.WriteLineAsync(command == Backup ? $"Backed up to {report.File}." : $"Restored {Path.GetFullPath(file)} into {report.File}.");
            await output.WriteLineAsync(chain.IsIntact
                ? $"Ledger: {chain.EntriesChecked} entries, hash chain intact. Head hash: {chain.HeadHash}"
                : $"Ledger: the hash chain is NOT INTACT at entry #{chain.FirstBadSequence}: {chain.Problem}");
            return chain.IsIntact ? 0 : 3;
        }
        catch (DomainException refused)
        {
            await output.WriteLineAsync(refused.Message);
            return 2;
        }
    }
}
