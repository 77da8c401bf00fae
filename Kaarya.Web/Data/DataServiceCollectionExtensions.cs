using Kaarya.Web.Auditing;
using Kaarya.Web.Data.Seed;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kaarya.Web.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>The configured database (SQLite unless <c>Database:Provider</c> says Postgres), one short-lived context per operation.</summary>
    public static IServiceCollection AddKaaryaData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        if (options.Provider == DatabaseProvider.Postgres)
        {
            var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    $"Database:Provider is Postgres, but no connection string was given: set ConnectionStrings:{DatabaseOptions.ConnectionStringName} " +
                    $"(or the environment variable ConnectionStrings__{DatabaseOptions.ConnectionStringName}), e.g. 'Host=127.0.0.1;Database=kaarya;Username=kaarya'.");
            }

            services.AddDbContextFactory<KaaryaDbContext, KaaryaDbContextFactory>((provider, db) =>
                UseKaaryaPostgres(db, connectionString, provider.GetRequiredService<TimeProvider>()));
        }
        else
        {
            var path = SqlitePath(options, environment);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            services.AddDbContextFactory<KaaryaDbContext, KaaryaDbContextFactory>((provider, db) =>
                UseKaaryaSqlite(db, path, provider.GetRequiredService<TimeProvider>()));
        }

        services.AddSingleton<AuditTrail>();
        services.AddSingleton<DemoDataLoader>();
        services.AddSingleton<DatabaseInitialiser>();
        return services;
    }

    /// <summary>
    /// How every Kaarya context on SQLite is configured, in the app and in tests alike: SQLite at a
    /// path, with the interceptors that stamp and audit each save.
    /// </summary>
    public static DbContextOptionsBuilder UseKaaryaSqlite(DbContextOptionsBuilder builder, string path, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .UseSqlite(SqliteConnectionString(path), sqlite => sqlite.MigrationsAssembly(typeof(KaaryaDbContext).Assembly.FullName))
            .ConfigureWarnings(StartFromTheCompiledModel)
            .AddInterceptors(Interceptors(clock));
    }

    /// <summary>
    /// How every Kaarya context on PostgreSQL is configured: the same interceptors; the context
    /// type (<see cref="PostgresKaaryaDbContext"/>) picks PostgreSQL's own migrations.
    /// </summary>
    public static DbContextOptionsBuilder UseKaaryaPostgres(DbContextOptionsBuilder builder, string connectionString, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .UseNpgsql(connectionString, postgres => postgres.MigrationsAssembly(typeof(KaaryaDbContext).Assembly.FullName))
            .ConfigureWarnings(StartFromTheCompiledModel)
            .AddInterceptors(Interceptors(clock));
    }

    /// <summary>The SQLite file: <see cref="DatabaseOptions.Path"/>, relative to the app's content root.</summary>
    public static string SqlitePath(DatabaseOptions options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        return Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Path));
    }

    public static string SqliteConnectionString(string path) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();

    /// <summary>
    /// Migrating no longer compares the model with the last migration's snapshot at every start:
    /// that comparison builds the whole model from its configurations (what the compiled model
    /// spares a start) and is made where it belongs, by <c>SchemaTests</c> on both databases
    /// (docs/decisions/0019).
    /// </summary>
    private static void StartFromTheCompiledModel(WarningsConfigurationBuilder warnings) =>
        warnings.Ignore(RelationalEventId.PendingModelChangesWarning);

    private static Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] Interceptors(TimeProvider clock) =>
        [new AuditStampInterceptor(clock), new AuditChangesInterceptor(clock)];
}
