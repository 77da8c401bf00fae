using System.Diagnostics;
using System.Text.Json;
using Kaarya.Benchmarks.Generation;

namespace Kaarya.Benchmarks.Measuring;

/// <summary>
/// What the circuit and load benchmarks share: the synthetic programme in a SQLite file in a temp
/// folder (or a kept one), the app hosted on it, and staff accounts for the users.
/// </summary>
internal sealed class LiveRun : IAsyncDisposable
{
    private LiveRun(BenchmarkDatabase database, LiveApp app, IReadOnlyList<string> staff)
    {
        Database = database;
        App = app;
        Staff = staff;
    }

    public BenchmarkDatabase Database { get; }

    public LiveApp App { get; }

    public IReadOnlyList<string> Staff { get; }

    public static async Task<LiveRun> StartAsync(LiveOptions options, Action<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        if (!File.Exists(BrowserUsers.ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is not installed at {BrowserUsers.ChromiumPath}: run 'apt-get install chromium'.");
        }

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
        return new LiveRun(database, app, staff);
    }

    public BrowserUsersPlan Plan(LiveOptions options, string mode, int users) => new(
        App.Address.ToString(), Staff.Take(users).ToList(), LiveApp.StaffPassword, mode, options.DurationSeconds, options.Seed, options.ThinkMinMs, options.ThinkMaxMs);

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Database.DisposeAsync();
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
