using System.Net;
using Kaarya.Tests.App;
using Kaarya.Tests.Data;
using Kaarya.Web.Data;
using Kaarya.Web.Operations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kaarya.Tests.Operations;

/// <summary>What a load balancer asks each instance: is it alive, and may it take users.</summary>
public class HealthEndpointTests
{
    [Fact]
    public async Task Both_probes_answer_anyone_healthy_when_the_database_is_ready()
    {
        await using var app = new KaaryaAppFactory();
        await app.StartAsync();
        using var http = app.CreateClient();
        var cancel = TestContext.Current.CancellationToken;

        using var live = await http.GetAsync(new Uri(HealthEndpoints.Live, UriKind.Relative), cancel);
        using var ready = await http.GetAsync(new Uri(HealthEndpoints.Ready, UriKind.Relative), cancel);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync(cancel));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync(cancel));
    }

    [Fact]
    public async Task A_migrated_database_is_ready()
    {
        await using var database = await TestDatabase.CreateAsync();

        var result = await new DatabaseReadiness(database).CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    [Fact]
    public async Task A_database_behind_this_version_is_not_ready()
    {
        using var folder = new TemporaryFolder();
        var path = Path.Combine(folder.Path, "empty.db");
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            // A SQLite database, but none of Kaarya's tables.
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE notes (text TEXT)";
            await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var database = new DatabaseAt(path);

        var result = await new DatabaseReadiness(database).CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("The database's schema is behind this version of Kaarya.", result.Description);
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_not_ready()
    {
        using var folder = new TemporaryFolder();
        var path = Path.Combine(folder.Path, "broken.db");
        await File.WriteAllTextAsync(path, new string('x', 4096), TestContext.Current.CancellationToken);

        var result = await new DatabaseReadiness(new DatabaseAt(path)).CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("The database cannot be read.", result.Description);
    }

    /// <summary>A SQLite file as it is, not brought to the schema.</summary>
    private sealed class DatabaseAt(string path) : IDbContextFactory<KaaryaDbContext>
    {
        public KaaryaDbContext CreateDbContext() =>
            new(new DbContextOptionsBuilder<KaaryaDbContext>().UseSqlite($"Data Source={path};Pooling=False").Options);
    }

    private sealed class TemporaryFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("kaarya-health-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
