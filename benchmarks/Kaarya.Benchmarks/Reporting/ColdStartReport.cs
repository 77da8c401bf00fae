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
        var seconds = runs.Select(r => r.Seconds).Order().ToArray();
        var median = seconds[seconds.Length / 2];
        var slowest = seconds[^1];
        var md = new StringBuilder();
        md.AppendLine(i, $"### Latest cold-start run: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        md.AppendLine();
        md.AppendLine(i, $"`{command}`, {machine}");
        md.AppendLine();
        md.AppendLine("| starts | median s | slowest s | each (s) | empty database after start |");
        md.AppendLine("|---:|---:|---:|---|---:|");
        md.AppendLine(i, $"| {runs.Count} | {median:0.00} | {slowest:0.00} | {string.Join(", ", runs.Select(r => r.Seconds.ToString("0.00", i)))} | {runs[0].DatabaseBytes / 1024.0:N0} KiB |");
        md.AppendLine();
        md.AppendLine(i, $"Process start to the sign-in page, slowest of {runs.Count}: **{slowest:0.00} s** (target under {ColdStart.TargetSeconds:0} s: {(slowest < ColdStart.TargetSeconds ? "met" : "**missed**")}).");
        return ReportSection.WriteAsync(path, Section, md.ToString(), cancellationToken);
    }

    public static bool Met(IReadOnlyList<ColdStartRun> runs) => runs.Max(r => r.Seconds) < ColdStart.TargetSeconds;
}
