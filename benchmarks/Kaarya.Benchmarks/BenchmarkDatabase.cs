using Kaarya.Web.Data;
using Kaarya.Web.Data.Seed;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kaarya.Benchmarks;

/// <summary>
/// The SQLite file the benchmark fills and measures: in a temp folder deleted afterwards, or at a
/// path the caller keeps. It hands out two kinds of context, see <see cref="App"/> and
/// <see cref="Generator"/>.
/// </summary>
internal sealed class BenchmarkDatabase : IAsyncDisposable
{
    private readonly string? _temporaryFolder;

    private BenchmarkDatabase(string path, string? temporaryFolder)
    {
        Path = path;
        _temporaryFolder = temporaryFolder;
        var app = new DbContextOptionsBuilder<KaaryaDbContext>();
        DataServiceCollectionExtensions.UseKaaryaSqlite(app, path, TimeProvider.System);
        App = new ContextFactory(app.Options);

        // Generated benchmark data is not user activity: auditing 200,000 synthetic rows would
        // write as many audit entries and measure the generator, not the app. So the generator's
        // contexts leave out AuditChangesInterceptor. They keep AuditStampInterceptor, which only
        // fills each record's own CreatedAt/CreatedBy columns as the app would, at almost no cost.
        Generator = new ContextFactory(new DbContextOptionsBuilder<KaaryaDbContext>()
            .UseSqlite(DataServiceCollectionExtensions.SqliteConnectionString(path))
            .AddInterceptors(new AuditStampInterceptor(GenerationClock))
            .Options);
    }

    public string Path { get; }

    public bool Existed { get; private init; }

    /// <summary>Contexts exactly as the app configures them, interceptors included: for measuring.</summary>
    public IDbContextFactory<KaaryaDbContext> App { get; }

    /// <summary>Contexts for bulk generation, without the audit log (see the constructor).</summary>
    public IDbContextFactory<KaaryaDbContext> Generator { get; }

    /// <summary>The "now" stamped on generated records, fixed so that runs produce the same data.</summary>
    public static TimeProvider GenerationClock { get; } = new FixedClock(new DateTimeOffset(2025, 4, 1, 5, 30, 0, TimeSpan.Zero));

    public long SizeInBytes => new FileInfo(Path).Length;

    public static async Task<BenchmarkDatabase> OpenAsync(string? keptPath, CancellationToken cancellationToken)
    {
        BenchmarkDatabase database;
        if (keptPath is null)
        {
            var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "kaarya-bench", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            database = new BenchmarkDatabase(System.IO.Path.Combine(folder, "kaarya-bench.db"), folder);
        }
        else
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(keptPath)!);
            database = new BenchmarkDatabase(keptPath, temporaryFolder: null) { Existed = File.Exists(keptPath) };
        }

        // The app's own start-up: its migrations, and its journal mode (WAL), which decides what
        // each audited view costs to commit. No demo data: the generator fills the database.
        var noDemo = new DatabaseOptions { Path = database.Path, LoadDemoData = false };
        var initialiser = new DatabaseInitialiser(database.App, noDemo, new DemoDataLoader(database.App, noDemo), NullLogger<DatabaseInitialiser>.Instance);
        await initialiser.InitialiseAsync(cancellationToken);
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        await Task.Yield();
        if (_temporaryFolder is not null)
        {
            Directory.Delete(_temporaryFolder, recursive: true);
        }
    }

    private sealed class ContextFactory(DbContextOptions<KaaryaDbContext> options) : IDbContextFactory<KaaryaDbContext>
    {
        public KaaryaDbContext CreateDbContext() => new(options);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
