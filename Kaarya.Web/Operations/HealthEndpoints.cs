using Kaarya.Web.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kaarya.Web.Operations;

/// <summary>
/// What a load balancer or an orchestrator asks each instance: <c>/healthz</c>, is the process
/// alive (nothing else is checked, so a slow database never gets a live instance restarted); and
/// <c>/readyz</c>, may it take users: the database answers, its schema is up to date, the
/// ledger can be read and the database takes writes (not read-only). Both answer anyone, with a word and no detail: they say nothing about the
/// programme.
/// </summary>
public static class HealthEndpoints
{
    public const string Live = "/healthz";
    public const string Ready = "/readyz";

    private const string ReadyTag = "ready";

    public static IServiceCollection AddKaaryaHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseReadiness>("database", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapKaaryaHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(Live, new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        endpoints.MapHealthChecks(Ready, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) }).AllowAnonymous();
        return endpoints;
    }
}

/// <summary>The database answers, has every migration this build knows, its ledger can be read, and it takes writes.</summary>
public sealed class DatabaseReadiness(IDbContextFactory<KaaryaDbContext> contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("The database does not answer.");
            }

            if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                return HealthCheckResult.Unhealthy("The database's schema is behind this version of Kaarya.");
            }

            await db.LedgerEntries.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => e.Sequence).FirstOrDefaultAsync(cancellationToken);
            await TakesWritesAsync(db, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception failure) when (StoreErrors.RefusesWrites(failure))
        {
            return HealthCheckResult.Unhealthy(ReadOnly, failure);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be read.", failure);
        }
    }

    /// <summary>What /readyz says of a database that can be read but takes no writes.</summary>
    public const string ReadOnly = "The database is read-only: nothing can be saved.";

    /// <summary>
    /// Refused when the database would not take a write; it changes nothing: an UPDATE that matches
    /// no row still needs the right to write, which a read-only SQLite file or connection and a
    /// PostgreSQL database set to read-only refuse (seen as <see cref="StoreErrors.RefusesWrites(Exception?)"/>).
    /// A full disk shows only when a write needs more room.
    /// </summary>
    private static async Task TakesWritesAsync(KaaryaDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlRawAsync(
            "UPDATE \"__EFMigrationsHistory\" SET \"ProductVersion\" = \"ProductVersion\" WHERE 1 = 0", cancellationToken);
    }
}
