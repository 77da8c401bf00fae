using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Kaarya.Web.Data;

/// <summary>What a failed save means, in the same words whichever database refused it.</summary>
public static class StoreErrors
{
    private const int SqliteUniqueFailed = 2067;
    private const int SqlitePrimaryKeyFailed = 1555;

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
}
