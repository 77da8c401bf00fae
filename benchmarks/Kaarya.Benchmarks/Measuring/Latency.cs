using System.Diagnostics;

namespace Kaarya.Benchmarks.Measuring;

/// <summary>
/// How long one use case took, over its timed calls, in milliseconds; with the share of the
/// processors other processes took meanwhile and, on PostgreSQL here, the database server's share.
/// </summary>
internal sealed record Latency(string UseCase, int Calls, double P50, double P95, double Max, double? TargetP95, double? OthersCpu, double? ServerCpu = null)
{
    public bool? MeetsTarget => TargetP95 is { } target ? P95 < target : null;

    /// <summary>
    /// Calls <paramref name="call"/> a few times untimed (JIT, EF's query cache, SQLite's page
    /// cache), then <paramref name="calls"/> times, one at a time, timing each with a Stopwatch.
    /// Also notes how much of the processors other processes took meanwhile, and the database
    /// server's processes (<paramref name="server"/>, when it runs on this machine).
    /// </summary>
    public static async Task<Latency> MeasureAsync(string useCase, int warmUps, int calls, double? targetP95, Func<Task> call, DatabaseServerCpu? server = null)
    {
        ArgumentNullException.ThrowIfNull(call);
        for (var i = 0; i < warmUps; i++)
        {
            await call();
        }

        var times = new double[calls];
        var contention = CpuContention.Start(server);
        for (var i = 0; i < calls; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await call();
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(times);
        return new Latency(useCase, calls, Percentile(times, 0.50), Percentile(times, 0.95), times[^1], targetP95, contention.OthersShare(), contention.ServerShare());
    }

    /// <summary>Nearest rank: the smallest time that at least <paramref name="p"/> of the calls did not exceed.</summary>
    internal static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
