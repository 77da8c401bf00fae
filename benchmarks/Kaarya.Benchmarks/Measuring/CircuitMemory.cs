using System.Globalization;
using Kaarya.Benchmarks.Reporting;

namespace Kaarya.Benchmarks.Measuring;

/// <summary>
/// One round of the circuit benchmark: the server's memory before the users come, with their
/// circuits open on the businesses grid, then on a business page, and after they have left.
/// </summary>
internal sealed record CircuitRound(
    int Users,
    ServerMemory Before,
    ServerMemory OnGrid,
    int CircuitsOnGrid,
    ServerMemory OnBusiness,
    int CircuitsOnBusiness,
    ServerMemory After,
    int CircuitsAfter)
{
    public ServerMemory PerCircuitOnGrid => PerCircuit(OnGrid);

    public ServerMemory PerCircuitOnBusiness => PerCircuit(OnBusiness);

    /// <summary>Memory the process kept after every circuit of the round had closed, per user.</summary>
    public ServerMemory KeptPerUser => PerCircuit(After);

    private ServerMemory PerCircuit(ServerMemory with) => new(
        (with.ManagedBytes - Before.ManagedBytes) / Users,
        (with.ResidentBytes - Before.ResidentBytes) / Users,
        (with.PrivateBytes - Before.PrivateBytes) / Users);
}

/// <summary>
/// The circuit benchmark's rounds. The first is the first crowd a started process serves: its
/// private memory grows by what the process keeps once it has served that many people at once
/// (decision 0021). The later rounds, the same users again, are the server in service: what each
/// further circuit costs. One round's private figure moves with what the round before left
/// behind, so the target is judged on the mean of the rounds in service.
/// </summary>
internal sealed record CircuitMemoryResult(IReadOnlyList<CircuitRound> Rounds, IReadOnlyList<string> Problems)
{
    /// <summary>Issue 7's target: under 1 MB of server memory per interactive circuit.</summary>
    public const double TargetBytesPerCircuit = 1024 * 1024;

    /// <summary>Every round after the first.</summary>
    public IReadOnlyList<CircuitRound> InService => Rounds.Skip(1).ToList();

    public ServerMemory InServiceOnGrid => Mean(InService.Select(r => r.PerCircuitOnGrid));

    public ServerMemory InServiceOnBusiness => Mean(InService.Select(r => r.PerCircuitOnBusiness));

    /// <summary>Met when, in service, both pages' managed heap and private memory per circuit are under the target.</summary>
    public bool Met =>
        Problems.Count == 0
        && new[] { InServiceOnGrid, InServiceOnBusiness }.All(m => m.ManagedBytes < TargetBytesPerCircuit && m.PrivateBytes < TargetBytesPerCircuit);

    private static ServerMemory Mean(IEnumerable<ServerMemory> figures)
    {
        var all = figures.ToList();
        return new ServerMemory(
            (long)all.Average(m => m.ManagedBytes),
            (long)all.Average(m => m.ResidentBytes),
            (long)all.Average(m => m.PrivateBytes));
    }
}

/// <summary>
/// Issue 7: server memory per interactive circuit. The app runs in this process; the users'
/// browsers in a child process (<see cref="BrowserUsers"/>). After a warm-up (one user signs in,
/// opens the grid and a business page, and leaves), the server's memory with no circuit is
/// measured; then the users sign in and open the businesses grid, and it is measured again with
/// their circuits open; then each opens a business page, and again; then they leave, and it is
/// measured once more. The same users then do it all again, for as many rounds as asked. Per
/// circuit is the difference from the round's start divided by the number of users.
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
        var before = await ServerMemory.SettledAsync();
        progress($"no circuit: {Describe(before)}");

        var rounds = new List<CircuitRound>();
        for (var round = 1; round <= options.Rounds; round++)
        {
            rounds.Add(await RoundAsync($"round {round}", rounds.Count == 0 ? before : rounds[^1].After, run, options, progress, problems, cancellationToken));
        }

        problems.AddRange(run.App.Log.ErrorsSince(since).Select(e => "server log: " + e));
        return new CircuitMemoryResult(rounds, problems);
    }

    private static async Task<CircuitRound> RoundAsync(string round, ServerMemory before, LiveRun run, LiveOptions options, Action<string> progress, List<string> problems, CancellationToken cancellationToken)
    {
        using var client = ClientProcess.Start(run.Plan(options, BrowserUsersPlan.Hold, options.Users), progress);
        Expect(await client.WaitForAsync("grid", cancellationToken), $"{round}: the browsers ended before opening the grid", problems);
        Expect(await run.App.WaitForCircuitsAsync(options.Users, TimeSpan.FromSeconds(30)), $"{round}: {run.App.Circuits.Open} circuits open, not {options.Users}", problems);
        var circuitsOnGrid = run.App.Circuits.Open;
        var onGrid = await ServerMemory.SettledAsync();
        progress($"{round}, {circuitsOnGrid} circuits on the businesses grid: {Describe(onGrid)}");
        await HoldForDiagnosisAsync(progress);

        await client.ContinueAsync();
        Expect(await client.WaitForAsync("business", cancellationToken), $"{round}: the browsers ended before opening a business", problems);
        var circuitsOnBusiness = run.App.Circuits.Open;
        var onBusiness = await ServerMemory.SettledAsync();
        progress($"{round}, {circuitsOnBusiness} circuits on a business page: {Describe(onBusiness)}");
        await HoldForDiagnosisAsync(progress);

        await client.ContinueAsync();
        Expect(await client.FinishAsync(cancellationToken) == 0, $"{round}: the browsers' process failed", problems);
        // A circuit whose tab closed without a word is kept for 3 minutes, as the app is configured:
        // wait that long for the last ones, so that the next round starts with none open.
        await run.App.WaitForCircuitsAsync(0, TimeSpan.FromSeconds(200));
        var after = await ServerMemory.SettledAsync();
        progress($"{round}, {run.App.Circuits.Open} circuits after the users left: {Describe(after)}");

        if (client.Result is { } seen)
        {
            problems.AddRange(seen.FailedExpectations.Select(f => $"{round}: expected: {f}"));
            problems.AddRange(seen.ConsoleErrors.Select(e => $"{round}: browser console: {e}"));
        }

        return new CircuitRound(options.Users, before, onGrid, circuitsOnGrid, onBusiness, circuitsOnBusiness, after, run.App.Circuits.Open);
    }

    /// <summary>
    /// One user signs in, opens the grid and a business page, and leaves: the app's code is loaded and
    /// compiled, its caches filled. An app hosted here then holds no circuit; one at a URL cannot be asked.
    /// </summary>
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
        if (run.Hosted)
        {
            Expect(await run.App.WaitForCircuitsAsync(0, TimeSpan.FromSeconds(30)), $"{run.App.Circuits.Open} circuits still open after the warm-up", problems);
        }

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
