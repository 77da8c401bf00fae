using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Data;

/// <summary>
/// Hands out one short-lived context per operation, of the type whose migrations match the
/// configured database: <see cref="KaaryaDbContext"/> on SQLite, <see cref="PostgresKaaryaDbContext"/>
/// on PostgreSQL. Everything else asks for a <see cref="KaaryaDbContext"/> and never knows which.
/// </summary>
public sealed class KaaryaDbContextFactory(DbContextOptions<KaaryaDbContext> options, DatabaseOptions database) : IDbContextFactory<KaaryaDbContext>
{
    public KaaryaDbContext CreateDbContext() => Create(database.Provider, options);

    public static KaaryaDbContext Create(DatabaseProvider provider, DbContextOptions<KaaryaDbContext> options) =>
        provider == DatabaseProvider.Postgres ? new PostgresKaaryaDbContext(options) : new KaaryaDbContext(options);
}
