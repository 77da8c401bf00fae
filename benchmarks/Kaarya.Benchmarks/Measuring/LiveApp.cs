using System.Collections.Concurrent;
using System.Diagnostics;
using Kaarya.Domain.Common;
using Kaarya.Web.Identity;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kaarya.Benchmarks.Measuring;

/// <summary>
/// The whole app, as Program.cs builds it, hosted in this process on a free loopback port through
/// Kestrel, in the Production environment, on a benchmark database. Hosting it here is what lets
/// the circuit benchmark read the server's own heap. Two small additions watch it without
/// changing it: a circuit handler that counts circuits, and a logger that keeps every warning and
/// error instead of printing them.
/// </summary>
/// <remarks>
/// The type argument only names the app's assembly: this project's own top-level Program would hide the app's.
/// </remarks>
internal sealed class LiveApp : WebApplicationFactory<AccountSignIn>
{
    public const string StaffPassword = "kaarya-load-2026";

    private readonly string _databasePath;

    public LiveApp(string databasePath)
    {
        _databasePath = databasePath;
        UseKestrel(0);
    }

    /// <summary>Where the browsers reach the app.</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1");

    public CircuitCounter Circuits { get; } = new();

    public ServerLog Log { get; } = new();

    public void Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        Address = new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
    }

    /// <summary>
    /// Staff accounts <c>load.staff01</c>, <c>load.staff02</c>, … through the app's own
    /// <see cref="UserAccounts"/>, as a programme manager adds them; accounts already there are kept.
    /// </summary>
    public async Task<IReadOnlyList<string>> EnsureStaffAsync(int count)
    {
        var names = LiveRun.StaffNames(count);
        var manager = new Actor("load.manager", KaaryaRole.ProgrammeManager);
        foreach (var name in names)
        {
            await using var scope = Services.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<UserManager<KaaryaUser>>().FindByNameAsync(name) is null)
            {
                var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
                await accounts.CreateAsync(manager, name, "Load test " + name, KaaryaRole.Staff, StaffPassword, participantId: null);
            }
        }

        return names;
    }

    /// <summary>Waits until the app holds exactly <paramref name="open"/> circuits, or the time is up.</summary>
    public async Task<bool> WaitForCircuitsAsync(int open, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (Circuits.Open != open)
        {
            if (DateTime.UtcNow > until)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Path", _databasePath);
        builder.UseSetting("Database:LoadDemoData", "false");
        builder.UseUrls("http://127.0.0.1:0");

        // Not published: MudBlazor's and Blazor's files are served from the build output's
        // static web assets manifest, which only Development reads without being asked.
        builder.UseStaticWebAssets();
        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            logging.AddProvider(Log);
        });
        builder.ConfigureServices(services =>
        {
            services.AddSingleton(Circuits);
            services.AddScoped<CircuitHandler, CountingCircuitHandler>();
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    private sealed class CountingCircuitHandler(CircuitCounter counter) : CircuitHandler
    {
        // Every message a browser sends a circuit (an event, a JS call's answer, a render
        // acknowledgement) passes here: its handling, renders included, is timed on the server.
        public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
            async context =>
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await next(context);
                }
                finally
                {
                    counter.Handled(Stopwatch.GetElapsedTime(started));
                }
            };

        public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            counter.Opened();
            return Task.CompletedTask;
        }

        public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            counter.Closed();
            return Task.CompletedTask;
        }

        public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            counter.ConnectionDown();
            return Task.CompletedTask;
        }
    }
}

/// <summary>The app's circuits, counted by a circuit handler.</summary>
internal sealed class CircuitCounter
{
    private int _open;
    private int _opened;
    private int _connectionsDown;
    private readonly ConcurrentQueue<double> _handledMs = new();

    /// <summary>Circuits open now, connected or disconnected but still retained.</summary>
    public int Open => Volatile.Read(ref _open);

    public int EverOpened => Volatile.Read(ref _opened);

    /// <summary>Times a circuit lost its connection: a closed tab, or a dropped connection.</summary>
    public int ConnectionsDown => Volatile.Read(ref _connectionsDown);

    public void Opened()
    {
        Interlocked.Increment(ref _open);
        Interlocked.Increment(ref _opened);
    }

    public void Closed() => Interlocked.Decrement(ref _open);

    public void ConnectionDown() => Interlocked.Increment(ref _connectionsDown);

    /// <summary>Milliseconds the server took over each message from a browser since <see cref="ForgetHandled"/>.</summary>
    public IReadOnlyList<double> HandledMs => [.. _handledMs];

    public void Handled(TimeSpan took) => _handledMs.Enqueue(took.TotalMilliseconds);

    public void ForgetHandled() => _handledMs.Clear();
}

/// <summary>The app's log while it is measured: warnings and errors kept with their category, the rest dropped.</summary>
internal sealed class ServerLog : ILoggerProvider
{
    private readonly ConcurrentQueue<(DateTimeOffset At, LogLevel Level, string Category, string Message)> _entries = new();

    public IReadOnlyList<(DateTimeOffset At, LogLevel Level, string Category, string Message)> Entries => [.. _entries];

    public IReadOnlyList<string> ErrorsSince(DateTimeOffset since) =>
        [.. _entries.Where(e => e.At >= since && e.Level >= LogLevel.Error).Select(e => $"{e.Level} {e.Category}: {e.Message}")];

    public IReadOnlyList<string> WarningsSince(DateTimeOffset since) =>
        [.. _entries.Where(e => e.At >= since && e.Level == LogLevel.Warning).Select(e => $"{e.Category}: {e.Message}")];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(ServerLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            ArgumentNullException.ThrowIfNull(formatter);
            var message = formatter(state, exception) + (exception is null ? string.Empty : " " + exception.GetType().Name + ": " + exception.Message);
            log._entries.Enqueue((DateTimeOffset.UtcNow, logLevel, category, message));
        }
    }
}
