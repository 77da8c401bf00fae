using Kaarya.Web.Auditing;
using Kaarya.Web.Data;
using Kaarya.Web.Features.Access;
using Kaarya.Web.Features.Funding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Kaarya.Tests.Data;

/// <summary>
/// A real database of its own, brought to the current schema by the app's migrations for its
/// provider, and removed with the test: a SQLite file, or a fresh database on the PostgreSQL
/// server that <see cref="PostgresServer"/> names (skipped without one, failed without one in CI).
/// </summary>
public sealed class TestDatabase : IDbContextFactory<KaaryaDbContext>, IAsyncDisposable
{
    private readonly DbContextOptions<KaaryaDbContext> _options;
    private readonly Func<ValueTask> _remove;

    private TestDatabase(DatabaseProvider provider, Action<DbContextOptionsBuilder, FakeTimeProvider> configure, Func<ValueTask> remove, string? path = null, string? connectionString = null)
    {
        Provider = provider;
        Path = path ?? string.Empty;
        ConnectionString = connectionString ?? string.Empty;
        var builder = new DbContextOptionsBuilder<KaaryaDbContext>();
        configure(builder, Clock);
        _options = builder.Options;
        _remove = remove;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The SQLite file; empty on PostgreSQL.</summary>
    public string Path { get; }

    /// <summary>The PostgreSQL database's connection string; empty on SQLite.</summary>
    public string ConnectionString { get; }

    /// <summary>The clock every stamp and posting reads; a test moves it as it needs.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2013, 9, 3, 5, 0, 0, TimeSpan.Zero));

    /// <summary>The audit trail and ledger reader of this database, as the app wires them.</summary>
    public AuditTrail Audit => new(this, Clock);

    public RecordGate Gate => new(Audit, Clock);

    public LedgerReader Ledger => new(this, Gate, Audit);

    /// <summary>A fresh SQLite database, as the tests have always used.</summary>
    public static Task<TestDatabase> CreateAsync() => CreateAsync(DatabaseProvider.Sqlite);

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var database = provider == DatabaseProvider.Postgres ? await OnPostgresAsync(empty: false) : OnSqlite();
        if (provider == DatabaseProvider.Sqlite)
        {
            await using var db = database.CreateDbContext();
            await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        }

        return database;
    }

    /// <summary>A database with nothing in it, not even the schema: for the app's own start-up to migrate.</summary>
    public static async Task<TestDatabase> CreateEmptyAsync(DatabaseProvider provider) =>
        provider == DatabaseProvider.Postgres ? await OnPostgresAsync(empty: true) : OnSqlite();

    public KaaryaDbContext CreateDbContext() => KaaryaDbContextFactory.Create(Provider, _options);

    public Task<KaaryaDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) => Task.FromResult(CreateDbContext());

    /// <summary>Runs one SQL statement outside EF, as someone with a database tool would.</summary>
    public async Task<int> ExecuteRawAsync(string sql)
    {
        await using var db = CreateDbContext();
        return await db.Database.ExecuteSqlRawAsync(sql, TestContext.Current.CancellationToken);
    }

    /// <summary>Removes the ledger's guard, as someone with a database tool and the owner's rights could.</summary>
    public Task<int> DropLedgerGuardAsync() =>
        ExecuteRawAsync(Provider == DatabaseProvider.Postgres ? LedgerGuard.DropPostgres : LedgerGuard.DropSqlite);

    /// <summary>The names of the triggers the database holds.</summary>
    public async Task<List<string>> TriggerNamesAsync()
    {
        await using var db = CreateDbContext();
        var sql = Provider == DatabaseProvider.Postgres
            ? "SELECT tgname::text AS \"Value\" FROM pg_trigger WHERE NOT tgisinternal"
            : "SELECT name AS Value FROM sqlite_master WHERE type = 'trigger'";
        return await db.Database.SqlQueryRaw<string>(sql).ToListAsync(TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => _remove();

    private static TestDatabase OnSqlite()
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "kaarya-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = System.IO.Path.Combine(folder, "kaarya.db");
        return new TestDatabase(
            DatabaseProvider.Sqlite,
            (builder, clock) => DataServiceCollectionExtensions.UseKaaryaSqlite(builder, path, clock),
            async () =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                await Task.Yield();
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                    // A file still held open by a pooled connection is removed with the temp folder later.
                }
            },
            path);
    }

    private static async Task<TestDatabase> OnPostgresAsync(bool empty)
    {
        var server = PostgresServer.Require();
        var connectionString = await server.CreateDatabaseAsync(empty, TestContext.Current.CancellationToken);
        return new TestDatabase(
            DatabaseProvider.Postgres,
            (builder, clock) => DataServiceCollectionExtensions.UseKaaryaPostgres(builder, connectionString, clock),
            () => new ValueTask(server.DropDatabaseAsync(connectionString)),
            connectionString: connectionString);
    }
}
