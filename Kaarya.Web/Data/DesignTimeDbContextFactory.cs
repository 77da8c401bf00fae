using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Kaarya.Web.Data;

/// <summary>
/// Lets <c>dotnet ef</c> build the model without starting the app. To add a migration:
/// <c>dotnet tool restore</c>, then
/// <c>dotnet ef migrations add NAME --project Kaarya.Web --output-dir Data/Migrations/Sqlite</c>.
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<KaaryaDbContext>
{
    public KaaryaDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<KaaryaDbContext>()
            .UseSqlite(DataServiceCollectionExtensions.SqliteConnectionString("design-time.db"))
            .Options);
}
