using System.Globalization;

namespace Kaarya.Benchmarks;

/// <summary>What one run generates and measures, read from the command line.</summary>
internal sealed record BenchmarkOptions
{
    public int Participants { get; init; } = 10_000;

    public int LedgerEntries { get; init; } = 200_000;

    /// <summary>Timed calls per use case, after the warm-up calls.</summary>
    public int Iterations { get; init; } = 200;

    public int Seed { get; init; } = 2013;

    /// <summary>Timed postings per database (postings).</summary>
    public int Postings { get; init; } = 2_000;

    /// <summary>Starts of the published app (cold-start).</summary>
    public int Starts { get; init; } = 5;

    /// <summary>
    /// A PostgreSQL server (a user who may create databases) to measure the workspace's use cases
    /// and the postings on as well, each run in a database made for it and dropped afterwards; from
    /// <c>--postgres</c> or the environment variable <c>KAARYA_BENCH_POSTGRES</c>.
    /// </summary>
    public string? Postgres { get; init; } = Environment.GetEnvironmentVariable("KAARYA_BENCH_POSTGRES") is { Length: > 0 } server ? server : null;

    /// <summary>The Markdown file the figures are written into.</summary>
    public required string OutputPath { get; init; }

    /// <summary>
    /// A database file to keep: generated when missing, measured as it is when present, so that a
    /// change to a query can be measured again without generating the data anew.
    /// </summary>
    public string? DatabasePath { get; init; }

    public const string Usage = """
        Usage: dotnet run -c Release --project benchmarks/Kaarya.Benchmarks -- [command] [options]
        Commands:
          (none)             the staff workspace's use cases and the chain walk (issue 4), on SQLite (and PostgreSQL with --postgres)
          workbook           the ledger workbook against a bare writer (issue 5)
          postings           postings per second, one per transaction, on SQLite (and PostgreSQL with --postgres)
          cold-start         the published app's start on an empty database to its first page
          all                every one of them, in turn, each writing its section of the report
        Options:
          --participants N   participants, one business each (default 10000)
          --entries N        ledger entries, including a few reversals (default 200000; 100000 for workbook)
          --iterations N     timed calls per use case (default 200)
          --postings N       timed postings per database (default 2000)
          --starts N         cold starts (default 5)
          --postgres CONN    a PostgreSQL server for the workspace and the postings (default: $KAARYA_BENCH_POSTGRES; none: SQLite only)
          --seed N           seed of the generator (default 2013)
          --out PATH         Markdown report (default docs/benchmarks.md in the repository)
          --database PATH    keep the generated SQLite database here; if it exists, measure it as it is
        """;

    public static BenchmarkOptions Parse(IReadOnlyList<string> args, string repositoryRoot)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new BenchmarkOptions { OutputPath = Path.Combine(repositoryRoot, "docs", "benchmarks.md") };
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.\n{Usage}");
            options = name switch
            {
                "--participants" => options with { Participants = Positive(name, value) },
                "--entries" => options with { LedgerEntries = Positive(name, value) },
                "--iterations" => options with { Iterations = Positive(name, value) },
                "--postings" => options with { Postings = Positive(name, value) },
                "--starts" => options with { Starts = Positive(name, value) },
                "--postgres" => options with { Postgres = value },
                "--seed" => options with { Seed = int.Parse(value, CultureInfo.InvariantCulture) },
                "--out" => options with { OutputPath = Path.GetFullPath(value) },
                "--database" => options with { DatabasePath = Path.GetFullPath(value) },
                _ => throw new ArgumentException($"Unknown option {name}.\n{Usage}"),
            };
        }

        return options;
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} must be a positive whole number, not \"{value}\".");
}
