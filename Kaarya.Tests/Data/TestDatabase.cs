using Kaarya.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Kaarya.Tests.Data;

/// <summary>
/// A real SQLite database in a file of its own, brought to the current schema by the app's
/// migrations, deleted with the test.
/// </summary>
public sealed class TestDatabase : IDbContextFactory<KaaryaDbContext>, IAsyncDisposable
{
    private readonly string _folder;
    private readonly DbContextOptions<KaaryaDbContext> _options;

    private TestDatabase()
    {
        _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "kaarya-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        Path = System.IO.Path.Combine(_folder, "kaarya.db");
        _options = new DbContextOptionsBuilder<KaaryaDbContext>()
            .UseSqlite(DataServiceCollectionExtensions.SqliteConnectionString(Path))
            .AddInterceptors(new AuditStampInterceptor(Clock))
            .Options;
    }

    public string Path { get; }

    /// <summary>The clock every stamp and posting reads; a test moves it as it needs.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2013, 9, 3, 5, 0, 0, TimeSpan.Zero));

    public static async Task<TestDatabase> CreateAsync()
    {
        var database = new TestDatabase();
        await using var db = database.CreateDbContext();
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        return database;
    }

    public KaaryaDbContext CreateDbContext() => new(_options);

    public Task<KaaryaDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) => Task.FromResult(CreateDbContext());

    /// <summary>Runs one SQL statement outside EF, as someone with a database tool would.</summary>
    public async Task<int> ExecuteRawAsync(string sql)
    {
        await using var db = CreateDbContext();
        return await db.Database.ExecuteSqlRawAsync(sql, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await Task.Yield();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a pooled connection is removed with the temp folder later.
        }
    }
}
