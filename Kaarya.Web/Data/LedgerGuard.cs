namespace Kaarya.Web.Data;

/// <summary>
/// The database's own refusal to change the ledger: whatever code or tool connects, an UPDATE or
/// DELETE of a ledger row aborts. Created by the LedgerGuard migration on SQLite and by the
/// AppendOnlyGuards migration on PostgreSQL (which also refuses TRUNCATE).
/// </summary>
public static class LedgerGuard
{
    public const string UpdateRefused = "Ledger entries are append-only: a posted entry cannot be changed; post a reversal instead.";
    public const string DeleteRefused = "Ledger entries are append-only: a posted entry cannot be deleted; post a reversal instead.";

    public static readonly string CreateSqlite = $"""
        CREATE TRIGGER IF NOT EXISTS LedgerEntries_refuse_update BEFORE UPDATE ON LedgerEntries
        BEGIN SELECT RAISE(ABORT, '{UpdateRefused}'); END;
        CREATE TRIGGER IF NOT EXISTS LedgerEntries_refuse_delete BEFORE DELETE ON LedgerEntries
        BEGIN SELECT RAISE(ABORT, '{DeleteRefused}'); END;
        """;

    public const string DropSqlite = """
        DROP TRIGGER IF EXISTS LedgerEntries_refuse_update;
        DROP TRIGGER IF EXISTS LedgerEntries_refuse_delete;
        """;

    public static readonly string CreatePostgres = PostgresAppendOnly.Create("LedgerEntries", UpdateRefused, DeleteRefused);

    public static readonly string DropPostgres = PostgresAppendOnly.Drop("LedgerEntries");
}
