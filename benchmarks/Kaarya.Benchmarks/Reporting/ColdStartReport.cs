using System.Globalization;
using System.Text;
using Kaarya.Benchmarks.Measuring;

namespace Kaarya.Benchmarks.Reporting;

/// <summary>The "cold-start" section of docs/benchmarks.md.</summary>
internal static class ColdStartReport
{
    public const string Section = "cold-start";

    public static Task WriteAsync(string path, string command, string machine, IReadOnlyList<ColdStartRun> runs, CancellationToken cancellationToken)
    {
        var i = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine(i, $"### Latest cold-start run: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        md.AppendLine();
        md.AppendLine(i, $"`{command}`, {machine}");
        md.AppendLine();
        md.AppendLine("| build | starts | median s | slowest s | each (s) | database after start |");
        md.AppendLine("|---|---:|---:|---:|---|---:|");
        foreach (var build in runs.GroupBy(r => r.Build))
        {
            var seconds = build.Select(r => r.Seconds).Order().ToArray();
            md.AppendLine(i, $"| {build.Key} | {seconds.Length} | {seconds[seconds.Length / 2]:0.00} | {seconds[^1]:0.00} | {string.Join(", ", build.Select(r => r.Seconds.ToString("0.00", i)))} | {build.First().DatabaseBytes / 1024.0:N0} KiB |");
        }

        md.AppendLine();
        var deployed = Deployed(runs);
        md.AppendLine(i, $"Process start to the sign-in page as deployed, slowest of {deployed.Length}: **{deployed.Max():0.00} s** (target under {ColdStart.TargetSeconds:0} s: {(Met(runs) ? "met" : "**missed**")}).");
        return ReportSection.WriteAsync(path, Section, md.ToString(), cancellationToken);
    }

    public static bool Met(IReadOnlyList<ColdStartRun> runs) => Deployed(runs).Max() < ColdStart.TargetSeconds;

    private static double[] Deployed(IReadOnlyList<ColdStartRun> runs) =>
        [.. runs.Where(r => r.Build == ColdStart.ReadyToRun).Select(r => r.Seconds)];
}
