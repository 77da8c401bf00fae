using Kaarya.Web.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kaarya.Web.Operations;

/// <summary>
/// What a load balancer or an orchestrator asks each instance: <c>/healthz</c>, is the process
/// alive (nothing else is checked, so a slow database never gets a live instance restarted); and
/// <c>/readyz</c>, may it take users: the database answers, its schema is up to date and the
/// ledger can be read. Both answer anyone, with a word and no detail: they say nothing about the
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

/// <summary>The database answers, has every migration this build knows, and its ledger can be read.</summary>
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
            return HealthCheckResult.Healthy();
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be read.", failure);
        }
    }
}
