using Kaarya.Domain.Access;
using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;
using Kaarya.Web.Auditing;
using Kaarya.Web.Features.Access;
using Kaarya.Web.Features.Businesses;
using Kaarya.Web.Features.Dashboard;
using Kaarya.Web.Features.Funding;
using Kaarya.Web.Features.Plans;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Benchmarks.Measuring;

/// <summary>
/// Server time of the use cases the staff workspace's pages call, in process, with the services
/// wired as the app wires them (and as Kaarya.Tests' TestDatabase does) on contexts that carry
/// the app's interceptors, on SQLite or on PostgreSQL (the app's <c>PostgresKaaryaDbContext</c>).
/// Rendering and the SignalR round trip are not included.
/// </summary>
internal sealed class UseCaseBenchmarks(BenchmarkDatabase database, BenchmarkOptions options, Action<string> progress)
{
    /// <summary>Issue 4: the grid and a business page answer within 50 ms at the 95th percentile.</summary>
    public const double PageTargetMs = 50;

    /// <summary>Issue 4: the dashboard answers within 200 ms at the 95th percentile.</summary>
    public const double DashboardTargetMs = 200;

    /// <summary>Issue 7: the whole chain of 200,000 entries re-walked in under 2 seconds.</summary>
    public const double ChainTargetMs = 2_000;

    private const int WarmUps = 5;
    private const int ChainRuns = 5;

    private readonly Viewer _staff = Viewer.Staff(new Actor("staff.bench", KaaryaRole.Staff));

    public async Task<IReadOnlyList<Latency>> RunAsync(CancellationToken cancellationToken)
    {
        var clock = TimeProvider.System;
        var audit = new AuditTrail(database.App, clock);
        var gate = new RecordGate(audit, clock);
        var ledger = new LedgerReader(database.App, gate, audit);
        var directory = new BusinessDirectory(database.App, gate);
        var businesses = await BusinessIdsAsync(cancellationToken);
        var random = new Random(options.Seed);
        Guid AnyBusiness() => businesses[random.Next(businesses.Count)];

        var results = new List<Latency>();
        async Task Measure(string useCase, double? target, Func<Task> call, int calls = 0, int warmUps = WarmUps)
        {
            progress($"measuring: {useCase}");
            results.Add(await Latency.MeasureAsync(useCase, warmUps, calls > 0 ? calls : options.Iterations, target, call, database.ServerCpu));
        }

        await Measure("Businesses grid: first page", PageTargetMs,
            () => directory.PageAsync(new BusinessQuery(), _staff, cancellationToken));
        await Measure("Businesses grid: running, by amount disbursed (desc)", PageTargetMs,
            () => directory.PageAsync(new BusinessQuery { Status = BusinessStatus.Running, SortBy = BusinessSort.Disbursed, Descending = true }, _staff, cancellationToken));
        await Measure("Businesses grid: search by name (\"Mitali\")", PageTargetMs,
            () => directory.PageAsync(new BusinessQuery { Search = "Mitali" }, _staff, cancellationToken));
        await Measure("Businesses grid: search by code (\"SYC-0420\")", PageTargetMs,
            () => directory.PageAsync(new BusinessQuery { Search = "SYC-0420" }, _staff, cancellationToken));

        // Each reader writes a "Viewed" audit entry, as in the app: part of the page's cost. The page
        // opens on its plan tab; the money tab is the heaviest of the others.
        var plans = new PlanReader(database.App, gate);
        var decisions = new DecisionReader(database.App, gate);
        var utilisation = new UtilisationReader(database.App, gate, clock);
        await Measure("Business page: summary + plan versions, random business", PageTargetMs, async () =>
        {
            var id = AnyBusiness();
            await directory.GetAsync(id, _staff, cancellationToken);
            await plans.VersionsAsync(id, _staff, cancellationToken);
        });
        await Measure("Business page, money tab: requests + postings + utilisation", PageTargetMs, async () =>
        {
            var id = AnyBusiness();
            await decisions.RequestsAsync(id, _staff, cancellationToken);
            await ledger.ForBusinessAsync(id, _staff, cancellationToken);
            await utilisation.ForBusinessAsync(id, _staff, cancellationToken);
        });
        await Measure("  of which summary (BusinessDirectory.GetAsync)", null, () => directory.GetAsync(AnyBusiness(), _staff, cancellationToken));
        await Measure("  of which postings (LedgerReader.ForBusinessAsync)", null, () => ledger.ForBusinessAsync(AnyBusiness(), _staff, cancellationToken));
        await Measure("  of which utilisation (UtilisationReader.ForBusinessAsync)", null, () => utilisation.ForBusinessAsync(AnyBusiness(), _staff, cancellationToken));

        // The app keeps one FundingTotals for its lifetime: the first visit sums the ledger, the next ones catch up.
        var dashboard = new DashboardQueries(database.App, ledger, audit, clock, new FundingTotals());
        await Measure("Dashboard", DashboardTargetMs, () => dashboard.LoadAsync(_staff, cancellationToken));

        await Measure("Ledger: verify the whole hash chain", ChainTargetMs, async () =>
        {
            var verification = await ledger.VerifyAsync(_staff, cancellationToken);
            if (!verification.IsIntact)
            {
                throw new InvalidOperationException($"The generated ledger does not verify: {verification.Problem}");
            }
        }, calls: ChainRuns, warmUps: 1);

        return results;
    }

    /// <summary>Every business, in a fixed order, so that the seed picks the same businesses on every run.</summary>
    private async Task<List<Guid>> BusinessIdsAsync(CancellationToken cancellationToken)
    {
        await using var db = await database.App.CreateDbContextAsync(cancellationToken);
        return await db.Businesses.AsNoTracking()
            .Join(db.Participants, b => b.ParticipantId, p => p.Id, (b, p) => new { b.Id, p.Code })
            .OrderBy(r => r.Code)
            .Select(r => r.Id)
            .ToListAsync(cancellationToken);
    }
}
