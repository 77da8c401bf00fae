namespace Kaarya.Web.Data;

/// <summary>
/// PostgreSQL's form of the append-only guards: one trigger function that refuses with the
/// sentence it is given, and per table a trigger before UPDATE, before DELETE and before TRUNCATE
/// (which on PostgreSQL skips row triggers). Used by <see cref="LedgerGuard"/>,
/// <see cref="AuditGuard"/> and <see cref="HerVoiceGuard"/>.
/// </summary>
internal static class PostgresAppendOnly
{
    public const string Function = "kaarya_refuse_change";

    private static readonly string CreateFunction = $"""
        CREATE OR REPLACE FUNCTION {Function}() RETURNS trigger LANGUAGE plpgsql AS $guard$
        BEGIN
            RAISE EXCEPTION USING MESSAGE = TG_ARGV[0];
        END;
        $guard$;
        """;

    public static string Create(string table, string updateRefused, string deleteRefused) => $"""
        {CreateFunction}
        DROP TRIGGER IF EXISTS "{table}_refuse_update" ON "{table}";
        CREATE TRIGGER "{table}_refuse_update" BEFORE UPDATE ON "{table}"
            FOR EACH ROW EXECUTE FUNCTION {Function}('{Quote(updateRefused)}');
        DROP TRIGGER IF EXISTS "{table}_refuse_delete" ON "{table}";
        CREATE TRIGGER "{table}_refuse_delete" BEFORE DELETE ON "{table}"
            FOR EACH ROW EXECUTE FUNCTION {Function}('{Quote(deleteRefused)}');
        DROP TRIGGER IF EXISTS "{table}_refuse_truncate" ON "{table}";
        CREATE TRIGGER "{table}_refuse_truncate" BEFORE TRUNCATE ON "{table}"
            FOR EACH STATEMENT EXECUTE FUNCTION {Function}('{Quote(deleteRefused)}');
        """;

    public static string Drop(string table) => $"""
        DROP TRIGGER IF EXISTS "{table}_refuse_update" ON "{table}";
        DROP TRIGGER IF EXISTS "{table}_refuse_delete" ON "{table}";
        DROP TRIGGER IF EXISTS "{table}_refuse_truncate" ON "{table}";
        """;

    private static string Quote(string sentence) => sentence.Replace("'", "''", StringComparison.Ordinal);
}
