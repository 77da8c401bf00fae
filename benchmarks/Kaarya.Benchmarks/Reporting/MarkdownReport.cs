using System.Globalization;
using System.Text;
using Kaarya.Benchmarks.Generation;
using Kaarya.Benchmarks.Measuring;

namespace Kaarya.Benchmarks.Reporting;

/// <summary>The workspace's use cases measured on one database: which, what it held, how it was filled.</summary>
internal sealed record WorkspaceRun(string Database, DataSizes Data, GenerationReport? Generation, IReadOnlyList<Latency> Latencies)
{
    public bool MeetsTargets => Latencies.All(l => l.MeetsTarget != false);
}

/// <summary>
/// Writes a run's figures into the Markdown report between two markers, leaving the rest of the
/// file (how to rerun, what the figures mean, findings) as people wrote it. A missing file is
/// created with a short header. The SQLite run's tables are written as they always were; a
/// PostgreSQL run, when a server was named, adds its column of rows and its own table of use cases.
/// </summary>
internal sealed class MarkdownReport(BenchmarkOptions options, MachineFacts machine, WorkspaceRun sqlite, WorkspaceRun? postgres)
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

    // The server is named by the variable, never written out: a connection string may hold a password.
    private string Command =>
        "dotnet run -c Release --project benchmarks/Kaarya.Benchmarks --" + string.Create(Invariant,
            $" --participants {options.Participants} --entries {options.LedgerEntries} --iterations {options.Iterations} --seed {options.Seed}")
        + (postgres is null ? string.Empty : " --postgres \"$KAARYA_BENCH_POSTGRES\"");

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
        if (postgres is null)
        {
            AppendLatencies(md, sqlite.Latencies, withServer: false);
            AppendVerdict(md, sqlite.Latencies, onDatabase: string.Empty);
        }
        else
        {
            md.AppendLine(Invariant, $"On **{sqlite.Database}**:");
            md.AppendLine();
            AppendLatencies(md, sqlite.Latencies, withServer: false);
            AppendVerdict(md, sqlite.Latencies, onDatabase: " on SQLite");
            md.AppendLine();
            md.AppendLine(Invariant, $"On **{postgres.Database}**, the same programme generated into a new database and settled with `VACUUM (ANALYZE)`, the app's `PostgresKaaryaDbContext`:");
            md.AppendLine();
            AppendLatencies(md, postgres.Latencies, withServer: true);
            AppendVerdict(md, postgres.Latencies, onDatabase: " on PostgreSQL");
            md.AppendLine();
        }

        md.AppendLine("\"Others' CPU\" is the share of all processors other processes used while a use case was timed: above a few per cent, the figures are slower than on a quiet machine.");
        if (postgres is not null)
        {
            md.AppendLine("On PostgreSQL the server's own processes are not \"others\": their share is the \"server's CPU\" column (\"?\" for a server on another machine), the part of the use case's work done in the database.");
        }

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
        WorkspaceRun[] runs = postgres is null ? [sqlite] : [sqlite, postgres];
        md.AppendLine(postgres is null ? "| data | rows |" : "| data | SQLite rows | PostgreSQL rows |");
        md.AppendLine(postgres is null ? "|---|---:|" : "|---|---:|---:|");
        foreach (var (table, _) in sqlite.Data.Tables)
        {
            var label = table == "AuditEntries" ? "AuditEntries (the views measuring wrote)" : table;
            md.AppendLine(Invariant, $"| {label} | {string.Join(" | ", runs.Select(r => r.Data.RowsOf(table).ToString("N0", Invariant)))} |");
        }

        md.AppendLine(postgres is null
            ? string.Create(Invariant, $"| database file | {Mebibytes(sqlite.Data)} |")
            : string.Create(Invariant, $"| database size (file; `pg_database_size`) | {Mebibytes(sqlite.Data)} | {Mebibytes(postgres.Data)} |"));
        md.AppendLine(Invariant, $"| generation | {string.Join(" | ", runs.Select(Generation))} |");
        md.AppendLine();
    }

    private static string Mebibytes(DataSizes data) => string.Create(Invariant, $"{data.FileBytes / (1024.0 * 1024):N1} MiB");

    private string Generation(WorkspaceRun run) => run.Generation is { } generation
        ? string.Create(Invariant, $"{generation.Elapsed.TotalSeconds:N0} s (seed {options.Seed})") + (generation.Settling is { } settling
            ? string.Create(Invariant, $", then `VACUUM (ANALYZE)` {settling.TotalSeconds:N0} s")
            : string.Empty)
        : "none: an existing database was measured (`--database`)";

    private static void AppendLatencies(StringBuilder md, IReadOnlyList<Latency> latencies, bool withServer)
    {
        md.AppendLine("| use case (server time) | calls | p50 ms | p95 ms | max ms | target p95 | met | others' CPU |" + (withServer ? " server's CPU |" : string.Empty));
        md.AppendLine("|---|---:|---:|---:|---:|---|---|---:|" + (withServer ? "---:|" : string.Empty));
        foreach (var l in latencies)
        {
            var target = l.TargetP95 is { } t ? string.Create(Invariant, $"< {t:0} ms") : "–";
            var met = l.MeetsTarget switch { true => "yes", false => "**no**", null => "–" };
            var others = Share(l.OthersCpu);
            var server = withServer ? $" {Share(l.ServerCpu)} |" : string.Empty;
            md.AppendLine(Invariant, $"| {l.UseCase.Replace("  ", "&nbsp;&nbsp;", StringComparison.Ordinal)} | {l.Calls} | {l.P50:0.0} | {l.P95:0.0} | {l.Max:0.0} | {target} | {met} | {others} |{server}");
        }

        md.AppendLine();
    }

    private static string Share(double? share) => share is { } s ? string.Create(Invariant, $"{s:0%}") : "?";

    private static string Targets => string.Create(Invariant,
        $"Targets (p95 under {UseCaseBenchmarks.PageTargetMs:0} ms for the grid and the business page, under {UseCaseBenchmarks.DashboardTargetMs:0} ms for the dashboard, issue 4; the chain re-walked in under {UseCaseBenchmarks.ChainTargetMs / 1000:0} s, issue 7)");

    private static void AppendVerdict(StringBuilder md, IReadOnlyList<Latency> latencies, string onDatabase)
    {
        var targeted = latencies.Where(l => l.MeetsTarget is not null).ToList();
        var missed = targeted.Where(l => l.MeetsTarget == false).Select(l => l.UseCase).ToList();
        md.AppendLine(missed.Count == 0
            ? string.Create(Invariant, $"{Targets}{onDatabase}: **met** by all {targeted.Count} measured use cases.")
            : $"{Targets}{onDatabase}: **missed** by {string.Join("; ", missed)}.");
    }
}
