using System.Globalization;
using Kaarya.Benchmarks.Generation;
using Kaarya.Benchmarks.Measuring;
using Kaarya.Benchmarks.Reporting;
using Kaarya.Web.Data;

namespace Kaarya.Benchmarks;

/// <summary>
/// What each command of the harness measures, and <c>all</c>, which runs every one in turn. Each
/// writes its own section of the report and says whether its targets were met.
/// </summary>
internal sealed class BenchmarkCommands(BenchmarkOptions options, string repositoryRoot, bool entriesGiven, Action<string> progress)
{
    public const string Workspace = "workspace";
    public const string Workbook = "workbook";
    public const string Postings = "postings";
    public const string ColdStartCommand = "cold-start";
    public const string All = "all";

    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        Workspace, Workbook, Postings, ColdStartCommand, All,
    };

    public async Task<bool> RunAsync(string command, CancellationToken cancellationToken) => command switch
    {
        Workspace => await WorkspaceAsync(postingsAfter: false, cancellationToken),
        Workbook => await WorkbookAsync(cancellationToken),
        Postings => await PostingsAsync(cancellationToken),
        ColdStartCommand => await ColdStartAsync(cancellationToken),
        All => await AllAsync(cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown command."),
    };

    /// <summary>
    /// Every figure: each measurement runs even when one before it missed its target. The
    /// workspace's programme is generated once and kept for the postings and the browser benchmarks.
    /// </summary>
    private async Task<bool> AllAsync(CancellationToken cancellationToken)
    {
        var folder = options.DatabasePath is null ? Path.Combine(Path.GetTempPath(), "kaarya-bench", "all-" + Guid.NewGuid().ToString("N")) : null;
        var shared = options.DatabasePath ?? Path.Combine(folder!, "kaarya-bench.db");
        try
        {
            var kept = new BenchmarkCommands(options with { DatabasePath = shared }, repositoryRoot, entriesGiven, progress);
            var met = await kept.WorkspaceAsync(postingsAfter: true, cancellationToken);
            met &= await ColdStartAsync(cancellationToken);
            met &= await WorkbookAsync(cancellationToken);
            foreach (var live in new[] { "circuits", "load" })
            {
                progress($"{live}: with real browsers, on the workspace's programme");
                string[] arguments =
                [
                    live, "--database", shared, "--out", options.OutputPath,
                    "--participants", Invariant(options.Participants), "--entries", Invariant(options.LedgerEntries), "--seed", Invariant(options.Seed),
                ];
                met &= await LiveBenchmarks.RunAsync(arguments, repositoryRoot, cancellationToken) == 0;
            }

            return met;
        }
        finally
        {
            if (folder is not null && Directory.Exists(folder))
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Issue 4's use cases on the generated programme, on SQLite and, with a PostgreSQL server
    /// named, on the same programme generated into a new PostgreSQL database (dropped afterwards).
    /// With <paramref name="postingsAfter"/> the postings are then measured on the same two
    /// databases, so that each is generated once.
    /// </summary>
    private async Task<bool> WorkspaceAsync(bool postingsAfter, CancellationToken cancellationToken)
    {
        await using var database = await OpenSqliteAsync(options, cancellationToken);
        var generation = await GenerateUnlessKeptAsync(database, options, cancellationToken);
        var machine = await MachineFacts.CollectAsync(database, cancellationToken);
        progress($"calibration: SHA-256 of 64 MiB in {machine.CalibrationMs:0} ms");
        var sqlite = await MeasureWorkspaceAsync(database, $"SQLite {machine.Sqlite}, WAL, one file", generation, cancellationToken);

        await using var postgres = options.Postgres is { } server ? await BenchmarkDatabase.OpenPostgresAsync(server, cancellationToken) : null;
        WorkspaceRun? onPostgres = null;
        if (postgres is not null)
        {
            var generated = await GenerateUnlessKeptAsync(postgres, options, cancellationToken);
            onPostgres = await MeasureWorkspaceAsync(postgres, await postgres.PostgresServerAsync(cancellationToken), generated, cancellationToken);
        }
        else
        {
            progress("workspace: no PostgreSQL server named (--postgres or KAARYA_BENCH_POSTGRES), SQLite only");
        }

        await new MarkdownReport(options, machine with { LoadAfter = MachineFacts.LoadAverage() }, sqlite, onPostgres).WriteAsync(cancellationToken);
        PrintLatencies(sqlite);
        if (onPostgres is not null)
        {
            PrintLatencies(onPostgres);
        }

        var met = sqlite.MeetsTargets && onPostgres?.MeetsTargets != false;
        return postingsAfter ? met & await PostingsAsync(database, machine, postgres, cancellationToken) : met;
    }

    private async Task<WorkspaceRun> MeasureWorkspaceAsync(BenchmarkDatabase database, string described, GenerationReport? generation, CancellationToken cancellationToken)
    {
        progress($"{database.Provider}: measuring the workspace's use cases on {described}");
        var latencies = await new UseCaseBenchmarks(database, options, progress).RunAsync(cancellationToken);
        return new WorkspaceRun(described, await DataSizes.CountAsync(database, cancellationToken), generation, latencies);
    }

    private async Task<bool> PostingsAsync(CancellationToken cancellationToken)
    {
        await using var database = await OpenSqliteAsync(options, cancellationToken);
        await GenerateUnlessKeptAsync(database, options, cancellationToken);
        var machine = await MachineFacts.CollectAsync(database, cancellationToken);
        return await PostingsAsync(database, machine, postgres: null, cancellationToken);
    }

    /// <summary>
    /// Postings on the given SQLite database, then, if a server was named, on PostgreSQL: on
    /// <paramref name="postgres"/> when the workspace's run generated it, else on a database generated alike.
    /// </summary>
    private async Task<bool> PostingsAsync(BenchmarkDatabase sqlite, MachineFacts machine, BenchmarkDatabase? postgres, CancellationToken cancellationToken)
    {
        var runs = new List<PostingRun>
        {
            await new PostingThroughput(sqlite, progress).RunAsync(options.Postings, $"SQLite {machine.Sqlite}, WAL, one file", cancellationToken),
        };
        if (postgres is not null)
        {
            runs.Add(await new PostingThroughput(postgres, progress).RunAsync(options.Postings, await postgres.PostgresServerAsync(cancellationToken), cancellationToken));
        }
        else if (options.Postgres is { } server)
        {
            await using var generated = await BenchmarkDatabase.OpenPostgresAsync(server, cancellationToken);
            await GenerateUnlessKeptAsync(generated, options, cancellationToken);
            runs.Add(await new PostingThroughput(generated, progress).RunAsync(options.Postings, await generated.PostgresServerAsync(cancellationToken), cancellationToken));
        }
        else
        {
            progress("postings: no PostgreSQL server named (--postgres or KAARYA_BENCH_POSTGRES), SQLite only");
        }

        foreach (var r in runs)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Server,-40} {r.PerSecond,8:0} postings/s  p50 {r.P50Ms:0.0} ms  p95 {r.P95Ms:0.0} ms  chain {(r.ChainIntact ? "verifies" : "BROKEN")}"));
        }

        await PostingReport.WriteAsync(options.OutputPath, Command(Postings, withSizes: true), Facts(machine), runs, cancellationToken);
        return runs.All(r => r.MeetsTarget && r.ChainIntact);
    }

    private async Task<bool> ColdStartAsync(CancellationToken cancellationToken)
    {
        var runs = await ColdStart.RunAsync(repositoryRoot, options.Starts, progress, cancellationToken);
        await ColdStartReport.WriteAsync(options.OutputPath, Command(ColdStartCommand, withSizes: false) + string.Create(CultureInfo.InvariantCulture, $" --starts {options.Starts}"),
            string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} processors, calibration {MachineFacts.Calibrate():0} ms, load {MachineFacts.LoadAverage()}"),
            runs, cancellationToken);
        return ColdStartReport.Met(runs);
    }

    /// <summary>Issue 5's workbook, on a programme of its own (100,000 entries unless --entries says otherwise).</summary>
    private async Task<bool> WorkbookAsync(CancellationToken cancellationToken)
    {
        var sized = entriesGiven ? options : options with { LedgerEntries = 100_000 };
        var kept = sized with { DatabasePath = options.DatabasePath is { } path ? Path.ChangeExtension(path, ".workbook.db") : null };
        await using var database = await OpenSqliteAsync(kept, cancellationToken);
        await GenerateUnlessKeptAsync(database, sized, cancellationToken);
        var machine = await MachineFacts.CollectAsync(database, cancellationToken);
        progress($"calibration: SHA-256 of 64 MiB in {machine.CalibrationMs:0} ms");
        var runs = await WorkbookBenchmark.RunAsync(database.Path, progress, cancellationToken);
        var command = string.Create(CultureInfo.InvariantCulture,
            $"dotnet run -c Release --project benchmarks/Kaarya.Benchmarks -- workbook --participants {sized.Participants} --entries {sized.LedgerEntries} --seed {sized.Seed}");
        return await WorkbookBenchmark.WriteReportAsync(options.OutputPath, command, Facts(machine), runs, cancellationToken);
    }

    private static Task<BenchmarkDatabase> OpenSqliteAsync(BenchmarkOptions sized, CancellationToken cancellationToken) =>
        BenchmarkDatabase.OpenAsync(sized.DatabasePath, cancellationToken);

    private async Task<GenerationReport?> GenerateUnlessKeptAsync(BenchmarkDatabase database, BenchmarkOptions sized, CancellationToken cancellationToken)
    {
        if (database.Existed)
        {
            progress($"measuring the existing database {database.Path} as it is");
            return null;
        }

        progress($"{database.Provider}: generating {sized.Participants:N0} participants and {sized.LedgerEntries:N0} ledger entries into {database.Path}");
        var generation = await SyntheticProgramme.GenerateAsync(database, sized, progress, cancellationToken);
        progress($"{database.Provider}: generated {generation.LedgerEntries:N0} ledger entries and their programme in {generation.Elapsed.TotalSeconds:N0} s");
        if (database.Provider != DatabaseProvider.Postgres)
        {
            return generation;
        }

        var settling = System.Diagnostics.Stopwatch.StartNew();
        await database.SettleAsync(cancellationToken);
        progress($"{database.Provider}: VACUUM (ANALYZE) after the bulk load in {settling.Elapsed.TotalSeconds:N0} s");
        return generation with { Settling = settling.Elapsed };
    }

    private string Command(string name, bool withSizes) =>
        "dotnet run -c Release --project benchmarks/Kaarya.Benchmarks -- " + name + (withSizes
            ? string.Create(CultureInfo.InvariantCulture, $" --participants {options.Participants} --entries {options.LedgerEntries} --postings {options.Postings} --seed {options.Seed}")
            : string.Empty);

    private static string Facts(MachineFacts machine) => string.Create(CultureInfo.InvariantCulture,
        $"{machine.Processors} processors, {machine.Runtime}, {machine.GarbageCollector}, calibration {machine.CalibrationMs:0} ms, load before {machine.LoadBefore}, after {MachineFacts.LoadAverage()}");

    private static void PrintLatencies(WorkspaceRun run)
    {
        Console.WriteLine();
        Console.WriteLine(run.Database);
        Console.WriteLine($"{"use case",-56} {"p50 ms",8} {"p95 ms",8} {"max ms",8} {"others",7}  target");
        foreach (var l in run.Latencies)
        {
            var verdict = l.MeetsTarget switch { true => $"< {l.TargetP95} ms: met", false => $"< {l.TargetP95} ms: MISSED", null => string.Empty };
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{l.UseCase,-56} {l.P50,8:0.0} {l.P95,8:0.0} {l.Max,8:0.0} {l.OthersCpu,7:0%}  {verdict}"));
        }
    }
}
