using Kaarya.Web.Auditing;
using Kaarya.Web.Data;
using Kaarya.Web.Features.Access;
using Kaarya.Web.Features.Funding;
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
        var builder = new DbContextOptionsBuilder<KaaryaDbContext>();
        DataServiceCollectionExtensions.UseKaaryaSqlite(builder, Path, Clock);
        _options = builder.Options;
    }

    public string Path { get; }

    /// <summary>The clock every stamp and posting reads; a test moves it as it needs.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2013, 9, 3, 5, 0, 0, TimeSpan.Zero));

    /// <summary>The audit trail and ledger reader of this database, as the app wires them.</summary>
    public AuditTrail Audit => new(this, Clock);

    public RecordGate Gate => new(Audit, Clock);

    public LedgerReader Ledger => new(this, Gate, Audit);

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
