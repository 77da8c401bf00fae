using System.Globalization;
using System.Runtime;

namespace Kaarya.Benchmarks.Measuring;

/// <summary>
/// The memory of this process, which hosts the app: the managed heap after a full blocking,
/// compacting collection, and from /proc/self/status the resident set (VmRSS, what the
/// operating system calls its working set) and its private anonymous part (RssAnon: the heaps,
/// not the mapped program files).
/// </summary>
internal sealed record ServerMemory(long ManagedBytes, long ResidentBytes, long PrivateBytes)
{
    /// <summary>
    /// Full collections a second apart until two in a row agree (resident set within 1 MiB,
    /// managed heap within 256 KiB; at most 20): the runtime gives memory back to the operating
    /// system lazily, so a single reading right after work overstates what is held.
    /// </summary>
    public static async Task<ServerMemory> SettledAsync()
    {
        var last = AfterFullCollection();
        for (var i = 0; i < 20; i++)
        {
            await Task.Delay(1_000);
            var now = AfterFullCollection();
            var steady = Math.Abs(now.ResidentBytes - last.ResidentBytes) < 1024 * 1024 && Math.Abs(now.ManagedBytes - last.ManagedBytes) < 256 * 1024;
            last = now;
            if (steady)
            {
                break;
            }
        }

        return last;
    }

    /// <summary>What the process holds now, without forcing a collection: for sampling while users work.</summary>
    public static ServerMemory Now() => new(GC.GetTotalMemory(forceFullCollection: false), Status("VmRSS:"), Status("RssAnon:"));

    private static ServerMemory AfterFullCollection()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        return new ServerMemory(managed, Status("VmRSS:"), Status("RssAnon:"));
    }

    /// <summary>A "kB" line of /proc/self/status, in bytes; 0 where there is no /proc.</summary>
    private static long Status(string field)
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status))
        {
            return 0;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line[field.Length..].Replace("kB", string.Empty, StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture) * 1024;
    }
}
