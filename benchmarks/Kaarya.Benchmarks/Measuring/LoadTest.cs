using System.Diagnostics;
using System.Globalization;

namespace Kaarya.Benchmarks.Measuring;

/// <summary>One kind of interaction's latency, in milliseconds, as the browser measured it.</summary>
internal sealed record InteractionLatency(string Kind, int Count, double P50, double P95, double P99, double Max, double DriverP95);

/// <summary>What the load test saw. <see cref="Server"/> is null when the app ran at a URL, named by <see cref="RemoteApp"/> (scheme and host).</summary>
internal sealed record LoadTestResult(
    int Users,
    double BrowsingSeconds,
    int Recorded,
    IReadOnlyList<InteractionLatency> Latencies,
    InteractionLatency? Overall,
    IReadOnlyList<string> Errors,
    ProcessCpu Cpu,
    double WallSeconds,
    ServerFigures? Server,
    string? RemoteApp)
{
    public bool Passed => Errors.Count == 0;
}

/// <summary>What only an app hosted in this process lets the load test see of its server.</summary>
internal sealed record ServerFigures(
    IReadOnlyList<string> Warnings,
    ServerMemory Before,
    ServerMemory PeakWhileBrowsing,
    ServerMemory MeanWhileBrowsing,
    ServerMemory AfterWithCircuits,
    int CircuitsAtEnd,
    InteractionLatency? Handling);

/// <summary>
/// Issue 7's bounded load test: the users sign in, each in her own browser context with her own
/// circuit, and for the duration each loops as staff do, with think time between steps: the
/// businesses grid, a search, a sort or the next page, a running business, a tab, and a record
/// written through the form (a cash-book line or a sun-or-cloud event). Any failed expectation,
/// browser console error, reconnect, dropped circuit or error in the server's log is an error.
/// Against an app at a URL the same users do the same, and the errors are those the browsers see:
/// the server's memory, log, circuits and time are in another machine's process.
/// </summary>
internal static class LoadTest
{
    public const string SignIn = "sign in (page load, circuit up)";

    public static async Task<LoadTestResult> RunAsync(LiveRun run, LiveOptions options, Action<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        var hosted = run.Hosted;
        var errors = new List<string>();
        var since = DateTimeOffset.UtcNow;
        await CircuitMemory.WarmUpAsync(run, options, progress, errors, cancellationToken);
        ServerMemory? before = null;
        if (hosted)
        {
            before = await ServerMemory.SettledAsync();
            progress($"no circuit: {CircuitMemory.Describe(before)}");
        }

        using var client = ClientProcess.Start(run.Plan(options, BrowserUsersPlan.Load, options.Users), progress);
        if (!await client.WaitForAsync("browsing", cancellationToken))
        {
            errors.Add("the browsers ended before browsing");
        }

        var (downBefore, openedBefore) = (0, 0);
        if (hosted)
        {
            var circuitsSignedIn = run.App.Circuits.Open;
            if (circuitsSignedIn != options.Users)
            {
                errors.Add($"{circuitsSignedIn} circuits open after signing in, not {options.Users}");
            }

            progress($"{circuitsSignedIn} users signed in; browsing and recording for {options.DurationSeconds} s");
            downBefore = run.App.Circuits.ConnectionsDown;
            openedBefore = run.App.Circuits.EverOpened;
        }
        else
        {
            progress($"{options.Users} users signed in at {options.AppAddress}; browsing and recording for {options.DurationSeconds} s");
        }

        var cpuBefore = ProcessCpu.Read(client.Id);
        if (hosted)
        {
            run.App.Circuits.ForgetHandled();
        }

        var wall = Stopwatch.StartNew();
        using var sampling = new CancellationTokenSource();
        var samples = hosted ? SampleAsync(sampling.Token) : Task.FromResult(new List<ServerMemory>());
        await client.ContinueAsync();

        var done = await client.WaitForAsync("done", cancellationToken);
        var cpu = ProcessCpu.Read(client.Id) - cpuBefore;
        var handled = hosted ? run.App.Circuits.HandledMs.Order().ToArray() : [];
        var wallSeconds = wall.Elapsed.TotalSeconds;
        await sampling.CancelAsync();
        var seen = await samples;
        if (!done)
        {
            errors.Add("the browsers ended before the end of the run");
        }

        var (circuitsAtEnd, dropped, reopened) = (0, 0, 0);
        ServerMemory? withCircuits = null;
        if (hosted)
        {
            circuitsAtEnd = run.App.Circuits.Open;
            dropped = run.App.Circuits.ConnectionsDown - downBefore;
            reopened = run.App.Circuits.EverOpened - openedBefore;
            withCircuits = await ServerMemory.SettledAsync();
            progress($"{circuitsAtEnd} circuits open at the end: {CircuitMemory.Describe(withCircuits)}");
        }

        await client.ContinueAsync();
        if (await client.FinishAsync(cancellationToken) != 0)
        {
            errors.Add("the browsers' process failed");
        }

        if (hosted && circuitsAtEnd != options.Users)
        {
            errors.Add($"{circuitsAtEnd} circuits open at the end, not {options.Users}");
        }

        if (dropped > 0)
        {
            errors.Add($"{dropped} circuit connections went down while the users browsed");
        }

        var result = client.Result;
        if (result is null)
        {
            errors.Add("the browsers reported nothing");
        }
        else
        {
            errors.AddRange(result.FailedExpectations.Select(f => "expected: " + f));
            errors.AddRange(result.ConsoleErrors.Select(e => "browser console: " + e));
            if (reopened > result.FailedExpectations.Count)
            {
                // A page reloaded after a failure opens a circuit; any other new circuit is one the app lost.
                errors.Add($"{reopened} circuits opened while browsing");
            }
        }

        ServerFigures? server = null;
        if (hosted)
        {
            errors.AddRange(run.App.Log.ErrorsSince(since).Select(e => "server log: " + e));
            server = new ServerFigures(
                run.App.Log.WarningsSince(since),
                before!,
                seen.Count == 0 ? before! : seen.MaxBy(s => s.ResidentBytes)!,
                seen.Count == 0 ? before! : new ServerMemory((long)seen.Average(s => s.ManagedBytes), (long)seen.Average(s => s.ResidentBytes), (long)seen.Average(s => s.PrivateBytes)),
                withCircuits!,
                circuitsAtEnd,
                handled.Length == 0 ? null : Summarise("a message from a browser, handled on the server", handled));
        }

        var interactions = result?.Interactions ?? [];
        var latencies = interactions.GroupBy(i => i.Kind).Select(g => Summarise(g.Key, g.ToList()))
            .OrderBy(l => l.Kind == SignIn ? 0 : 1).ThenByDescending(l => l.Count).ToList();
        var browsing = interactions.Where(i => i.Kind != SignIn).ToList();
        return new LoadTestResult(
            options.Users,
            result?.SecondsBrowsing ?? 0,
            result?.Recorded ?? 0,
            latencies,
            browsing.Count == 0 ? null : Summarise("all interactions after sign-in", browsing),
            errors,
            cpu,
            wallSeconds,
            server,
            options.AppShownAs);
    }

    /// <summary>The server's memory every two seconds while the users browse, without forcing a collection.</summary>
    private static async Task<List<ServerMemory>> SampleAsync(CancellationToken stop)
    {
        var samples = new List<ServerMemory>();
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(2_000, stop);
                samples.Add(ServerMemory.Now());
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }

        return samples;
    }

    private static InteractionLatency Summarise(string kind, double[] sorted) =>
        new(kind, sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99), sorted[^1], Percentile(sorted, 0.95));

    private static InteractionLatency Summarise(string kind, List<Interaction> interactions)
    {
        var page = interactions.Select(i => i.PageMs).Order().ToArray();
        var driver = interactions.Select(i => i.DriverMs).Order().ToArray();
        return new InteractionLatency(kind, page.Length, Percentile(page, 0.50), Percentile(page, 0.95), Percentile(page, 0.99), page[^1], Percentile(driver, 0.95));
    }

    /// <summary>Nearest rank, as the other benchmarks use.</summary>
    private static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    public static string Line(InteractionLatency l)
    {
        ArgumentNullException.ThrowIfNull(l);
        return string.Create(CultureInfo.InvariantCulture, $"{l.Kind,-52} {l.Count,6} {l.P50,8:0} {l.P95,8:0} {l.P99,8:0} {l.Max,8:0} {l.DriverP95,10:0}");
    }
}
