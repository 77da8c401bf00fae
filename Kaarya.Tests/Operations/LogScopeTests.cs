using System.Collections.Concurrent;
using Kaarya.Domain.Common;
using Kaarya.Tests.App;
using Kaarya.Tests.Security;
using Kaarya.Web.Data;
using Kaarya.Web.Identity;
using Kaarya.Web.Operations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kaarya.Tests.Operations;

/// <summary>
/// The logs of several instances are read together: each line must say which request and which
/// account it belongs to, and never carry a survivor's name.
/// </summary>
public class LogScopeTests
{
    [Fact]
    public async Task A_signed_in_request_logs_its_request_id_and_the_accounts_id_and_no_survivors_name()
    {
        var logs = new CapturedLogs();
        await using var factory = new KaaryaAppFactory();
        await using var app = factory.WithWebHostBuilder(host =>
        {
            host.UseSetting("Logging:LogLevel:Default", "Debug");
            host.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Debug");
            host.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Debug");
            host.ConfigureLogging(logging => logging.AddProvider(logs));
        });
        _ = app.Server;
        var cancel = TestContext.Current.CancellationToken;
        await app.Services.GetRequiredService<DatabaseInitialiser>().InitialiseAsync(cancel);
        using var http = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await FormSignIn.SignInAsync(http, AccessMatrix.DemoUsers[KaaryaRole.Staff], AccessMatrix.DemoPassword, cancel);
        var staffId = await IdOfAsync(app.Services, AccessMatrix.DemoUsers[KaaryaRole.Staff]);
        var names = await SurvivorNamesAsync(app.Services);
        logs.Clear();

        using var page = await http.GetAsync(new Uri("/participants", UriKind.Relative), cancel);

        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        // What the page's endpoint logs, after sign-in has said who she is (routing logs before that).
        var endpointLines = logs.Lines.Where(l => l.Category == "Microsoft.AspNetCore.Routing.EndpointMiddleware").ToList();
        Assert.NotEmpty(endpointLines);
        Assert.All(endpointLines, line =>
        {
            Assert.Equal(staffId, line.Scope.GetValueOrDefault(LogScopes.UserId));
            Assert.False(string.IsNullOrEmpty(line.Scope.GetValueOrDefault("RequestId")));
        });
        foreach (var line in logs.Lines)
        {
            // Staff see names on the page; the logs never carry them.
            Assert.DoesNotContain(names, name => line.Text.Contains(name, StringComparison.OrdinalIgnoreCase));
        }
    }

    private static async Task<string> IdOfAsync(IServiceProvider services, string userName)
    {
        await using var scope = services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<KaaryaUser>>().FindByNameAsync(userName);
        return user!.Id;
    }

    private static async Task<List<string>> SurvivorNamesAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<KaaryaDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.Participants.Select(p => p.GivenName).ToListAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>One line as a log sink would store it: its text, and the values of the scopes it was written in.</summary>
    private sealed record Line(string Category, string Text, IReadOnlyDictionary<string, string?> Scope);

    /// <summary>Every line the app logs, with its scopes, as the JSON console formatter would write them.</summary>
    private sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
    {
        private readonly ConcurrentQueue<Line> _lines = new();
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public IReadOnlyList<Line> Lines => [.. _lines];

        public void Clear() => _lines.Clear();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Logger(CapturedLogs owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => owner._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = new Dictionary<string, string?>(StringComparer.Ordinal);
                var text = new System.Text.StringBuilder(formatter(state, exception));
                owner._scopes.ForEachScope(
                    (scope, into) =>
                    {
                        if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                        {
                            foreach (var (key, value) in pairs)
                            {
                                into[key] = value?.ToString();
                                text.Append(' ').Append(value);
                            }
                        }
                        else
                        {
                            text.Append(' ').Append(scope);
                        }
                    },
                    values);
                owner._lines.Enqueue(new Line(category, text.ToString(), values));
            }
        }
    }
}
