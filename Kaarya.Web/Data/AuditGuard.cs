namespace Kaarya.Web.Data;

/// <summary>The database's own refusal to change or remove an audit entry.</summary>
public static class AuditGuard
{
    public const string Refused = "Audit entries are append-only: they cannot be changed or deleted.";

    public static readonly string CreateSqlite = $"""
        CREATE TRIGGER IF NOT EXISTS AuditEntries_refuse_update BEFORE UPDATE ON AuditEntries
        BEGIN SELECT RAISE(ABORT, '{Refused}'); END;
        CREATE TRIGGER IF NOT EXISTS AuditEntries_refuse_delete BEFORE DELETE ON AuditEntries
        BEGIN SELECT RAISE(ABORT, '{Refused}'); END;
        """;

    public const string DropSqlite = """
        DROP TRIGGER IF EXISTS AuditEntries_refuse_update;
        DROP TRIGGER IF EXISTS AuditEntries_refuse_delete;
        """;

    public static readonly string CreatePostgres = PostgresAppendOnly.Create("AuditEntries", Refused, Refused);

    public static readonly string DropPostgres = PostgresAppendOnly.Drop("AuditEntries");
}
