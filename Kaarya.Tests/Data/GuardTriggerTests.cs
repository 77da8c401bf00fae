using Kaarya.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Tests.Data;

/// <summary>
/// The tables whose rows are never rewritten carry their guard triggers in a fresh database. SQLite
/// drops a table's triggers when a migration rebuilds the table; this fails if one went missing.
/// </summary>
public sealed class GuardTriggerTests
{
    [Fact]
    public async Task Every_append_only_table_refuses_update_and_delete_in_a_fresh_database()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();

        var triggers = await db.Database
            .SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'trigger'")
            .ToListAsync(TestContext.Current.CancellationToken);

        string[] guarded = ["LedgerEntries", "AuditEntries", .. HerVoiceGuard.Tables.Select(t => t.Table)];
        Assert.All(guarded, table =>
        {
            Assert.Contains($"{table}_refuse_update", triggers);
            Assert.Contains($"{table}_refuse_delete", triggers);
        });
    }
}
