using Kaarya.Domain.Common;
using Kaarya.Tests.Data;
using Kaarya.Tests.Exports;
using Kaarya.Web.Data;
using Kaarya.Web.Operations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Kaarya.Tests.Operations;

/// <summary>
/// Backup and restore of the SQLite database: the restored ledger is the backed-up one, entry for
/// entry, and a copy that cannot be trusted is refused before anything is replaced.
/// </summary>
public sealed class BackupTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kaarya-backup-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_backup_restored_over_another_database_gives_back_the_same_ledger_head()
    {
        await using var demo = await ExportedWorkbook.DemoDatabaseAsync();
        var before = await SqliteBackup.VerifyAsync(demo.Path, Cancel);
        var file = Path.Combine(_folder, "kaarya-2026-11-28.db");

        var backup = await new SqliteBackup(demo.Path).BackupAsync(file, Cancel);
        await using var other = await TestDatabase.CreateAsync();
        var restored = await new SqliteBackup(other.Path).RestoreAsync(file, Cancel);

        Assert.True(before.IsIntact);
        Assert.True(before.EntriesChecked > 0);
        Assert.Equal(before, backup.Chain);
        Assert.Equal(before, restored.Chain);
        Assert.Equal(before, await SqliteBackup.VerifyAsync(other.Path, Cancel));
    }

    [Fact]
    public async Task A_backup_never_overwrites_a_file()
    {
        await using var demo = await ExportedWorkbook.DemoDatabaseAsync();
        var file = Path.Combine(_folder, "taken.db");
        await File.WriteAllTextAsync(file, "someone else's file", Cancel);

        var refused = await Assert.ThrowsAsync<DomainException>(() => new SqliteBackup(demo.Path).BackupAsync(file, Cancel));

        Assert.Contains("already exists", refused.Message, StringComparison.Ordinal);
        Assert.Equal("someone else's file", await File.ReadAllTextAsync(file, Cancel));
    }

    [Fact]
    public async Task A_backup_whose_ledger_was_altered_is_refused_and_the_database_is_left_as_it_was()
    {
        await using var demo = await ExportedWorkbook.DemoDatabaseAsync();
        var file = Path.Combine(_folder, "altered.db");
        await new SqliteBackup(demo.Path).BackupAsync(file, Cancel);
        await AlterFirstAmountAsync(file);
        await using var live = await TestDatabase.CreateAsync();
        var liveBefore = await SqliteBackup.VerifyAsync(live.Path, Cancel);

        var refused = await Assert.ThrowsAsync<DomainException>(() => new SqliteBackup(live.Path).RestoreAsync(file, Cancel));

        Assert.StartsWith("The backup's ledger does not verify (Entry #1 has been altered", refused.Message, StringComparison.Ordinal);
        Assert.Equal(liveBefore, await SqliteBackup.VerifyAsync(live.Path, Cancel));
    }

    [Fact]
    public async Task A_file_that_is_not_a_kaarya_database_is_refused()
    {
        await using var live = await TestDatabase.CreateAsync();
        var file = Path.Combine(_folder, "notes.db");
        await using (var notes = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await notes.OpenAsync(Cancel);
            await using var create = notes.CreateCommand();
            create.CommandText = "CREATE TABLE notes (text TEXT)";
            await create.ExecuteNonQueryAsync(Cancel);
        }

        var refused = await Assert.ThrowsAsync<DomainException>(() => new SqliteBackup(live.Path).RestoreAsync(file, Cancel));

        Assert.Equal($"{file} is not a Kaarya database: nothing was restored.", refused.Message);
    }

    [Fact]
    public async Task The_commands_print_the_head_hash_so_a_restore_can_be_checked_against_its_backup()
    {
        await using var demo = await ExportedWorkbook.DemoDatabaseAsync();
        var head = (await SqliteBackup.VerifyAsync(demo.Path, Cancel)).HeadHash;
        var environment = new Host(_folder);
        var file = Path.Combine(_folder, "nightly.db");
        using var backupOutput = new StringWriter();
        using var restoreOutput = new StringWriter();

        var backedUp = await BackupCommands.RunAsync(new BackupRequest(BackupCommands.Backup, file, []), new DatabaseOptions { Path = demo.Path }, environment, backupOutput);
        var restored = await BackupCommands.RunAsync(new BackupRequest(BackupCommands.Restore, file, []), new DatabaseOptions { Path = Path.Combine(_folder, "fresh", "kaarya.db") }, environment, restoreOutput);

        Assert.Equal(0, backedUp);
        Assert.Equal(0, restored);
        Assert.Contains($"Head hash: {head}", backupOutput.ToString(), StringComparison.Ordinal);
        Assert.Contains($"Head hash: {head}", restoreOutput.ToString(), StringComparison.Ordinal);
        Assert.Contains($"Backed up {demo.Path} to ", backupOutput.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("backup", "/srv/nightly.db", "--Database:Path=/srv/kaarya.db")]
    [InlineData("--Database:Path=/srv/kaarya.db", "backup", "/srv/nightly.db")]
    [InlineData("--Database:Path", "/srv/kaarya.db", "backup", "/srv/nightly.db")]
    [InlineData("backup", "/srv/nightly.db", "--Database:Path", "/srv/kaarya.db")]
    public void The_database_switch_is_read_wherever_it_stands_and_the_file_is_never_taken_for_a_setting(params string[] args)
    {
        var request = BackupCommands.Requested(args)!;

        Assert.Equal(BackupCommands.Backup, request.Command);
        Assert.Equal("/srv/nightly.db", request.File);
        var settings = new ConfigurationBuilder().AddCommandLine(request.Settings).Build();
        Assert.Equal("/srv/kaarya.db", settings["Database:Path"]);
    }

    [Theory]
    [InlineData("restore")]
    [InlineData("restore", "--Database:Path=/srv/kaarya.db")]
    [InlineData("restore", "--Database:Path", "/srv/kaarya.db")]
    public async Task A_command_without_its_file_is_refused_and_touches_nothing(params string[] args)
    {
        using var output = new StringWriter();
        var live = Path.Combine(_folder, "live", "kaarya.db");

        var exit = await BackupCommands.RunAsync(BackupCommands.Requested(args)!, new DatabaseOptions { Path = live }, new Host(_folder), output);

        Assert.Equal(2, exit);
        Assert.Equal("Say where: dotnet run --project Kaarya.Web -- restore FILE", output.ToString().Trim());
        Assert.False(File.Exists(live));
    }

    [Fact]
    public void A_switch_whose_value_is_a_command_word_is_not_a_command()
    {
        Assert.Null(BackupCommands.Requested(["--Database:Path", "backup"]));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Someone with a database tool changes a paid amount in the copy, guard and all.</summary>
    private static async Task AlterFirstAmountAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync(Cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = LedgerGuard.DropSqlite + "; UPDATE LedgerEntries SET AmountPaise = AmountPaise + 100 WHERE Sequence = 1;";
        await command.ExecuteNonQueryAsync(Cancel);
    }

    private sealed class Host(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";

        public string ApplicationName { get; set; } = "Kaarya.Web";

        public string ContentRootPath { get; set; } = root;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
