using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Kaarya.Web.Data;

/// <summary>What a failed save means, in the same words whichever database refused it.</summary>
public static class StoreErrors
{
    private const int SqliteUniqueFailed = 2067;
    private const int SqlitePrimaryKeyFailed = 1555;
    private const int SqliteReadOnly = 8;
    private const int SqliteFull = 13;

    /// <summary>The stable code of a save the database itself refused because it takes no writes.</summary>
    public const string RefusesWritesCode = "store-refuses-writes";

    /// <summary>What staff read when the database takes no writes (the screen says it in her language: <c>Refusal.store-refuses-writes</c>).</summary>
    public const string RefusesWritesSentence =
        "The database is not accepting changes at the moment (it is read-only or full). Nothing was saved, and what you entered is still here. Please tell the administrator.";

    /// <summary>
    /// A unique key or primary key refused the row: someone saved the same thing a moment ago
    /// (another screen, a double tap). SQLite says so by its extended error code, PostgreSQL by
    /// SQLSTATE 23505.
    /// </summary>
    public static bool IsDuplicateKey(this DbUpdateException failure) =>
        failure?.InnerException switch
        {
            SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SqliteUniqueFailed or SqlitePrimaryKeyFailed,
            PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
            _ => false,
        };

    /// <summary>
    /// The database refused to write anything at all, whatever was asked: it is read-only (a
    /// file or disk made read-only, a PostgreSQL server or database set to read-only) or full. The
    /// transaction was rolled back, so nothing of the save is stored; the cure is the
    /// administrator's, not the user's. SQLite says so by its primary codes READONLY and FULL,
    /// PostgreSQL by SQLSTATE 25006 (read-only transaction) and 53100 (disk full).
    /// </summary>
    public static bool RefusesWrites(Exception? failure)
    {
        for (var inner = failure; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case SqliteException sqlite when sqlite.SqliteErrorCode is SqliteReadOnly or SqliteFull:
                case PostgresException postgres when postgres.SqlState is PostgresErrorCodes.ReadOnlySqlTransaction or PostgresErrorCodes.DiskFull:
                    return true;
            }
        }

        return false;
    }
}
