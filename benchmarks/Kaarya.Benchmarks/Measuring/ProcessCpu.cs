using System.Globalization;

namespace Kaarya.Benchmarks.Measuring;

/// <summary>
/// CPU time taken by processes, read from /proc: this process (the app), and the browser side
/// (the client process, Playwright's driver and every Chromium process under it), so that a
/// reader can see how much of the two processors the browsers took from the server.
/// </summary>
internal sealed record ProcessCpu(double ServerSeconds, double ChromiumSeconds, double DriverSeconds, double ClientSeconds, double MachineBusySeconds)
{
    /// <summary>The unit of /proc's times (USER_HZ), 100 on every Linux the app runs on.</summary>
    private const double TicksPerSecond = 100;

    public double OthersSeconds => Math.Max(0, MachineBusySeconds - ServerSeconds - ChromiumSeconds - DriverSeconds - ClientSeconds);

    public static ProcessCpu operator -(ProcessCpu after, ProcessCpu before)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(before);
        return new ProcessCpu(
            after.ServerSeconds - before.ServerSeconds,
            after.ChromiumSeconds - before.ChromiumSeconds,
            after.DriverSeconds - before.DriverSeconds,
            after.ClientSeconds - before.ClientSeconds,
            after.MachineBusySeconds - before.MachineBusySeconds);
    }

    public static ProcessCpu Subtract(ProcessCpu after, ProcessCpu before) => after - before;

    /// <summary>
    /// Now: this process's own time, and the time of <paramref name="clientPid"/> and all its
    /// descendants, each counting its reaped children too (a closed Chromium tab's renderer is
    /// counted in the browser process that waited for it).
    /// </summary>
    public static ProcessCpu Read(int? clientPid)
    {
        var processes = AllProcesses();
        var self = Environment.ProcessId;
        double server = processes.TryGetValue(self, out var own) ? own.Own : 0;
        double chromium = 0, driver = 0, client = 0;
        if (clientPid is { } root)
        {
            foreach (var (pid, p) in processes)
            {
                if (!DescendsFrom(pid, root, processes))
                {
                    continue;
                }

                var ticks = p.Own + p.Reaped;
                if (p.Name.Contains("chrom", StringComparison.OrdinalIgnoreCase))
                {
                    chromium += ticks;
                }
                else if (pid == root)
                {
                    client += ticks;
                }
                else
                {
                    driver += ticks;
                }
            }
        }

        return new ProcessCpu(server / TicksPerSecond, chromium / TicksPerSecond, driver / TicksPerSecond, client / TicksPerSecond, MachineBusyTicks() / TicksPerSecond);
    }

    private static bool DescendsFrom(int pid, int root, Dictionary<int, (string Name, int Parent, long Own, long Reaped)> processes)
    {
        for (var at = pid; at > 1 && processes.TryGetValue(at, out var p); at = p.Parent)
        {
            if (at == root)
            {
                return true;
            }
        }

        return false;
    }

    private static Dictionary<int, (string Name, int Parent, long Own, long Reaped)> AllProcesses()
    {
        var result = new Dictionary<int, (string, int, long, long)>();
        if (!Directory.Exists("/proc"))
        {
            return result;
        }

        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                // pid (comm) state ppid ... utime(14) stime(15) cutime(16) cstime(17); comm may hold spaces.
                var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                var open = stat.IndexOf('(', StringComparison.Ordinal);
                var close = stat.LastIndexOf(')');
                var fields = stat[(close + 2)..].Split(' ');
                long Field(int n) => long.Parse(fields[n - 3], CultureInfo.InvariantCulture);
                result[pid] = (stat[(open + 1)..close], (int)Field(4), Field(14) + Field(15), Field(16) + Field(17));
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
        }

        return result;
    }

    /// <summary>All processors' busy time: user, nice, system, irq, softirq and steal.</summary>
    private static long MachineBusyTicks()
    {
        const string stat = "/proc/stat";
        if (!File.Exists(stat))
        {
            return 0;
        }

        var fields = File.ReadLines(stat).First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long Field(int i) => long.Parse(fields[i], CultureInfo.InvariantCulture);
        return Field(1) + Field(2) + Field(3) + Field(6) + Field(7) + Field(8);
    }
}
