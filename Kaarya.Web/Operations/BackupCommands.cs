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

    /// <summary>
    /// The command and its file, wherever they stand among the arguments; <see cref="BackupRequest.Settings"/>
    /// are the other arguments, for the configuration to read. A switch's value is never taken for the
    /// command, and a switch is never taken for the file: <c>backup --Database:Path=x.db</c> names no file
    /// and is refused, instead of backing up whatever database the settings fall back to.
    /// </summary>
    public static BackupRequest? Requested(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        for (var i = 0; i < args.Length; i++)
        {
            if (IsSwitch(args[i]))
            {
                // "--Database:Path x.db": the next argument is this switch's value.
                i += args[i].Contains('=', StringComparison.Ordinal) ? 0 : 1;
                continue;
            }

            if (args[i] is Backup or Restore)
            {
                var file = i + 1 < args.Length && !IsSwitch(args[i + 1]) ? args[i + 1] : null;
                var settings = args.Where((_, at) => at != i && (file is null || at != i + 1)).ToArray();
                return new BackupRequest(args[i], file, settings);
            }
        }

        return null;
    }

    public static async Task<int> RunAsync(BackupRequest request, DatabaseOptions options, IHostEnvironment environment, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(output);
        var (command, file, _) = request;
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

        var database = DataServiceCollectionExtensions.SqlitePath(options, environment);
        var backup = new SqliteBackup(database);
        try
        {
            var report = command == Backup ? await backup.BackupAsync(file) : await backup.RestoreAsync(file);
            var chain = report.Chain;
            await output.WriteLineAsync(command == Backup ? $"Backed up {Path.GetFullPath(database)} to {report.File}." : $"Restored {Path.GetFullPath(file)} into {report.File}.");
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

    private static bool IsSwitch(string argument) => argument.StartsWith('-');
}

/// <summary>A backup or restore asked for on the command line, and the arguments left for the settings.</summary>
internal sealed record BackupRequest(string Command, string? File, string[] Settings);
