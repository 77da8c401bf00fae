using System.Globalization;
using System.Text;
using Kaarya.Benchmarks.Generation;
using Kaarya.Benchmarks.Measuring;

namespace Kaarya.Benchmarks.Reporting;

/// <summary>
/// Writes a run's figures into the Markdown report between two markers, leaving the rest of the
/// file (how to rerun, what the figures mean, findings) as people wrote it. A missing file is
/// created with a short header.
/// </summary>
internal sealed class MarkdownReport(BenchmarkOptions options, MachineFacts machine, DataSizes data, GenerationReport? generation, IReadOnlyList<Latency> latencies)
{
    public const string Start = "<!-- benchmark-results:start: written by benchmarks/Kaarya.Benchmarks, edits here are overwritten -->";
    public const string End = "<!-- benchmark-results:end -->";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public async Task WriteAsync(CancellationToken cancellationToken)
    {
        var existing = File.Exists(options.OutputPath) ? await File.ReadAllTextAsync(options.OutputPath, cancellationToken) : null;
        var start = existing?.IndexOf(Start, StringComparison.Ordinal) ?? -1;
        var end = existing?.IndexOf(End, StringComparison.Ordinal) ?? -1;
        var text = start >= 0 && end > start
            ? string.Concat(existing.AsSpan(0, start), Results(), existing.AsSpan(end + End.Length))
            : $"# Benchmarks\n\nRerun with `{Command}` from the repository root.\n\n{Results()}\n";
        Directory.CreateDirectory(Path.GetDirectoryName(options.OutputPath)!);
        await File.WriteAllTextAsync(options.OutputPath, text, cancellationToken);
    }

    private string Command =>
        "dotnet run -c Release --project benchmarks/Kaarya.Benchmarks --" + string.Create(Invariant,
            $" --participants {options.Participants} --entries {options.LedgerEntries} --iterations {options.Iterations} --seed {options.Seed}");

    private string Results()
    {
        var md = new StringBuilder();
        md.AppendLine(Start);
        md.AppendLine(Invariant, $"## Latest run: {machine.MeasuredAt:yyyy-MM-dd HH:mm} UTC");
        md.AppendLine();
        md.AppendLine(Invariant, $"`{Command}`");
        md.AppendLine();
        AppendMachine(md);
        AppendData(md);
        AppendLatencies(md);
        AppendVerdict(md);
        md.Append(End);
        return md.ToString();
    }

    private void AppendMachine(StringBuilder md)
    {
        md.AppendLine("| machine | |");
        md.AppendLine("|---|---|");
        md.AppendLine(Invariant, $"| processors (`nproc`) | {machine.Processors} |");
        md.AppendLine(Invariant, $"| processor | {machine.Processor} |");
        md.AppendLine(Invariant, $"| memory | {machine.MemoryGiB:0.0} GiB |");
        md.AppendLine(Invariant, $"| operating system | {machine.OperatingSystem} |");
        md.AppendLine(Invariant, $"| .NET | {machine.Runtime} |");
        md.AppendLine(Invariant, $"| EF Core, SQLite | {machine.EntityFramework}, {machine.Sqlite} |");
        md.AppendLine(Invariant, $"| build, GC | {machine.Build}, {machine.GarbageCollector} GC |");
        md.AppendLine(Invariant, $"| calibration: SHA-256 of 64 MiB | {machine.CalibrationMs:0} ms (lower is faster; compare runs by it) |");
        md.AppendLine(Invariant, $"| load average (1, 5, 15 min) | before measuring {machine.LoadBefore}; after {machine.LoadAfter} |");
        md.AppendLine();
    }

    private void AppendData(StringBuilder md)
    {
        md.AppendLine("| data | rows |");
        md.AppendLine("|---|---:|");
        foreach (var (table, rows) in data.Tables)
        {
            var label = table == "AuditEntries" ? "AuditEntries (the views measuring wrote)" : table;
            md.AppendLine(Invariant, $"| {label} | {rows:N0} |");
        }

        md.AppendLine(Invariant, $"| database file | {data.FileBytes / (1024.0 * 1024):N1} MiB |");
        md.AppendLine(generation is null
            ? "| generation | none: an existing database was measured (`--database`) |"
            : string.Create(Invariant, $"| generation | {generation.Elapsed.TotalSeconds:N0} s (seed {options.Seed}) |"));
        md.AppendLine();
    }

    private void AppendLatencies(StringBuilder md)
    {
        md.AppendLine("| use case (server time) | calls | p50 ms | p95 ms | max ms | target p95 | met | others' CPU |");
        md.AppendLine("|---|---:|---:|---:|---:|---|---|---:|");
        foreach (var l in latencies)
        {
            var target = l.TargetP95 is { } t ? string.Create(Invariant, $"< {t:0} ms") : "–";
            var met = l.MeetsTarget switch { true => "yes", false => "**no**", null => "–" };
            var others = l.OthersCpu is { } share ? string.Create(Invariant, $"{share:0%}") : "?";
            md.AppendLine(Invariant, $"| {l.UseCase.Replace("  ", "&nbsp;&nbsp;", StringComparison.Ordinal)} | {l.Calls} | {l.P50:0.0} | {l.P95:0.0} | {l.Max:0.0} | {target} | {met} | {others} |");
        }

        md.AppendLine();
    }

    private static string Targets => string.Create(Invariant,
        $"Targets (p95 under {UseCaseBenchmarks.PageTargetMs:0} ms for the grid and the business page, under {UseCaseBenchmarks.DashboardTargetMs:0} ms for the dashboard, issue 4; the chain re-walked in under {UseCaseBenchmarks.ChainTargetMs / 1000:0} s, issue 7)");

    private void AppendVerdict(StringBuilder md)
    {
        var targeted = latencies.Where(l => l.MeetsTarget is not null).ToList();
        var missed = targeted.Where(l => l.MeetsTarget == false).Select(l => l.UseCase).ToList();
        md.AppendLine(missed.Count == 0
            ? string.Create(Invariant, $"{Targets}: **met** by all {targeted.Count} measured use cases.")
            : $"{Targets}: **missed** by {string.Join("; ", missed)}.");
        md.AppendLine("\"Others' CPU\" is the share of all processors other processes used while a use case was timed: above a few per cent, the figures are slower than on a quiet machine.");
    }
}
