using Kaarya.Web.Data.Seed;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Data;

/// <summary>
/// Brings the database to the current schema with the real migrations, then loads the demo
/// programme if the database is empty and demo data is wanted (never for create-manager: the
/// database it makes is a real one).
/// </summary>
public sealed partial class DatabaseInitialiser(
    IDbContextFactory<KaaryaDbContext> contexts,
    DatabaseOptions options,
    DemoDataLoader demoData,
    ILogger<DatabaseInitialiser> logger)
{
    public Task InitialiseAsync(CancellationToken cancellationToken = default) => InitialiseAsync(options.LoadDemoData, cancellationToken);

    /// <summary>Brings the database to the current schema for create-manager: the demo never goes into it.</summary>
    public Task InitialiseForFirstManagerAsync(CancellationToken cancellationToken = default) => InitialiseAsync(loadDemo: false, cancellationToken);

    private async Task InitialiseAsync(bool loadDemo, CancellationToken cancellationToken)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await db.Database.MigrateAsync(cancellationToken);

            if (db.Database.IsSqlite())
            {
                // WAL lets readers go on while a posting is being written (PostgreSQL's readers never wait).
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
        }

        if (loadDemo)
        {
            var loaded = await demoData.LoadIfEmptyAsync(cancellationToken);
            if (loaded is not null)
            {
                LogDemoLoaded(logger, loaded);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded the demo programme: {Summary}")]
    private static partial void LogDemoLoaded(ILogger logger, DemoDataSummary summary);
}
