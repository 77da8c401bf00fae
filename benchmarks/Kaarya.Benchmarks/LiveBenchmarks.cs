using System.Diagnostics;
using System.Globalization;
using Kaarya.Benchmarks.Measuring;
using Kaarya.Benchmarks.Reporting;

namespace Kaarya.Benchmarks;

/// <summary>
/// The two benchmarks that run the app for real browsers (issue 7): <c>circuits</c>, memory per
/// interactive circuit, and <c>load</c>, the bounded load test. Each writes its section of the
/// report and returns the process's exit code: 0 met, 1 missed or any error, 2 a wrong option.
/// </summary>
internal static class LiveBenchmarks
{
    public static bool Handles(string[] args) => args.Length > 0 && args[0] is "circuits" or "load";

    public static async Task<int> RunAsync(string[] args, string repositoryRoot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        LiveOptions options;
        try
        {
            options = LiveOptions.Parse(args[0], args[1..], repositoryRoot, Environment.GetEnvironmentVariable(LiveOptions.PasswordVariable));
        }
        catch (ArgumentException problem)
        {
            await Console.Error.WriteLineAsync(problem.Message);
            return 2;
        }

        if (options.Url is null && AppProcess.Restarts(options.MallocArenas))
        {
            return await AppProcess.RestartAsync(args, options.MallocArenas, cancellationToken);
        }

        var clock = Stopwatch.StartNew();
        void Progress(string message) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{clock.Elapsed:mm\\:ss}] {message}"));
        var loadBefore = MachineFacts.LoadAverage();
        var calibration = MachineFacts.Calibrate();
        Progress($"calibration: SHA-256 of 64 MiB in {calibration:0} ms; load {loadBefore}");
        LiveRun run;
        if (options.Url is null)
        {
            run = await LiveRun.StartAsync(options, Progress, cancellationToken);
        }
        else
        {
            var (reached, problems) = await LiveRun.ReachAsync(options, Progress, cancellationToken);
            if (reached is null)
            {
                await Console.Error.WriteLineAsync($"The app at {options.AppAddress} is not ready for {options.Users} users; nothing was measured:");
                foreach (var problem in problems)
                {
                    await Console.Error.WriteLineAsync("  " + problem);
                }

                await Console.Error.WriteLineAsync($"Each user signs in as load.staff01, load.staff02, … with the one password given (--password or {LiveOptions.PasswordVariable}): a programme manager creates those staff accounts in that app first, on a test installation with businesses, never the live programme.");
                return 2;
            }

            run = reached;
        }

        await using var running = run;

        // With the app at a URL, the processors and load average are the browsers' machine's, and this process's GC is not the app's.
        string Machine() => options.Url is null
            ? string.Create(CultureInfo.InvariantCulture,
                $"{Environment.ProcessorCount} processors, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC, {AppProcess.MallocArenasNow()}, calibration {calibration:0} ms, load before {loadBefore}, after {MachineFacts.LoadAverage()}")
            : string.Create(CultureInfo.InvariantCulture,
                $"browsers' machine: {Environment.ProcessorCount} processors, calibration {calibration:0} ms, load before {loadBefore}, after {MachineFacts.LoadAverage()}; app at {options.AppShownAs}");

        if (args[0] == "circuits")
        {
            var memory = await CircuitMemory.RunAsync(run, options, Progress, cancellationToken);
            await LiveReport.WriteCircuitsAsync(options.OutputPath, options.CommandLine("circuits"), Machine(), memory, cancellationToken);
            Console.WriteLine();
            foreach (var (figures, round) in memory.Rounds.Select((r, i) => (r, i + 1)))
            {
                Console.WriteLine($"round {round}, per circuit on the grid:     {CircuitMemory.Describe(figures.PerCircuitOnGrid)}");
                Console.WriteLine($"round {round}, per circuit on a business:   {CircuitMemory.Describe(figures.PerCircuitOnBusiness)}");
            }

            Console.WriteLine($"in service, per circuit on the grid:     {CircuitMemory.Describe(memory.InServiceOnGrid)}");
            Console.WriteLine($"in service, per circuit on a business:   {CircuitMemory.Describe(memory.InServiceOnBusiness)}");

            foreach (var problem in memory.Problems)
            {
                Console.WriteLine("problem: " + problem);
            }

            Console.WriteLine($"{(memory.Met ? "Target met" : "Target MISSED")}; figures written to {options.OutputPath}");
            return memory.Met ? 0 : 1;
        }

        var load = await LoadTest.RunAsync(run, options, Progress, cancellationToken);
        await LiveReport.WriteLoadAsync(options.OutputPath, options.CommandLine("load"), Machine(), load, cancellationToken);
        Console.WriteLine();
        Console.WriteLine($"{"interaction (ms in the browser)",-52} {"count",6} {"p50",8} {"p95",8} {"p99",8} {"max",8} {"driver p95",10}");
        foreach (var latency in load.Latencies.Append(load.Overall).OfType<InteractionLatency>())
        {
            Console.WriteLine(LoadTest.Line(latency));
        }

        Console.WriteLine(load.Server is null
            ? string.Create(CultureInfo.InvariantCulture,
                $"CPU s: app not measured (it ran at {load.RemoteApp}), Chromium {load.Cpu.ChromiumSeconds:0.0}, driver {load.Cpu.DriverSeconds:0.0}, client {load.Cpu.ClientSeconds:0.0}, others {load.Cpu.OthersSeconds + load.Cpu.ServerSeconds:0.0} over {load.WallSeconds:0} s")
            : string.Create(CultureInfo.InvariantCulture,
                $"CPU s: app {load.Cpu.ServerSeconds:0.0}, Chromium {load.Cpu.ChromiumSeconds:0.0}, driver {load.Cpu.DriverSeconds:0.0}, client {load.Cpu.ClientSeconds:0.0}, others {load.Cpu.OthersSeconds:0.0} over {load.WallSeconds:0} s"));
        if (load.Server?.Handling is { } server)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"server: {server.Count} messages from browsers handled in p50 {server.P50:0.0} ms, p95 {server.P95:0.0} ms, p99 {server.P99:0.0} ms, max {server.Max:0} ms"));
        }

        foreach (var error in load.Errors.Take(30))
        {
            Console.WriteLine("error: " + error);
        }

        Console.WriteLine($"{load.Errors.Count} errors; {(load.Passed ? "passed" : "FAILED")}; figures written to {options.OutputPath}");
        return load.Passed ? 0 : 1;
    }
}
