using Kaarya.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Tests.Data;

/// <summary>The model and the migrations agree, so a fresh database is exactly what the code expects.</summary>
public abstract class SchemaTests(DatabaseProvider provider)
{
    [Fact]
    public async Task The_migrations_cover_every_change_to_the_model()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateDbContext();

        Assert.False(db.Database.HasPendingModelChanges(),
            "The model has changed since the last migration: run 'dotnet ef migrations add' (see README).");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
    }

    public sealed class OnSqlite() : SchemaTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : SchemaTests(DatabaseProvider.Postgres);
}
