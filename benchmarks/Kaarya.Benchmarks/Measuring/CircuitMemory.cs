using System.Globalization;
using Kaarya.Benchmarks.Reporting;

namespace Kaarya.Benchmarks.Measuring;

/// <summary>The server's memory with no circuit and with the users' circuits open on two pages.</summary>
internal sealed record CircuitMemoryResult(
    int Users,
    ServerMemory Without,
    ServerMemory OnGrid,
    int CircuitsOnGrid,
    ServerMemory OnBusiness,
    int CircuitsOnBusiness,
    ServerMemory AfterClosing,
    int CircuitsAfterClosing,
    IReadOnlyList<string> Problems)
{
    /// <summary>Issue 7's target: under 1 MB of server memory per interactive circuit.</summary>
    public const double TargetBytesPerCircuit = 1024 * 1024;

    public ServerMemory PerCircuitOnGrid => PerCircuit(OnGrid);

    public ServerMemory PerCircuitOnBusiness => PerCircuit(OnBusiness);

    /// <summary>Met when both pages' managed heap and private memory per circuit are under the target.</summary>
    public bool Met =>
        Problems.Count == 0
        && new[] { PerCircuitOnGrid, PerCircuitOnBusiness }.All(m => m.ManagedBytes < TargetBytesPerCircuit && m.PrivateBytes < TargetBytesPerCircuit);

    private ServerMemory PerCircuit(ServerMemory with) => new(
        (with.ManagedBytes - Without.ManagedBytes) / Users,
        (with.ResidentBytes - Without.ResidentBytes) / Users,
        (with.PrivateBytes - Without.PrivateBytes) / Users);
}

/// <summary>
/// Issue 7: server memory per interactive circuit. The app runs in this process; the users'
/// browsers in a child process (<see cref="BrowserUsers"/>). After a warm-up (one user signs in,
/// opens the grid and a business page, and leaves), the server's memory with no circuit is
/// measured; then the users sign in and open the businesses grid, and it is measured again with
/// their circuits open; then each opens a business page, and again. Per circuit is the
/// difference divided by the number of users.
/// </summary>
internal static class CircuitMemory
{
    public static async Task<CircuitMemoryResult> RunAsync(LiveRun run, LiveOptions options, Action<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        var problems = new List<string>();
        var since = DateTimeOffset.UtcNow;

        await WarmUpAsync(run, options, progress, problems, cancellationToken);
        var without = await ServerMemory.SettledAsync();
        progress($"no circuit: {Describe(without)}");

        using var client = ClientProcess.Start(run.Plan(options, BrowserUsersPlan.Hold, options.Users), progress);
        Expect(await client.WaitForAsync("grid", cancellationToken), "the browsers ended before opening the grid", problems);
        Expect(await run.App.WaitForCircuitsAsync(options.Users, TimeSpan.FromSeconds(30)), $"{run.App.Circuits.Open} circuits open, not {options.Users}", problems);
        var circuitsOnGrid = run.App.Circuits.Open;
        var onGrid = await ServerMemory.SettledAsync();
        progress($"{circuitsOnGrid} circuits on the businesses grid: {Describe(onGrid)}");
        await HoldForDiagnosisAsync(progress);

        await client.ContinueAsync();
        Expect(await client.WaitForAsync("business", cancellationToken), "the browsers ended before opening a business", problems);
        var circuitsOnBusiness = run.App.Circuits.Open;
        var onBusiness = await ServerMemory.SettledAsync();
        progress($"{circuitsOnBusiness} circuits on a business page: {Describe(onBusiness)}");
        await HoldForDiagnosisAsync(progress);

        await client.ContinueAsync();
        Expect(await client.FinishAsync(cancellationToken) == 0, "the browsers' process failed", problems);
        // Not a problem if a few stay: a circuit whose tab closed without a word is kept for 3 minutes, as the app is configured.
        await run.App.WaitForCircuitsAsync(0, TimeSpan.FromSeconds(30));
        var after = await ServerMemory.SettledAsync();
        progress($"{run.App.Circuits.Open} circuits after the users left: {Describe(after)}");

        if (client.Result is { } seen)
        {
            problems.AddRange(seen.FailedExpectations.Select(f => "expected: " + f));
            problems.AddRange(seen.ConsoleErrors.Select(e => "browser console: " + e));
        }

        problems.AddRange(run.App.Log.ErrorsSince(since).Select(e => "server log: " + e));
        return new CircuitMemoryResult(options.Users, without, onGrid, circuitsOnGrid, onBusiness, circuitsOnBusiness, after, run.App.Circuits.Open, problems);
    }

    /// <summary>One user signs in, opens the grid and a business page, and leaves: the app's code is loaded and compiled, its caches filled.</summary>
    public static async Task WarmUpAsync(LiveRun run, LiveOptions options, Action<string> progress, List<string> problems, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(problems);
        using var warmUp = ClientProcess.Start(run.Plan(options, BrowserUsersPlan.Hold, 1), progress);
        Expect(await warmUp.WaitForAsync("grid", cancellationToken), "the warm-up ended before the grid", problems);
        await warmUp.ContinueAsync();
        Expect(await warmUp.WaitForAsync("business", cancellationToken), "the warm-up ended before a business", problems);
        await warmUp.ContinueAsync();
        Expect(await warmUp.FinishAsync(cancellationToken) == 0, "the warm-up's browser process failed", problems);
        Expect(await run.App.WaitForCircuitsAsync(0, TimeSpan.FromSeconds(30)), $"{run.App.Circuits.Open} circuits still open after the warm-up", problems);
        if (warmUp.Result is { } seen)
        {
            problems.AddRange(seen.FailedExpectations.Select(f => "warm-up expected: " + f));
        }
    }

    /// <summary>
    /// With KAARYA_BENCH_HOLD_SECONDS set, waits that long with the circuits open, so that the heap
    /// can be looked at from outside (dotnet-gcdump collect -p PID); figures taken meanwhile are not touched.
    /// </summary>
    private static async Task HoldForDiagnosisAsync(Action<string> progress)
    {
        if (int.TryParse(Environment.GetEnvironmentVariable("KAARYA_BENCH_HOLD_SECONDS"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
        {
            progress($"holding {seconds} s for a look at the heap: process {Environment.ProcessId}");
            await Task.Delay(TimeSpan.FromSeconds(seconds));
        }
    }

    public static string Describe(ServerMemory memory)
    {
        ArgumentNullException.ThrowIfNull(memory);
        return string.Create(CultureInfo.InvariantCulture,
            $"managed heap {LiveReport.MiB(memory.ManagedBytes)} MiB, resident {LiveReport.MiB(memory.ResidentBytes)} MiB, private {LiveReport.MiB(memory.PrivateBytes)} MiB");
    }

    private static void Expect(bool condition, string problem, List<string> problems)
    {
        if (!condition)
        {
            problems.Add(problem);
        }
    }
}
