using System.Diagnostics;
using System.Globalization;
using Kaarya.Benchmarks.Generation;
using Kaarya.Domain.Access;
using Kaarya.Domain.Common;
using Kaarya.Web.Auditing;
using Kaarya.Web.Features.Access;
using Kaarya.Domain.Funding;
using Kaarya.Web.Data;
using Kaarya.Web.Features.Funding;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Benchmarks.Measuring;

/// <summary>What one provider's postings measured.</summary>
internal sealed record PostingRun(
    DatabaseProvider Provider,
    string Server,
    int Postings,
    long LedgerBefore,
    double Seconds,
    double P50Ms,
    double P95Ms,
    double MaxMs,
    bool ChainIntact,
    double? OthersCpu)
{
    public double PerSecond => Postings / Seconds;

    public bool MeetsTarget => Provider != DatabaseProvider.Sqlite || PerSecond >= PostingThroughput.TargetPerSecond;
}

/// <summary>
/// Postings as the programme manager makes them: each approval of a recorded request through
/// <see cref="DisbursementService.ApproveAsync"/>, the app's own path, one posting per transaction:
/// the ledger held, the request and the funding position read, the entry chained onto the head,
/// the audit entry written, committed. The requests are recorded first (by staff, untimed) against
/// the decisions the generator left open (<see cref="LedgerGenerator.DecisionsLeftOpen"/>), so the
/// ledger they join is the generated one.
/// </summary>
internal sealed class PostingThroughput(BenchmarkDatabase database, Action<string> progress)
{
    /// <summary>Issue 7: at least 200 postings a second on SQLite.</summary>
    public const double TargetPerSecond = 200;

    /// <summary>Tranches each open decision is paid in.</summary>
    private const int TranchesPerDecision = 25;

    private const int WarmUps = 20;

    public async Task<PostingRun> RunAsync(int postings, string server, CancellationToken cancellationToken)
    {
        var clock = TimeProvider.System;
        var service = new DisbursementService(database.App, clock);
        var ledgerBefore = await CountAsync(cancellationToken);
        var requests = await RecordRequestsAsync(service, WarmUps + postings, cancellationToken);

        progress($"{database.Provider}: {WarmUps} postings to warm up, then {postings:N0} timed, onto a ledger of {ledgerBefore:N0} entries");
        foreach (var id in requests.Take(WarmUps))
        {
            await service.ApproveAsync(id, SyntheticActors.Manager, cancellationToken);
        }

        var times = new double[postings];
        var contention = CpuContention.Start();
        var all = Stopwatch.StartNew();
        for (var i = 0; i < postings; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await service.ApproveAsync(requests[WarmUps + i], SyntheticActors.Manager, cancellationToken);
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        var seconds = all.Elapsed.TotalSeconds;
        var others = contention.OthersShare();
        Array.Sort(times);

        progress($"{database.Provider}: walking the chain after the postings");
        // The ledger page's own check, as an auditor would run it.
        var audit = new AuditTrail(database.App, clock);
        var chain = await new LedgerReader(database.App, new RecordGate(audit, clock), audit)
            .VerifyAsync(Viewer.Staff(new Actor("auditor.bench", KaaryaRole.Auditor)), cancellationToken);
        return new PostingRun(
            database.Provider, server, postings, ledgerBefore, seconds,
            Latency.Percentile(times, 0.50), Latency.Percentile(times, 0.95), times[^1], chain.IsIntact, others);
    }

    /// <summary>
    /// Requests for tranches of the open decisions, recorded by staff through the app's use case,
    /// in the order they will be approved. Each decision is paid in equal tranches, within its amount.
    /// </summary>
    private async Task<List<Guid>> RecordRequestsAsync(DisbursementService service, int count, CancellationToken cancellationToken)
    {
        List<OpenDecision> open;
        Guid[] funders;
        await using (var db = await database.App.CreateDbContextAsync(cancellationToken))
        {
            open = await db.DisbursementDecisions.AsNoTracking()
                .Where(d => d.Kind == DecisionKind.Immediate && !db.DisbursementRequests.Any(r => r.DecisionId == d.Id))
                .OrderBy(d => d.Id)
                .Select(d => new OpenDecision(d.Id, d.Amount, d.DecidedOn))
                .ToListAsync(cancellationToken);
            funders = await db.Funders.OrderBy(f => f.Id).Select(f => f.Id).ToArrayAsync(cancellationToken);
        }

        var needed = (count + TranchesPerDecision - 1) / TranchesPerDecision;
        if (open.Count < needed)
        {
            throw new InvalidOperationException(
                $"{count:N0} postings need {needed} decisions without tranches; the database has {open.Count}. " +
                "Generate a new database (the generator leaves some open), or ask for fewer postings with --postings.");
        }

        progress($"{database.Provider}: recording {count:N0} requests as staff");
        var requests = new List<Guid>(count);
        for (var i = 0; i < count; i++)
        {
            var decision = open[i / TranchesPerDecision];
            var tranche = decision.Amount.Paise / 100 / TranchesPerDecision;
            var input = new DisbursementRequestInput
            {
                DecisionId = decision.Id,
                FunderId = funders[(i / TranchesPerDecision) % funders.Length],
                Amount = tranche.ToString(CultureInfo.InvariantCulture),
                ValueDate = decision.DecidedOn.AddDays(1 + (i % TranchesPerDecision)),
                Method = PaymentMethod.Cash,
                Reference = string.Create(CultureInfo.InvariantCulture, $"BENCH-{i + 1}"),
            };
            requests.Add(await service.RecordRequestAsync(input, SyntheticActors.Staff[i % SyntheticActors.Staff.Length], cancellationToken));
        }

        return requests;
    }

    private async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var db = await database.App.CreateDbContextAsync(cancellationToken);
        return await db.LedgerEntries.LongCountAsync(cancellationToken);
    }

    private sealed record OpenDecision(Guid Id, Money Amount, DateOnly DecidedOn);
}
