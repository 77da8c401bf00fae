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

    /// <summary>
    /// Load only: an app already running elsewhere, which the users browse instead of one hosted in
    /// this process. Nothing is generated and no account is created; its server is not measured.
    /// </summary>
    public Uri? Url { get; init; }

    /// <summary>With <see cref="Url"/>: the password of the accounts <c>load.staff01…</c> made there beforehand. Never reported.</summary>
    public string? Password { get; init; }

    /// <summary>The environment variable that may hold <see cref="Password"/>, so that it stays out of the shell's history.</summary>
    public const string PasswordVariable = "KAARYA_LOAD_PASSWORD";

    /// <summary>What the report says of <see cref="Url"/>: its scheme and host, nothing more.</summary>
    public string? AppShownAs => Url is null ? null : $"{Url.Scheme}://{Url.Host}";

    /// <summary>What the console says of <see cref="Url"/>, for the operator: scheme, host and port.</summary>
    public string? AppAddress => Url?.GetLeftPart(UriPartial.Authority);

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
          --url URL          load only: browse an app already running at URL (http or https) instead of hosting one;
                             it must hold businesses and the staff accounts load.staff01, load.staff02, … (one per
                             user); nothing is generated and the server's own figures are not measured
          --password P       with --url: those accounts' password (or set KAARYA_LOAD_PASSWORD instead)
        """;

    /// <summary>
    /// The options of <paramref name="command"/> (<c>circuits</c> or <c>load</c>);
    /// <paramref name="environmentPassword"/> is <see cref="PasswordVariable"/>'s value, used when
    /// <c>--password</c> is not given. A wrong or meaningless combination is an <see cref="ArgumentException"/>.
    /// </summary>
    public static LiveOptions Parse(string command, IReadOnlyList<string> args, string repositoryRoot, string? environmentPassword = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new LiveOptions { OutputPath = Path.Combine(repositoryRoot, "docs", "benchmarks.md") };
        var generation = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.\n{Usage}");
            if (name is "--participants" or "--entries" or "--database" or "--malloc-arenas")
            {
                generation.Add(name);
            }

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
                "--url" => options with { Url = AppUrl(value) },
                "--password" => options with { Password = value },
                _ => throw new ArgumentException($"Unknown option {name}.\n{Usage}"),
            };
        }

        if (options.Url is null)
        {
            return options.Password is null
                ? options
                : throw new ArgumentException("--password goes with --url: the app hosted here gets its load.staff accounts from the harness.");
        }

        if (command != "load")
        {
            throw new ArgumentException($"--url works with load only: {command} reads the server's own heap, so it needs the app in this process.");
        }

        if (generation.Count > 0)
        {
            throw new ArgumentException($"{string.Join(", ", generation)} cannot go with --url: the users work on whatever the app at the URL holds, as it was started there, and nothing is generated.");
        }

        var password = string.IsNullOrEmpty(options.Password) ? environmentPassword : options.Password;
        return string.IsNullOrEmpty(password)
            ? throw new ArgumentException($"--url needs the password of the accounts load.staff01…{options.Users:00} made in that app: --password P, or {PasswordVariable} in the environment.")
            : options with { Password = password };
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

    /// <summary>The command that reruns this benchmark, for the report: with <see cref="Url"/>, its scheme and host only, and never the password.</summary>
    public string CommandLine(string command) => Url is not null
        ? string.Create(CultureInfo.InvariantCulture, $"dotnet run -c Release --project benchmarks/Kaarya.Benchmarks -- {command} --url {AppShownAs} --users {Users} --duration {DurationSeconds} --think {ThinkMinMs}-{ThinkMaxMs} --seed {Seed}")
        : string.Create(CultureInfo.InvariantCulture,
            $"dotnet run -c Release --project benchmarks/Kaarya.Benchmarks -- {command} --users {Users}{(command == "load" ? $" --duration {DurationSeconds} --think {ThinkMinMs}-{ThinkMaxMs}" : $" --rounds {Rounds}")} --participants {Participants} --entries {LedgerEntries} --seed {Seed}{(MallocArenas == DeployedMallocArenas ? "" : " --malloc-arenas " + MallocArenas)}");

    /// <summary>
    /// An absolute http or https address of the app's root. The browsers go to the app's own paths
    /// from there, so a path, a query or a fragment would be lost or misleading; a name and password in
    /// the address would be sent to every page and could end up in a report.
    /// </summary>
    private static Uri AppUrl(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"--url takes an absolute http:// or https:// address, not \"{value}\".");
        }

        if (url.UserInfo.Length > 0)
        {
            throw new ArgumentException("--url must not carry a user name or password; give the accounts' password with --password or " + PasswordVariable + ".");
        }

        return url.AbsolutePath == "/" && url.Query.Length == 0 && url.Fragment.Length == 0
            ? url
            : throw new ArgumentException($"--url takes the address where the app's root is served (scheme, host and port), not a path, query or fragment: \"{url.GetLeftPart(UriPartial.Authority)}…\".");
    }

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
