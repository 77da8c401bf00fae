using System.Globalization;
using Kaarya.Benchmarks.Measuring;
using Kaarya.Web.Data;
using Kaarya.Web.Data.Seed;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Kaarya.Benchmarks;

/// <summary>
/// The database the benchmark fills and measures: a SQLite file in a temp folder deleted
/// afterwards or at a path the caller keeps, or a PostgreSQL database made for the run on a
/// server the caller names and dropped afterwards. It hands out two kinds of context, see
/// <see cref="App"/> and <see cref="Generator"/>.
/// </summary>
internal sealed class BenchmarkDatabase : IAsyncDisposable
{
    private readonly Func<ValueTask> _remove;

    private BenchmarkDatabase(DatabaseProvider provider, string path, Action<DbContextOptionsBuilder, TimeProvider, bool> configure, Func<ValueTask> remove)
    {
        Provider = provider;
        Path = path;
        _remove = remove;
        var app = new DbContextOptionsBuilder<KaaryaDbContext>();
        configure(app, TimeProvider.System, true);
        App = new ContextFactory(provider, app.Options);

        // Generated benchmark data is not user activity: auditing 200,000 synthetic rows would
        // write as many audit entries and measure the generator, not the app. So the generator's
        // contexts leave out AuditChangesInterceptor. They keep AuditStampInterceptor, which only
        // fills each record's own CreatedAt/CreatedBy columns as the app would, at almost no cost.
        var generator = new DbContextOptionsBuilder<KaaryaDbContext>();
        configure(generator, GenerationClock, false);
        Generator = new ContextFactory(provider, generator.AddInterceptors(new AuditStampInterceptor(GenerationClock)).Options);
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The SQLite file, or the PostgreSQL database's name.</summary>
    public string Path { get; }

    public bool Existed { get; private set; }

    /// <summary>Contexts exactly as the app configures them, interceptors included: for measuring.</summary>
    public IDbContextFactory<KaaryaDbContext> App { get; }

    /// <summary>Contexts for bulk generation, without the audit log (see the constructor).</summary>
    public IDbContextFactory<KaaryaDbContext> Generator { get; }

    /// <summary>The "now" stamped on generated records, fixed so that runs produce the same data.</summary>
    public static TimeProvider GenerationClock { get; } = new FixedClock(new DateTimeOffset(2025, 4, 1, 5, 30, 0, TimeSpan.Zero));

    /// <summary>The PostgreSQL server's processes, when they run on this machine (see <see cref="DatabaseServerCpu"/>).</summary>
    public DatabaseServerCpu? ServerCpu { get; private set; }

    /// <summary>PostgreSQL's connection string to this database; null on SQLite.</summary>
    private string? PostgresConnection { get; init; }

    /// <summary>The SQLite file's size, or the PostgreSQL database's (<c>pg_database_size</c>: tables, indexes, TOAST).</summary>
    public async Task<long> SizeInBytesAsync(CancellationToken cancellationToken)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            return new FileInfo(Path).Length;
        }

        await using var db = await App.CreateDbContextAsync(cancellationToken);
        return await db.Database.SqlQueryRaw<long>("SELECT pg_database_size(current_database()) AS \"Value\"").SingleAsync(cancellationToken);
    }

    /// <summary>A SQLite file: a new one in a temp folder, or <paramref name="keptPath"/>, made if missing.</summary>
    public static async Task<BenchmarkDatabase> OpenAsync(string? keptPath, CancellationToken cancellationToken)
    {
        BenchmarkDatabase database;
        if (keptPath is null)
        {
            var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "kaarya-bench", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            database = OnSqlite(System.IO.Path.Combine(folder, "kaarya-bench.db"), () =>
            {
                Directory.Delete(folder, recursive: true);
                return ValueTask.CompletedTask;
            });
        }
        else
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(keptPath)!);
            database = OnSqlite(keptPath, () => ValueTask.CompletedTask);
            database.Existed = File.Exists(keptPath);
        }

        await database.InitialiseAsync(cancellationToken);
        return database;
    }

    /// <summary>
    /// A new database on the PostgreSQL server <paramref name="serverConnectionString"/> names (a
    /// user who may create databases), migrated as the app migrates it, dropped when disposed.
    /// </summary>
    public static async Task<BenchmarkDatabase> OpenPostgresAsync(string serverConnectionString, CancellationToken cancellationToken)
    {
        var name = "kaarya_bench_" + Guid.NewGuid().ToString("N");
        var admin = new NpgsqlConnectionStringBuilder(serverConnectionString) { Pooling = false, Database = "postgres" }.ToString();
        await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"", cancellationToken);
        var connectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ToString();
        BenchmarkDatabase database = new(
            DatabaseProvider.Postgres,
            name,
            (builder, clock, app) =>
            {
                if (app)
                {
                    DataServiceCollectionExtensions.UseKaaryaPostgres(builder, connectionString, clock);
                }
                else
                {
                    builder.UseNpgsql(connectionString);
                }
            },
            async () =>
            {
                NpgsqlConnection.ClearAllPools();
                await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", CancellationToken.None);
            })
        {
            PostgresConnection = connectionString,
        };
        await database.InitialiseAsync(cancellationToken);
        database.ServerCpu = await DatabaseServerCpu.FindAsync(connectionString, cancellationToken);
        return database;
    }

    /// <summary>The PostgreSQL server's version, e.g. "15.14".</summary>
    public async Task<string> ServerVersionAsync(CancellationToken cancellationToken)
    {
        await using var db = await App.CreateDbContextAsync(cancellationToken);
        return await db.Database.SqlQueryRaw<string>("SELECT current_setting('server_version') AS \"Value\"").SingleAsync(cancellationToken);
    }

    /// <summary>The PostgreSQL server as the report names it: its version and where it runs.</summary>
    public async Task<string> PostgresServerAsync(CancellationToken cancellationToken)
    {
        var version = await ServerVersionAsync(cancellationToken);
        var host = new NpgsqlConnectionStringBuilder(PostgresConnection).Host;
        var where = host?.StartsWith('/') == true ? "Unix socket" : DatabaseServerCpu.IsLocal(host) ? "loopback" : "over the network";
        return string.Create(CultureInfo.InvariantCulture, $"PostgreSQL {version}, {where}");
    }

    /// <summary>
    /// On PostgreSQL, after the generator's bulk insert: <c>VACUUM (ANALYZE)</c>, which autovacuum
    /// would get to in its own time on a running install. Without it the planner has no statistics
    /// on the new tables and index-only scans find no page marked all-visible, so the first
    /// minutes' figures would be a freshly loaded database's, and autovacuum starting midway
    /// would change them under the measurement. Nothing on SQLite, whose path stays as it was.
    /// </summary>
    public async Task SettleAsync(CancellationToken cancellationToken)
    {
        if (PostgresConnection is not null)
        {
            await ExecuteAsync(PostgresConnection, "VACUUM (ANALYZE)", cancellationToken);
        }
    }

    private static BenchmarkDatabase OnSqlite(string path, Func<ValueTask> remove) => new(
        DatabaseProvider.Sqlite,
        path,
        (builder, clock, app) =>
        {
            if (app)
            {
                DataServiceCollectionExtensions.UseKaaryaSqlite(builder, path, clock);
            }
            else
            {
                builder.UseSqlite(DataServiceCollectionExtensions.SqliteConnectionString(path));
            }
        },
        remove);

    /// <summary>
    /// The app's own start-up: its migrations and, on SQLite, its journal mode (WAL), which
    /// decides what each audited view costs to commit. No demo data: the generator fills the database.
    /// </summary>
    private async Task InitialiseAsync(CancellationToken cancellationToken)
    {
        var noDemo = new DatabaseOptions { Provider = Provider, Path = Path, LoadDemoData = false };
        var initialiser = new DatabaseInitialiser(App, noDemo, new DemoDataLoader(App, noDemo), NullLogger<DatabaseInitialiser>.Instance);
        await initialiser.InitialiseAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        await Task.Yield();
        await _remove();
    }

    private sealed class ContextFactory(DatabaseProvider provider, DbContextOptions<KaaryaDbContext> options) : IDbContextFactory<KaaryaDbContext>
    {
        public KaaryaDbContext CreateDbContext() => KaaryaDbContextFactory.Create(provider, options);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
