using System.Diagnostics;
using System.Globalization;

namespace Kaarya.Benchmarks.Measuring;

/// <summary>
/// How much of the processors other processes used while a use case was being timed. On a
/// shared 2-core machine a build next door stretches every figure; this says whether one ran.
/// Read from /proc/stat, so on Linux only. On PostgreSQL, the database server's processes are
/// counted apart (<see cref="DatabaseServerCpu"/>): their work is the use case's, not others'.
/// </summary>
internal sealed class CpuContention
{
    private readonly DatabaseServerCpu? _server;
    private readonly double _serverSeconds;

    /// <summary>The unit of /proc/stat (USER_HZ), 100 on every Linux the app runs on.</summary>
    private const double TicksPerSecond = 100;

    private const string Stat = "/proc/stat";

    private readonly long? _busyTicks = BusyTicks();
    private readonly TimeSpan _ownCpu = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly long _started = Stopwatch.GetTimestamp();

    private CpuContention(DatabaseServerCpu? server)
    {
        _server = server;
        _serverSeconds = server?.Seconds() ?? 0;
    }

    public static CpuContention Start(DatabaseServerCpu? server = null) => new(server);

    /// <summary>
    /// Other processes' share of all processors' time since <see cref="Start"/>, from 0 to 1: neither
    /// this process nor the database server it was started with.
    /// </summary>
    public double? OthersShare()
    {
        var busy = BusyTicks();
        if (_busyTicks is null || busy is null)
        {
            return null;
        }

        var elapsed = Stopwatch.GetElapsedTime(_started).TotalSeconds;
        var own = (Process.GetCurrentProcess().TotalProcessorTime - _ownCpu).TotalSeconds;
        var server = _server is null ? 0 : _server.Seconds() - _serverSeconds;
        var others = ((busy.Value - _busyTicks.Value) / TicksPerSecond) - own - server;
        return elapsed <= 0 ? null : Math.Clamp(others / (elapsed * Environment.ProcessorCount), 0, 1);
    }

    /// <summary>The database server's share of all processors' time since <see cref="Start"/>; null without one.</summary>
    public double? ServerShare()
    {
        var elapsed = Stopwatch.GetElapsedTime(_started).TotalSeconds;
        return _server is null || elapsed <= 0
            ? null
            : Math.Clamp((_server.Seconds() - _serverSeconds) / (elapsed * Environment.ProcessorCount), 0, 1);
    }

    /// <summary>All processors' busy time: user, nice, system, irq, softirq and steal; not idle or iowait.</summary>
    private static long? BusyTicks()
    {
        if (!File.Exists(Stat))
        {
            return null;
        }

        using var reader = new StreamReader(Stat);
        var fields = reader.ReadLine()?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields is not { Length: > 8 } || fields[0] != "cpu")
        {
            return null;
        }

        long Field(int i) => long.Parse(fields[i], CultureInfo.InvariantCulture);
        return Field(1) + Field(2) + Field(3) + Field(6) + Field(7) + Field(8);
    }
}
