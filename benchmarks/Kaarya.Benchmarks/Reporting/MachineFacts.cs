using System.Diagnostics;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Benchmarks.Reporting;

/// <summary>What the figures were measured on: without these, a number means little. Collected before measuring.</summary>
internal sealed record MachineFacts(
    DateTimeOffset MeasuredAt,
    int Processors,
    string Processor,
    double MemoryGiB,
    string OperatingSystem,
    string Runtime,
    string EntityFramework,
    string Sqlite,
    string Build,
    string GarbageCollector,
    string LoadBefore,
    string LoadAfter,
    double CalibrationMs)
{
    /// <summary>
    /// A fixed piece of CPU work (SHA-256 of 64 MiB), timed, the fastest of three. This machine
    /// is a virtual one whose speed varies with its host even when nothing else runs in it; two
    /// runs' figures compare only as far as their calibrations do.
    /// </summary>
    public static double Calibrate()
    {
        var block = new byte[1024 * 1024];
        var fastest = double.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < 64; i++)
            {
                block[0] = SHA256.HashData(block)[0];
            }

            fastest = Math.Min(fastest, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return fastest;
    }

    /// <summary>
    /// The 1, 5 and 15 minute load averages. On a shared 2-core machine other work (a build)
    /// slows the figures down; the load says whether it did.
    /// </summary>
    public static string LoadAverage()
    {
        const string loadAvg = "/proc/loadavg";
        return File.Exists(loadAvg) ? string.Join(' ', File.ReadAllText(loadAvg).Split(' ').Take(3)) : "unknown";
    }

    public static async Task<MachineFacts> CollectAsync(BenchmarkDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var db = await database.App.CreateDbContextAsync(cancellationToken);
        var sqlite = await db.Database.SqlQueryRaw<string>("SELECT sqlite_version() AS Value").SingleAsync(cancellationToken);
        return new MachineFacts(
            DateTimeOffset.UtcNow,
            Environment.ProcessorCount,
            await ProcessorNameAsync(cancellationToken),
            GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024),
            RuntimeInformation.OSDescription,
            RuntimeInformation.FrameworkDescription,
            typeof(DbContext).Assembly.GetName().Version?.ToString(3) ?? "?",
            sqlite,
#if DEBUG
            "Debug (figures are not representative: run with -c Release)",
#else
            "Release",
#endif
            GCSettings.IsServerGC ? "server" : "workstation",
            LoadAverage(),
            LoadAfter: string.Empty,
            Calibrate());
    }

    private static async Task<string> ProcessorNameAsync(CancellationToken cancellationToken)
    {
        const string cpuInfo = "/proc/cpuinfo";
        if (!File.Exists(cpuInfo))
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }

        var model = (await File.ReadAllLinesAsync(cpuInfo, cancellationToken))
            .FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return model is null ? RuntimeInformation.ProcessArchitecture.ToString() : model[(model.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
}
