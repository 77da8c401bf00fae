using System.Globalization;
using System.Text;
using Kaarya.Benchmarks.Measuring;

namespace Kaarya.Benchmarks.Reporting;

/// <summary>The "postings" section of docs/benchmarks.md: throughput per provider, one posting per transaction.</summary>
internal static class PostingReport
{
    public const string Section = "postings";

    public static Task WriteAsync(string path, string command, string machine, IReadOnlyList<PostingRun> runs, CancellationToken cancellationToken)
    {
        var i = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine(i, $"### Latest posting run: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        md.AppendLine();
        md.AppendLine(i, $"`{command}`, {machine}");
        md.AppendLine();
        md.AppendLine("| database | ledger before | postings | seconds | postings / s | p50 ms | p95 ms | max ms | chain after | others' CPU | target |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---|");
        foreach (var run in runs)
        {
            var target = run.Provider == Kaarya.Web.Data.DatabaseProvider.Sqlite
                ? string.Create(i, $"≥ {PostingThroughput.TargetPerSecond:0}/s: {(run.MeetsTarget ? "met" : "**missed**")}")
                : "–";
            var others = run.OthersCpu is { } share ? string.Create(i, $"{share:0%}") : "?";
            md.AppendLine(i, $"| {run.Server} | {run.LedgerBefore:N0} | {run.Postings:N0} | {run.Seconds:0.00} | **{run.PerSecond:0}** | {run.P50Ms:0.0} | {run.P95Ms:0.0} | {run.MaxMs:0.0} | {(run.ChainIntact ? "verifies" : "**BROKEN**")} | {others} | {target} |");
        }

        return ReportSection.WriteAsync(path, Section, md.ToString(), cancellationToken);
    }
}
