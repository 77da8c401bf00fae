namespace Kaarya.Web.Data;

/// <summary>
/// The database's triggers that keep <see cref="Features.Funding.AwaitedUtilisationReport"/> rows:
/// after a disbursement is inserted into the ledger, a row for it; after a reversal, its
/// disbursement's row goes; after a utilisation report, its disbursement's row goes. Being
/// triggers, they hold for every way a row reaches those tables (the app's postings, the
/// import, the demo and benchmark generators, a test's own insert), in the same transaction.
/// Created by the AwaitedUtilisationReports migration on each provider, which also fills the
/// table for the disbursements already in the ledger.
/// </summary>
public static class AwaitedReports
{
    public const string Table = "AwaitedUtilisationReports";

    /// <summary>Every standing disbursement not reported on: what the triggers would have written had they always been there.</summary>
    public const string Fill = $"""
        INSERT INTO "{Table}" ("LedgerSequence", "PaidOn")
        SELECT e."Sequence", e."ValueDate" FROM "LedgerEntries" e
        WHERE e."ReversesSequence" IS NULL
          AND NOT EXISTS (SELECT 1 FROM "LedgerEntries" r WHERE r."ReversesSequence" = e."Sequence")
          AND NOT EXISTS (SELECT 1 FROM "UtilisationReports" u WHERE u."LedgerSequence" = e."Sequence");
        """;

    /// <summary>
    /// On PostgreSQL, run first in the migration's transaction: no posting, reversal or report
    /// commits between the fill and the triggers' creation, where it would be missed for good
    /// (another instance of the app may still be running). On SQLite the migration's transaction
    /// already holds the only write lock.
    /// </summary>
    public const string HoldWritesPostgres = """
        LOCK TABLE "LedgerEntries", "UtilisationReports" IN SHARE ROW EXCLUSIVE MODE;
        """;

    public const string CreateSqlite = $"""
        CREATE TRIGGER IF NOT EXISTS LedgerEntries_await_report AFTER INSERT ON LedgerEntries
        WHEN NEW.ReversesSequence IS NULL
        BEGIN INSERT INTO {Table} (LedgerSequence, PaidOn) VALUES (NEW.Sequence, NEW.ValueDate); END;
        CREATE TRIGGER IF NOT EXISTS LedgerEntries_reversal_ends_wait AFTER INSERT ON LedgerEntries
        WHEN NEW.ReversesSequence IS NOT NULL
        BEGIN DELETE FROM {Table} WHERE LedgerSequence = NEW.ReversesSequence; END;
        CREATE TRIGGER IF NOT EXISTS UtilisationReports_end_wait AFTER INSERT ON UtilisationReports
        BEGIN DELETE FROM {Table} WHERE LedgerSequence = NEW.LedgerSequence; END;
        """;

    public const string DropSqlite = """
        DROP TRIGGER IF EXISTS LedgerEntries_await_report;
        DROP TRIGGER IF EXISTS LedgerEntries_reversal_ends_wait;
        DROP TRIGGER IF EXISTS UtilisationReports_end_wait;
        """;

    public const string CreatePostgres = $"""
        CREATE OR REPLACE FUNCTION kaarya_await_report_on_posting() RETURNS trigger LANGUAGE plpgsql AS $posting$
        BEGIN
            IF NEW."ReversesSequence" IS NULL THEN
                INSERT INTO "{Table}" ("LedgerSequence", "PaidOn") VALUES (NEW."Sequence", NEW."ValueDate");
            ELSE
                DELETE FROM "{Table}" WHERE "LedgerSequence" = NEW."ReversesSequence";
            END IF;
            RETURN NULL;
        END;
        $posting$;
        CREATE OR REPLACE FUNCTION kaarya_end_wait_on_report() RETURNS trigger LANGUAGE plpgsql AS $report$
        BEGIN
            DELETE FROM "{Table}" WHERE "LedgerSequence" = NEW."LedgerSequence";
            RETURN NULL;
        END;
        $report$;
        DROP TRIGGER IF EXISTS "LedgerEntries_await_report" ON "LedgerEntries";
        CREATE TRIGGER "LedgerEntries_await_report" AFTER INSERT ON "LedgerEntries"
            FOR EACH ROW EXECUTE FUNCTION kaarya_await_report_on_posting();
        DROP TRIGGER IF EXISTS "UtilisationReports_end_wait" ON "UtilisationReports";
        CREATE TRIGGER "UtilisationReports_end_wait" AFTER INSERT ON "UtilisationReports"
            FOR EACH ROW EXECUTE FUNCTION kaarya_end_wait_on_report();
        """;

    public const string DropPostgres = """
        DROP TRIGGER IF EXISTS "LedgerEntries_await_report" ON "LedgerEntries";
        DROP TRIGGER IF EXISTS "UtilisationReports_end_wait" ON "UtilisationReports";
        DROP FUNCTION IF EXISTS kaarya_await_report_on_posting();
        DROP FUNCTION IF EXISTS kaarya_end_wait_on_report();
        """;
}
