using Kaarya.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

[assembly: AssemblyFixture(typeof(Kaarya.Tests.Data.PostgresServer.Cleanup))]

namespace Kaarya.Tests.Data;

/// <summary>
/// The PostgreSQL server the data tests also run against, named by the connection string in
/// <c>KAARYA_TEST_POSTGRES</c> (a user allowed to create databases). The app's PostgreSQL
/// migrations run once per test run into a template database; each test gets a copy of it of its
/// own, dropped after the test. Without the variable the PostgreSQL tests are skipped and say why;
/// in CI (<c>CI=true</c>, where .ci/run starts a server) they fail instead.
/// </summary>
public sealed class PostgresServer
{
    public const string Variable = "KAARYA_TEST_POSTGRES";

    private static readonly Lazy<PostgresServer?> Configured = new(() =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } connectionString ? new PostgresServer(connectionString) : null);

    private readonly string _admin;
    private readonly Lazy<Task<string>> _template;

    private PostgresServer(string connectionString)
    {
        // Administrative statements (CREATE and DROP DATABASE) run on unpooled connections, so that
        // no idle connection holds the template or a database being dropped.
        _admin = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString();
        _template = new(CreateTemplateAsync);
    }

    /// <summary>The configured server, or the test is skipped (on a developer's machine) or failed (in CI).</summary>
    public static PostgresServer Require()
    {
        if (Configured.Value is { } server)
        {
            return server;
        }

        var message = $"PostgreSQL tests need a server: set {Variable} to a connection string, e.g. " +
            $"'Host=127.0.0.1;Port=55432;Username=postgres' (README, 'PostgreSQL'; .ci/run starts one).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }

        Assert.Skip(message);
        return null!;
    }

    /// <summary>
    /// Creates a database for one test, of the current schema or (<paramref name="empty"/>) with
    /// nothing in it, for the app's own start-up to migrate; returns its connection string.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(bool empty, CancellationToken cancellationToken)
    {
        var name = "kaarya_test_" + Guid.NewGuid().ToString("N");
        var copy = empty ? string.Empty : $" TEMPLATE \"{await _template.Value}\"";
        await ExecuteAsync($"CREATE DATABASE \"{name}\"{copy}", cancellationToken);
        return new NpgsqlConnectionStringBuilder(_admin) { Database = name, Pooling = true }.ToString();
    }

    public async Task DropDatabaseAsync(string connectionString)
    {
        using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", CancellationToken.None);
    }

    private async Task<string> CreateTemplateAsync()
    {
        var name = "kaarya_test_template_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync($"CREATE DATABASE \"{name}\"", CancellationToken.None);
        var options = new DbContextOptionsBuilder<KaaryaDbContext>();
        DataServiceCollectionExtensions.UseKaaryaPostgres(options, new NpgsqlConnectionStringBuilder(_admin) { Database = name }.ToString(), TimeProvider.System);
        await using (var db = new PostgresKaaryaDbContext(options.Options))
        {
            await db.Database.MigrateAsync();
        }

        return name;
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Drops the run's template database when the last test has finished.</summary>
    public sealed class Cleanup : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (Configured.IsValueCreated && Configured.Value is { _template.IsValueCreated: true } server)
            {
                var template = await server._template.Value;
                await server.ExecuteAsync($"DROP DATABASE IF EXISTS \"{template}\" WITH (FORCE)", CancellationToken.None);
            }
        }
    }
}
