using System.Diagnostics;
using System.Globalization;
using Kaarya.Benchmarks;
using Kaarya.Benchmarks.Measuring;

// One harness for every figure in docs/benchmarks.md: each command generates what it needs with
// the synthetic generator, measures, and rewrites its own section of the report.
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

var named = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal);
var command = named ? args[0] : BenchmarkCommands.Workspace;
if (!BenchmarkCommands.Names.Contains(command))
{
    await Console.Error.WriteLineAsync($"Unknown command {command}.\n{BenchmarkOptions.Usage}");
    return 2;
}

BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(named ? args[1..] : args, RepositoryRoot());
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

var commands = new BenchmarkCommands(options, RepositoryRoot(), args.Contains("--entries"), Progress);
var met = await commands.RunAsync(command, cancel.Token);
Console.WriteLine($"Figures written to {options.OutputPath}");
return met ? 0 : 1;

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
