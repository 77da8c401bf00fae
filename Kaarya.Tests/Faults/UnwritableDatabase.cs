using System.Data.Common;
using Kaarya.Tests.Data;
using Kaarya.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Kaarya.Tests.Faults;

/// <summary>
/// A test database made to refuse writes the way a real one does, for as long as this object
/// lives; disposing it makes the database writable again. Being root, the tests cannot rely on
/// file permissions, so they use what really makes each database refuse: SQLite opened
/// read-only (as it opens a read-only file) or limited to the pages it has (a full disk);
/// PostgreSQL with <c>default_transaction_read_only</c> set on the database.
/// </summary>
public sealed class UnwritableDatabase : IDbContextFactory<KaaryaDbContext>, IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly DbContextOptions<KaaryaDbContext> _options;
    private readonly bool _postgresReadOnly;

    private UnwritableDatabase(TestDatabase database, DbContextOptions<KaaryaDbContext> options, bool postgresReadOnly)
    {
        _database = database;
        _options = options;
        _postgresReadOnly = postgresReadOnly;
    }

    /// <summary>The same database, read-only: SQLite opened in read-only mode, PostgreSQL set to read-only transactions.</summary>
    public static async Task<UnwritableDatabase> ReadOnlyAsync(TestDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (database.Provider == DatabaseProvider.Postgres)
        {
            await database.ExecuteRawAsync($"ALTER DATABASE \"{DatabaseName(database)}\" SET default_transaction_read_only = on");
            NpgsqlConnection.ClearAllPools();
            var options = new DbContextOptionsBuilder<KaaryaDbContext>();
            DataServiceCollectionExtensions.UseKaaryaPostgres(options, database.ConnectionString, database.Clock);
            return new UnwritableDatabase(database, options.Options, postgresReadOnly: true);
        }

        var readOnly = new SqliteConnectionStringBuilder(DataServiceCollectionExtensions.SqliteConnectionString(database.Path)) { Mode = SqliteOpenMode.ReadOnly };
        return new UnwritableDatabase(database, SqliteOptions(database, readOnly.ToString()), postgresReadOnly: false);
    }

    /// <summary>The same SQLite database, full: it may not grow beyond the pages it has now (<c>PRAGMA max_page_count</c> on every connection).</summary>
    public static async Task<UnwritableDatabase> FullAsync(TestDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        long pages;
        await using (var db = database.CreateDbContext())
        {
            pages = (await db.Database.SqlQueryRaw<long>("SELECT page_count AS Value FROM pragma_page_count()").ToListAsync(TestContext.Current.CancellationToken))[0];
        }

        // Unpooled, so no limited connection is ever handed to the writable database afterwards.
        var unpooled = new SqliteConnectionStringBuilder(DataServiceCollectionExtensions.SqliteConnectionString(database.Path)) { Pooling = false };
        var options = new DbContextOptionsBuilder<KaaryaDbContext>(SqliteOptions(database, unpooled.ToString())).AddInterceptors(new PageLimit(pages));
        return new UnwritableDatabase(database, options.Options, postgresReadOnly: false);
    }

    public KaaryaDbContext CreateDbContext() => KaaryaDbContextFactory.Create(_database.Provider, _options);

    public Task<KaaryaDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) => Task.FromResult(CreateDbContext());

    public async ValueTask DisposeAsync()
    {
        if (_postgresReadOnly)
        {
            // A read-only session may still switch itself back to read-write, and then lift the setting.
            await using (var db = _database.CreateDbContext())
            {
                await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
                await db.Database.ExecuteSqlRawAsync("SET default_transaction_read_only = off", TestContext.Current.CancellationToken);
                var reset = $"ALTER DATABASE \"{DatabaseName(_database)}\" RESET default_transaction_read_only";
                await db.Database.ExecuteSqlRawAsync(reset, TestContext.Current.CancellationToken);
            }

            NpgsqlConnection.ClearAllPools();
        }
    }

    private static DbContextOptions<KaaryaDbContext> SqliteOptions(TestDatabase database, string connectionString)
    {
        var options = new DbContextOptionsBuilder<KaaryaDbContext>();
        DataServiceCollectionExtensions.UseKaaryaSqlite(options, database.Path, database.Clock).UseSqlite(connectionString);
        return options.Options;
    }

    private static string DatabaseName(TestDatabase database) => new NpgsqlConnectionStringBuilder(database.ConnectionString).Database!;

    private sealed class PageLimit(long pages) : DbConnectionInterceptor
    {
        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Limit(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Limit(connection);
            return Task.CompletedTask;
        }

        private void Limit(DbConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA max_page_count = {pages}";
            command.ExecuteScalar();
        }
    }
}
