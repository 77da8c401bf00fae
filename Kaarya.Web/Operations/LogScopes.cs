using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Kaarya.Web.Operations;

/// <summary>
/// Every log line written while a request or a circuit's event is handled carries who caused it:
/// the account's id (a GUID, never a user name or a survivor's name) and, for a circuit, the
/// circuit's id. ASP.NET Core already puts the request's id in the scope of each request. With the
/// JSON console formatter and scopes on (appsettings.Production.json) these are fields of each line.
/// </summary>
public static class LogScopes
{
    public const string UserId = "UserId";
    public const string CircuitId = "CircuitId";

    public static IServiceCollection AddKaaryaLogScopes(this IServiceCollection services)
    {
        services.AddScoped<CircuitHandler, CircuitLogScope>();
        return services;
    }

    /// <summary>After authentication: the signed-in account's id on every line the request logs.</summary>
    public static IApplicationBuilder UseKaaryaLogScopes(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Kaarya.Requests");
            using (logger.BeginScope(new Dictionary<string, object?> { [UserId] = IdOf(context.User) }))
            {
                await next(context);
            }
        });

    /// <summary>The account's id, or "anonymous".</summary>
    public static string IdOf(ClaimsPrincipal? user) =>
        user?.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous";
}

/// <summary>
/// A circuit's events (clicks, form posts, navigation) happen outside any HTTP request: this
/// gives each of them a log scope with the circuit's id and the account's id.
/// </summary>
public sealed class CircuitLogScope(AuthenticationStateProvider authentication, ILogger<CircuitLogScope> logger) : CircuitHandler
{
    private string _circuitId = string.Empty;
    private string _userId = "anonymous";

    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        _circuitId = circuit.Id;
        _userId = LogScopes.IdOf((await authentication.GetAuthenticationStateAsync()).User);
    }

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            using (logger.BeginScope(new Dictionary<string, object?> { [LogScopes.CircuitId] = _circuitId, [LogScopes.UserId] = _userId }))
            {
                await next(context);
            }
        };
}
