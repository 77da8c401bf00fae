using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Kaarya.Domain.Funding;
using Kaarya.Tests.Data;
using Kaarya.Tests.Domain;
using Kaarya.Web.Auditing;
using Kaarya.Web.Data;
using Kaarya.Web.Data.Seed;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kaarya.Tests.Faults;

/// <summary>
/// The posting process killed outright (SIGKILL, no chance to tidy up) in the middle of a burst
/// of postings, then the app started again on the same database: the chain verifies, the
/// sequence numbers have no gap, every posting it acknowledged is there with the hash it
/// acknowledged, and no posting is half-stored (an entry without its approved request or its
/// audit row, or the reverse). Several rounds, each killed at a random moment. The process is
/// tools/Kaarya.PostingBurst, which composes the app's own services (decision 0015).
/// </summary>
public abstract class KilledMidBurstTests(DatabaseProvider provider)
{
    private const int Rounds = 3;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Killed_mid_burst_and_restarted_the_chain_verifies_with_no_gap_and_every_acknowledged_posting_present()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var stored = await StoredCase.CreateAsync(database);
        List<Acknowledgement> acknowledged = [];

        for (var round = 1; round <= Rounds; round++)
        {
            var storedBefore = await StoredCountAsync(database);
            var killAfter = RandomNumberGenerator.GetInt32(3, 40);
            var burst = await BurstUntilKilledAsync(database, stored, killAfter);

            Assert.True(burst.Count >= killAfter, $"Round {round}: only {burst.Count} postings were acknowledged before the process ended.");
            Assert.Equal(storedBefore + 1, burst[0].Sequence);
            acknowledged.AddRange(burst);

            await RestartAsync(database);
            await AssertNothingLostOrHalfStoredAsync(database, acknowledged, round);
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"Round {round}: killed after {burst.Count} acknowledged postings (#{burst[0].Sequence}–#{burst[^1].Sequence}); {await StoredCountAsync(database)} stored.");
        }
    }

    /// <summary>Starts the posting process, kills it with SIGKILL a moment after its <paramref name="killAfter"/>th acknowledgement, and returns every acknowledgement it wrote.</summary>
    private static async Task<List<Acknowledgement>> BurstUntilKilledAsync(TestDatabase database, StoredCase stored, int killAfter)
    {
        SqliteConnection.ClearAllPools();
        using var process = Process.Start(BurstProcess(database, stored)) ?? throw new InvalidOperationException("The posting process did not start.");
        var errors = process.StandardError.ReadToEndAsync(Cancel);
        List<Acknowledgement> acknowledged = [];
        try
        {
            while (acknowledged.Count < killAfter && await process.StandardOutput.ReadLineAsync(Cancel) is { } line)
            {
                if (Acknowledgement.TryRead(line) is { } ack)
                {
                    acknowledged.Add(ack);
                }
            }

            // A moment later, wherever the next posting has got to: recording, approving, committing.
            await Task.Delay(RandomNumberGenerator.GetInt32(0, 4), Cancel);
            process.Kill();
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }

        // Lines it wrote before it died were written after their commits returned: they count too.
        while (await process.StandardOutput.ReadLineAsync(Cancel) is { } line)
        {
            if (Acknowledgement.TryRead(line) is { } ack)
            {
                acknowledged.Add(ack);
            }
        }

        await process.WaitForExitAsync(Cancel);
        Assert.True(acknowledged.Count > 0, $"The posting process acknowledged nothing. It said: {await errors}");
        Assert.NotEqual(0, process.ExitCode);
        return acknowledged;
    }

    private static ProcessStartInfo BurstProcess(TestDatabase database, StoredCase stored)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(BurstAssembly());
        if (database.Provider == DatabaseProvider.Postgres)
        {
            start.ArgumentList.Add("--Database:Provider=Postgres");
            start.ArgumentList.Add($"--ConnectionStrings:Kaarya={database.ConnectionString}");
        }
        else
        {
            start.ArgumentList.Add($"--Database:Path={database.Path}");
        }

        start.ArgumentList.Add("--Database:LoadDemoData=false");
        start.ArgumentList.Add($"--Burst:DecisionId={stored.Decision.Id}");
        start.ArgumentList.Add($"--Burst:FunderId={stored.Given.Funder.Id}");
        start.ArgumentList.Add($"--Burst:ValueDate={Days.Paid.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        start.ArgumentList.Add($"--Burst:Staff={Actors.Staff.UserId}");
        start.ArgumentList.Add($"--Burst:Manager={Actors.Manager.UserId}");
        return start;
    }

    /// <summary>Starts the app's database again after the crash, the way the app starts: migrations, journal mode, demo check.</summary>
    private static async Task RestartAsync(TestDatabase database)
    {
        SqliteConnection.ClearAllPools();
        var options = new DatabaseOptions { Provider = database.Provider, Path = database.Path, LoadDemoData = false };
        await new DatabaseInitialiser(database, options, new DemoDataLoader(database, options), NullLogger<DatabaseInitialiser>.Instance).InitialiseAsync(Cancel);
    }

    private async Task AssertNothingLostOrHalfStoredAsync(TestDatabase database, List<Acknowledgement> acknowledged, int round)
    {
        await using var db = database.CreateDbContext();
        if (provider == DatabaseProvider.Sqlite)
        {
            Assert.Equal("wal", await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync(Cancel) is [var mode] ? mode : null);
        }

        var verification = await LedgerChainVerifier.VerifyAsync(db.LedgerEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable(), Cancel);
        Assert.True(verification.IsIntact, $"Round {round}: {verification.Problem}");

        var entries = await db.LedgerEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(Cancel);
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.Equal(entries.Count, verification.EntriesChecked);
        var bySequence = entries.ToDictionary(e => e.Sequence);
        Assert.All(acknowledged, ack =>
        {
            Assert.True(bySequence.TryGetValue(ack.Sequence, out var entry), $"Round {round}: acknowledged posting #{ack.Sequence} is missing.");
            Assert.Equal(ack.Hash, entry!.Hash);
            Assert.Equal(ack.RequestId, entry.RequestId);
        });

        // Nothing half-stored: each entry's request is approved and audited, and no request is approved without its entry.
        var approved = await db.DisbursementRequests.AsNoTracking().Where(r => r.Status == RequestStatus.Approved).Select(r => r.Id).ToListAsync(Cancel);
        var audited = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == AuditAction.Approved && a.RecordType == nameof(DisbursementRequest)).Select(a => a.RecordId).ToListAsync(Cancel);
        Assert.Equal(entries.Select(e => e.RequestId!.Value).Order(), approved.Order());
        Assert.Equal(entries.Select(e => e.RequestId!.Value.ToString()).Order(StringComparer.Ordinal), audited.Order(StringComparer.Ordinal));
    }

    private static async Task<int> StoredCountAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        return await db.LedgerEntries.CountAsync(Cancel);
    }

    private static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";

    /// <summary>The posting process as built beside the tests (Kaarya.Tests references it, so it is built first).</summary>
    private static string BurstAssembly()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var assembly = Repository.PathTo("tools", "Kaarya.PostingBurst", "bin", configuration, "net10.0", "Kaarya.PostingBurst.dll");
        Assert.True(File.Exists(assembly), $"{assembly} is not built.");
        return assembly;
    }

    private sealed record Acknowledgement(long Sequence, string Hash, Guid RequestId)
    {
        public static Acknowledgement? TryRead(string line) =>
            line.Split(' ') is ["posted", var sequence, var hash, var request]
                ? new Acknowledgement(long.Parse(sequence, CultureInfo.InvariantCulture), hash, Guid.Parse(request, CultureInfo.InvariantCulture))
                : null;
    }

    public sealed class OnSqlite() : KilledMidBurstTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : KilledMidBurstTests(DatabaseProvider.Postgres);
}
