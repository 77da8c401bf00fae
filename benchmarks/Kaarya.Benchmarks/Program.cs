using System.Diagnostics;
using System.Globalization;
using Kaarya.Benchmarks;
using Kaarya.Benchmarks.Generation;
using Kaarya.Benchmarks.Measuring;
using Kaarya.Benchmarks.Reporting;

// Generates a synthetic programme the size issue 4 names, measures the server time of the
// staff workspace's use cases on it, and writes the figures into docs/benchmarks.md.
// "workbook-child DB WRITER": one measured export in a process of its own (see WorkbookBenchmark).
if (args.Length == 3 && args[0] == WorkbookBenchmark.ChildCommand)
{
    return await WorkbookBenchmark.ChildMainAsync(args[1..], CancellationToken.None);
}

// "circuits [options]" and "load [options]": issue 7's benchmarks with real browsers; the
// browsers run in a child process, "browser-users PLAN" (see LiveBenchmarks and BrowserUsers).
if (args.Length == 2 && args[0] == BrowserUsers.ChildCommand)
{
    return await BrowserUsers.ChildMainAsync(args[1]);
}

if (LiveBenchmarks.Handles(args))
{
    return await LiveBenchmarks.RunAsync(args, RepositoryRoot(), CancellationToken.None);
}

// "workbook [options]": issue 5's workbook benchmark instead of issue 4's use cases.
var workbookMode = args.Length > 0 && args[0] == "workbook";
BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(workbookMode ? args[1..] : args, RepositoryRoot());
    if (workbookMode && !args.Contains("--entries"))
    {
        options = options with { LedgerEntries = 100_000 };
    }
}
catch (ArgumentException problem)
{
    await Console.Error.WriteLineAsync(problem.Message);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var run = Stopwatch.StartNew();
void Progress(string message) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{run.Elapsed:mm\\:ss}] {message}"));

await using var database = await BenchmarkDatabase.OpenAsync(options.DatabasePath, cancel.Token);
GenerationReport? generation = null;
if (database.Existed)
{
    Progress($"measuring the existing database {database.Path} as it is");
}
else
{
    Progress($"generating {options.Participants:N0} participants and {options.LedgerEntries:N0} ledger entries into {database.Path}");
    generation = await SyntheticProgramme.GenerateAsync(database, options, Progress, cancel.Token);
    Progress($"generated {generation.LedgerEntries:N0} ledger entries and their programme in {generation.Elapsed.TotalSeconds:N0} s");
}

var machine = await MachineFacts.CollectAsync(database, cancel.Token);
if (workbookMode)
{
    Progress($"calibration: SHA-256 of 64 MiB in {machine.CalibrationMs:0} ms");
    var runs = await WorkbookBenchmark.RunAsync(database.Path, Progress, cancel.Token);
    var command = string.Create(CultureInfo.InvariantCulture,
        $"dotnet run -c Release --project benchmarks/Kaarya.Benchmarks -- workbook --participants {options.Participants} --entries {options.LedgerEntries} --seed {options.Seed}");
    var facts = string.Create(CultureInfo.InvariantCulture,
        $"{machine.Processors} processors, {machine.Runtime}, {machine.GarbageCollector}, calibration {machine.CalibrationMs:0} ms, load before {machine.LoadBefore}, after {MachineFacts.LoadAverage()}");
    var met = await WorkbookBenchmark.WriteReportAsync(options.OutputPath, command, facts, runs, cancel.Token);
    Console.WriteLine($"Figures written to {options.OutputPath}");
    return met ? 0 : 1;
}

Progress($"calibration: SHA-256 of 64 MiB in {machine.CalibrationMs:0} ms");
var latencies = await new UseCaseBenchmarks(database, options, Progress).RunAsync(cancel.Token);
var report = new MarkdownReport(
    options,
    machine with { LoadAfter = MachineFacts.LoadAverage() },
    await DataSizes.CountAsync(database, cancel.Token),
    generation,
    latencies);
await report.WriteAsync(cancel.Token);

Console.WriteLine();
Console.WriteLine($"{"use case",-56} {"p50 ms",8} {"p95 ms",8} {"max ms",8} {"others",7}  target");
foreach (var l in latencies)
{
    var verdict = l.MeetsTarget switch { true => $"< {l.TargetP95} ms: met", false => $"< {l.TargetP95} ms: MISSED", null => string.Empty };
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{l.UseCase,-56} {l.P50,8:0.0} {l.P95,8:0.0} {l.Max,8:0.0} {l.OthersCpu,7:0%}  {verdict}"));
}

Console.WriteLine($"Figures written to {options.OutputPath}");
return latencies.Any(l => l.MeetsTarget == false) ? 1 : 0;

// The folder holding Kaarya.sln, so that the default report lands in the repository's docs/.
static string RepositoryRoot()
{
    foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Kaarya.sln")))
            {
                return folder.FullName;
            }
        }
    }

    return Environment.CurrentDirectory;
}
