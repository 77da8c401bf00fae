using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Kaarya.Web.Data;

/// <summary>
/// Lets <c>dotnet ef</c> build the SQLite model without starting the app. To add a migration:
/// <c>dotnet tool restore</c>, then
/// <c>dotnet ef migrations add NAME --project Kaarya.Web --context KaaryaDbContext --output-dir Data/Migrations/Sqlite</c>,
/// and the same change for PostgreSQL (see <see cref="PostgresDesignTimeDbContextFactory"/>).
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<KaaryaDbContext>
{
    public KaaryaDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<KaaryaDbContext>()
            .UseSqlite(DataServiceCollectionExtensions.SqliteConnectionString("design-time.db"))
            .Options);
}

/// <summary>
/// Lets <c>dotnet ef</c> build the PostgreSQL model; adding a migration connects to nothing:
/// <c>dotnet ef migrations add NAME --project Kaarya.Web --context PostgresKaaryaDbContext --output-dir Data/Migrations/Postgres</c>.
/// </summary>
internal sealed class PostgresDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgresKaaryaDbContext>
{
    public PostgresKaaryaDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<KaaryaDbContext>()
            .UseNpgsql("Host=127.0.0.1;Database=kaarya_design_time")
            .Options);
}
