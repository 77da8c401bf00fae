using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Kaarya.Benchmarks.Generation;

namespace Kaarya.Benchmarks.Measuring;

/// <summary>
/// What the circuit and load benchmarks share: the synthetic programme in a SQLite file in a temp
/// folder (or a kept one), the app hosted on it, and staff accounts for the users. With
/// <c>load --url</c>, only the accounts: the app runs elsewhere, on its own data, and nothing of
/// its server is in this process.
/// </summary>
internal sealed class LiveRun : IAsyncDisposable
{
    private readonly BenchmarkDatabase? _database;
    private readonly LiveApp? _app;

    private LiveRun(Uri address, IReadOnlyList<string> staff, string password, BenchmarkDatabase? database, LiveApp? app)
    {
        Address = address;
        Staff = staff;
        Password = password;
        _database = database;
        _app = app;
    }

    /// <summary>Where the browsers reach the app.</summary>
    public Uri Address { get; }

    /// <summary>Whether the app runs in this process, so that its server can be measured.</summary>
    public bool Hosted => _app is not null;

    public BenchmarkDatabase Database => _database ?? throw new InvalidOperationException("The app runs at a URL: there is no benchmark database here.");

    public LiveApp App => _app ?? throw new InvalidOperationException("The app runs at a URL: its server is not in this process.");

    public IReadOnlyList<string> Staff { get; }

    private string Password { get; }

    /// <summary>The users' accounts: <c>load.staff01</c>, <c>load.staff02</c>, …</summary>
    public static IReadOnlyList<string> StaffNames(int count) =>
        [.. Enumerable.Range(1, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"load.staff{i:00}"))];

    public static async Task<LiveRun> StartAsync(LiveOptions options, Action<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        RequireChromium();
        var database = await BenchmarkDatabase.OpenAsync(options.DatabasePath, cancellationToken);
        if (!database.Existed)
        {
            progress($"generating {options.Participants:N0} participants and {options.LedgerEntries:N0} ledger entries into {database.Path}");
            var generation = await SyntheticProgramme.GenerateAsync(database, options.Generation, progress, cancellationToken);
            progress($"generated in {generation.Elapsed.TotalSeconds:N0} s");
        }

        var app = new LiveApp(database.Path);
        app.Start();
        progress($"app listening on {app.Address} (Production, {database.Path})");
        var staff = await app.EnsureStaffAsync(options.Users);
        progress($"{staff.Count} staff accounts ready");
        return new LiveRun(app.Address, staff, LiveApp.StaffPassword, database, app);
    }

    /// <summary>
    /// The app at <see cref="LiveOptions.Url"/>, checked before anyone browses: every account signs in
    /// once and sees businesses on the grid. The run, or what stands in its way (each account that
    /// cannot sign in, by name; an empty grid).
    /// </summary>
    public static async Task<(LiveRun? Run, IReadOnlyList<string> Problems)> ReachAsync(LiveOptions options, Action<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        var url = options.Url ?? throw new ArgumentException("The options name no URL.", nameof(options));
        RequireChromium();
        var run = new LiveRun(url, StaffNames(options.Users), options.Password ?? string.Empty, database: null, app: null);
        progress($"checking that {run.Staff.Count} accounts sign in at {options.AppAddress} and see businesses");
        using var client = ClientProcess.Start(run.Plan(options, BrowserUsersPlan.Check, options.Users), progress);
        var ended = await client.FinishAsync(cancellationToken);
        var problems = new List<string>();
        if (client.Result is not { } seen)
        {
            problems.Add($"the browsers' process ended (exit code {ended}) without a result; its lines are above");
            return (null, problems);
        }

        problems.AddRange(seen.Unusable ?? []);
        problems.AddRange(seen.ConsoleErrors.Select(e => "browser console: " + e));
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        progress($"{run.Staff.Count} accounts signed in; the first page of the grid shows {seen.RunningOnGrid} running businesses");
        return (run, problems);
    }

    public BrowserUsersPlan Plan(LiveOptions options, string mode, int users) => new(
        Address.ToString(), Staff.Take(users).ToList(), Password, mode, options.DurationSeconds, options.Seed, options.ThinkMinMs, options.ThinkMaxMs);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    private static void RequireChromium()
    {
        if (!File.Exists(BrowserUsers.ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is not installed at {BrowserUsers.ChromiumPath}: run 'apt-get install chromium'.");
        }
    }
}

/// <summary>The browser side's child process, seen from the parent: its lines read as they come.</summary>
internal sealed class ClientProcess : IDisposable
{
    private readonly Process _process;
    private readonly Action<string> _progress;

    private ClientProcess(Process process, Action<string> progress)
    {
        _process = process;
        _progress = progress;
    }

    public int Id => _process.Id;

    public BrowserUsersResult? Result { get; private set; }

    public static ClientProcess Start(BrowserUsersPlan plan, Action<string> progress) => new(BrowserUsers.Start(plan), progress);

    /// <summary>Reads lines, passing progress on, until <c>@ready NAME</c>; false if the process ended first.</summary>
    public async Task<bool> WaitForAsync(string ready, CancellationToken cancellationToken)
    {
        while (await _process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line == "@ready " + ready)
            {
                return true;
            }

            Take(line);
        }

        return false;
    }

    /// <summary>Lets the child go on from where it waits.</summary>
    public async Task ContinueAsync() => await _process.StandardInput.WriteLineAsync();

    /// <summary>Reads the rest of the output and waits for the child to end; its exit code.</summary>
    public async Task<int> FinishAsync(CancellationToken cancellationToken)
    {
        while (await _process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            Take(line);
        }

        await _process.WaitForExitAsync(cancellationToken);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Take(string line)
    {
        if (line.StartsWith("@result ", StringComparison.Ordinal))
        {
            Result = JsonSerializer.Deserialize<BrowserUsersResult>(line["@result ".Length..]);
        }
        else
        {
            _progress("  browsers: " + line);
        }
    }
}
