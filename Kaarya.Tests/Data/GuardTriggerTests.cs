using System.Data.Common;
using Kaarya.Web.Data;
using Kaarya.Web.Data.Seed;

namespace Kaarya.Tests.Data;

/// <summary>
/// The tables whose rows are never rewritten carry their guard triggers in a fresh database. SQLite
/// drops a table's triggers when a migration rebuilds the table; this fails if one went missing.
/// </summary>
public abstract class GuardTriggerTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Every_append_only_table_refuses_update_and_delete_in_a_fresh_database()
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var triggers = await database.TriggerNamesAsync();

        string[] guarded = ["LedgerEntries", "AuditEntries", .. HerVoiceGuard.Tables.Select(t => t.Table)];
        Assert.All(guarded, table =>
        {
            Assert.Contains($"{table}_refuse_update", triggers);
            Assert.Contains($"{table}_refuse_delete", triggers);
            if (provider == DatabaseProvider.Postgres)
            {
                // TRUNCATE skips row triggers on PostgreSQL: it is refused by a trigger of its own.
                Assert.Contains($"{table}_refuse_truncate", triggers);
            }
        });
    }

    [Fact]
    public async Task Every_append_only_table_of_the_demo_programme_refuses_to_lose_a_row()
    {
        // The demo programme has rows in every guarded table: her words, answer, review and acknowledgement included.
        await using var database = await TestDatabase.CreateAsync(provider);
        await new DemoDataLoader(database, new DatabaseOptions()).LoadIfEmptyAsync(TestContext.Current.CancellationToken);

        string[] guarded = ["LedgerEntries", "AuditEntries", .. HerVoiceGuard.Tables.Select(t => t.Table)];
        foreach (var table in guarded)
        {
            var refused = await Assert.ThrowsAnyAsync<DbException>(() => database.ExecuteRawAsync($"DELETE FROM \"{table}\""));
            Assert.Contains("cannot be", refused.Message, StringComparison.Ordinal);
        }

        var rewritten = await Assert.ThrowsAnyAsync<DbException>(() => database.ExecuteRawAsync("UPDATE \"AuditEntries\" SET \"UserId\" = 'someone-else'"));
        Assert.Contains(AuditGuard.Refused, rewritten.Message, StringComparison.Ordinal);
    }

    public sealed class OnSqlite() : GuardTriggerTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : GuardTriggerTests(DatabaseProvider.Postgres);
}
