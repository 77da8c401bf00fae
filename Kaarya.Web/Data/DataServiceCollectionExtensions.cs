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
        services.AddSingleton<AuditStampInterceptor>();
        services.AddDbContextFactory<KaaryaDbContext>((provider, db) =>
            db.UseSqlite(SqliteConnectionString(path), sqlite => sqlite.MigrationsAssembly(typeof(KaaryaDbContext).Assembly.FullName))
              .AddInterceptors(provider.GetRequiredService<AuditStampInterceptor>()));
        services.AddSingleton<DemoDataLoader>();
        services.AddSingleton<DatabaseInitialiser>();
        return services;
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
