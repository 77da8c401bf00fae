using System.Diagnostics;

namespace Kaarya.Benchmarks.Generation;

/// <summary>How long generating took, and on PostgreSQL the <c>VACUUM (ANALYZE)</c> after it (see <see cref="BenchmarkDatabase.SettleAsync"/>).</summary>
internal sealed record GenerationReport(TimeSpan Elapsed, int LedgerEntries, TimeSpan? Settling = null);

/// <summary>Fills an empty benchmark database with a synthetic programme, the same one for the same seed.</summary>
internal static class SyntheticProgramme
{
    public static async Task<GenerationReport> GenerateAsync(BenchmarkDatabase database, BenchmarkOptions options, Action<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(options);

        // System.Random with a seed gives the same sequence on every run and machine. Record ids
        // are still new time-ordered GUIDs (the domain makes them), so hashes differ between runs.
        var random = new Random(options.Seed);
        var clock = Stopwatch.StartNew();
        var programme = await new ProgrammeGenerator(database.Generator, random, progress).GenerateAsync(options.Participants, cancellationToken);
        var entries = await new LedgerGenerator(database.Generator, random, progress).GenerateAsync(programme, options.LedgerEntries, cancellationToken);
        return new GenerationReport(clock.Elapsed, entries);
    }
}
