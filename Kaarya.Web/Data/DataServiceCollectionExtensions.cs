using Kaarya.Web.Auditing;
using Kaarya.Web.Data.Seed;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>The SQLite database, one short-lived context per operation.</summary>
    public static IServiceCollection AddKaaryaData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var path = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Path));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        services.AddSingleton(options);
        services.AddDbContextFactory<KaaryaDbContext>((provider, db) => UseKaaryaSqlite(db, path, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<DemoDataLoader>();
        services.AddSingleton<DatabaseInitialiser>();
        return services;
    }

    /// <summary>
    /// How every Kaarya context is configured, in the app and in tests alike: SQLite at a path,
    /// with the interceptors that stamp and audit each save.
    /// </summary>
    public static DbContextOptionsBuilder UseKaaryaSqlite(DbContextOptionsBuilder builder, string path, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .UseSqlite(SqliteConnectionString(path), sqlite => sqlite.MigrationsAssembly(typeof(KaaryaDbContext).Assembly.FullName))
            .AddInterceptors(new AuditStampInterceptor(clock), new AuditChangesInterceptor(clock));
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
}
