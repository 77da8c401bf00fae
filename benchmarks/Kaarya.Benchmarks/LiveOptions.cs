using System.Globalization;

namespace Kaarya.Benchmarks;

/// <summary>The options of the two benchmarks that run the app for real browsers: <c>circuits</c> and <c>load</c>.</summary>
internal sealed record LiveOptions
{
    public int Users { get; init; } = 50;

    /// <summary>How many times the circuit benchmark's users come and go; the rounds after the first are judged (decision 0021).</summary>
    public int Rounds { get; init; } = 3;

    /// <summary>How long the load test's users browse and record, after signing in.</summary>
    public int DurationSeconds { get; init; } = 120;

    public int ThinkMinMs { get; init; } = 1_000;

    public int ThinkMaxMs { get; init; } = 3_000;

    public int Participants { get; init; } = 10_000;

    public int LedgerEntries { get; init; } = 200_000;

    public int Seed { get; init; } = 2013;

    /// <summary>
    /// The C library's allocation arenas in the app's process: <c>2</c>, as README's deployment
    /// sets <c>MALLOC_ARENA_MAX</c>, or <c>default</c> for the library's own choice (decision 0021).
    /// </summary>
    public string MallocArenas { get; init; } = DeployedMallocArenas;

    public const string DeployedMallocArenas = "2";

    public const string DefaultMallocArenas = "default";

    public required string OutputPath { get; init; }

    public string? DatabasePath { get; init; }

    public const string Usage = """
        Usage: dotnet run -c Release --project benchmarks/Kaarya.Benchmarks -- circuits|load [options]
          circuits           server memory per interactive circuit, with the users' circuits open
          load               the users browse and record for the duration; exit code 1 on any error
          --users N          simultaneous users, each with her own browser context and circuit (default 50)
          --rounds N         circuits only: times the users come and go, at least 2; all but the first are judged (default 3)
          --duration S       seconds of browsing and recording, load only (default 120)
          --think MIN-MAX    think time between steps in milliseconds (default 1000-3000)
          --participants N   participants of the synthetic programme (default 10000)
          --entries N        ledger entries of the synthetic programme (default 200000)
          --seed N           seed of the generator and of the users' choices (default 2013)
          --out PATH         Markdown report (default docs/benchmarks.md in the repository)
          --database PATH    keep the generated database here; if it exists, use it as it is
          --malloc-arenas N  MALLOC_ARENA_MAX of the app's process: 2 as README deploys it (default), or "default"
        """;

    public static LiveOptions Parse(IReadOnlyList<string> args, string repositoryRoot)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new LiveOptions { OutputPath = Path.Combine(repositoryRoot, "docs", "benchmarks.md") };
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.\n{Usage}");
            options = name switch
            {
                "--users" => options with { Users = Positive(name, value) },
                "--rounds" => options with { Rounds = Math.Max(2, Positive(name, value)) },
                "--duration" => options with { DurationSeconds = Positive(name, value) },
                "--think" => Think(options, value),
                "--participants" => options with { Participants = Positive(name, value) },
                "--entries" => options with { LedgerEntries = Positive(name, value) },
                "--seed" => options with { Seed = int.Parse(value, CultureInfo.InvariantCulture) },
                "--out" => options with { OutputPath = Path.GetFullPath(value) },
                "--database" => options with { DatabasePath = Path.GetFullPath(value) },
                "--malloc-arenas" => options with { MallocArenas = value == DefaultMallocArenas ? value : Positive(name, value).ToString(CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"Unknown option {name}.\n{Usage}"),
            };
        }

        return options;
    }

    /// <summary>The generator's options for the same programme.</summary>
    public BenchmarkOptions Generation => new()
    {
        Participants = Participants,
        LedgerEntries = LedgerEntries,
        Seed = Seed,
        OutputPath = OutputPath,
        DatabasePath = DatabasePath,
    };

    public string CommandLine(string command) => string.Create(CultureInfo.InvariantCulture,
        $"dotnet run -c Release --project benchmarks/Kaarya.Benchmarks -- {command} --users {Users}{(command == "load" ? $" --duration {DurationSeconds} --think {ThinkMinMs}-{ThinkMaxMs}" : $" --rounds {Rounds}")} --participants {Participants} --entries {LedgerEntries} --seed {Seed}{(MallocArenas == DeployedMallocArenas ? "" : " --malloc-arenas " + MallocArenas)}");

    private static LiveOptions Think(LiveOptions options, string value)
    {
        var parts = value.Split('-');
        return parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var min)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var max) && min <= max
            ? options with { ThinkMinMs = min, ThinkMaxMs = max }
            : throw new ArgumentException($"--think takes MIN-MAX in milliseconds, not \"{value}\".");
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} must be a positive whole number, not \"{value}\".");
}
