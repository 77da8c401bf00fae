using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kaarya.Web.Data;

/// <summary>
/// The same context, model and configurations as <see cref="KaaryaDbContext"/>, as a type of its
/// own only so that EF Core keeps PostgreSQL's migrations (Data/Migrations/Postgres) apart from
/// SQLite's: a migration set belongs to one context type. The app never names this type; the
/// context factory hands it out as a <see cref="KaaryaDbContext"/> (docs/decisions/0012).
/// </summary>
public sealed class PostgresKaaryaDbContext(DbContextOptions<KaaryaDbContext> options) : KaaryaDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // timestamptz holds an instant and Npgsql writes only offset 0: store every moment in UTC.
        // The instant is the same; SQLite keeps the offset it was given, PostgreSQL gives back UTC.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<InUtc>();
    }

    // Internal, not private: the compiled model (Data/CompiledModels/Postgres) names it.
    internal sealed class InUtc() : ValueConverter<DateTimeOffset, DateTimeOffset>(at => at.ToUniversalTime(), at => at);
}
