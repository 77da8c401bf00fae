using Kaarya.Domain.Common;
using Kaarya.Domain.Plans;
using Kaarya.Tests.Data;
using Kaarya.Tests.Domain;
using Kaarya.Web.Data;
using Kaarya.Web.Features.Plans;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Tests.Faults;

/// <summary>
/// Two staff editing one plan, on a real database: the second save from the same version is
/// refused with the plan's own conflict, whether it comes later, slips in between the first's
/// read and write, or lands at the same instant; the first one's version is what is stored.
/// </summary>
public abstract class PlanEditConflictPersistenceTests(DatabaseProvider provider)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_second_to_save_from_the_same_version_is_refused_and_the_first_ones_version_stands()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (plans, first) = await PlanOfVersionOneAsync(database);
        var ann = PlanInput.From(first, Days.Paid);
        var bina = PlanInput.From(first, Days.Paid);
        ann.NextSteps = "Buy a second coop before the rains";
        bina.Customers = "The Friday haat at Baruipur";

        Assert.Equal(2, await plans.SaveVersionAsync(ann, Actors.Staff, Cancel));
        var refusal = await Assert.ThrowsAsync<DomainException>(() => plans.SaveVersionAsync(bina, Actors.OtherStaff, Cancel));

        Assert.Equal(BusinessPlan.ChangedMeanwhile, refusal.Code);
        Assert.Contains($"{Actors.Staff.UserId} saved version 2 of this plan at ", refusal.Message, StringComparison.Ordinal);
        await AssertStoredAsync(database, first.BusinessId, ("Buy a second coop before the rains", first.Customers));
    }

    [Fact]
    public async Task A_save_slipping_in_between_the_read_and_the_write_is_refused_by_the_unique_version_in_the_same_words()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (_, first) = await PlanOfVersionOneAsync(database);
        var rivalInput = PlanInput.From(first, Days.Paid);
        rivalInput.NextSteps = "Buy a second coop before the rains";
        var hers = PlanInput.From(first, Days.Paid);
        hers.Customers = "The Friday haat at Baruipur";

        // Her save has read version 1 as the latest; before it writes, the rival's save of version 2 commits.
        var interleaved = new RivalSavesFirst(database, () => new PlanService(database).SaveVersionAsync(rivalInput, Actors.Staff, Cancel));
        var refusal = await Assert.ThrowsAsync<DomainException>(() => new PlanService(interleaved).SaveVersionAsync(hers, Actors.OtherStaff, Cancel));

        Assert.True(interleaved.RivalSaved);
        Assert.Equal(BusinessPlan.ChangedMeanwhile, refusal.Code);
        Assert.Contains($"{Actors.Staff.UserId} saved version 2", refusal.Message, StringComparison.Ordinal);
        await AssertStoredAsync(database, first.BusinessId, ("Buy a second coop before the rains", first.Customers));
    }

    [Fact]
    public async Task Of_saves_from_one_version_at_the_same_instant_exactly_one_succeeds_and_the_others_get_the_conflict()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (plans, first) = await PlanOfVersionOneAsync(database);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var saves = Enumerable.Range(1, 6).Select(editor => Task.Run(async () =>
        {
            var input = PlanInput.From(first, Days.Paid);
            input.NextSteps = $"Editor {editor}'s next steps";
            await start.Task;
            try
            {
                return (Editor: editor, Version: await plans.SaveVersionAsync(input, Actors.Staff, Cancel), Refusal: (string?)null);
            }
            catch (DomainException refused)
            {
                return (Editor: editor, Version: 0, Refusal: refused.Code);
            }
        }, Cancel)).ToList();
        start.SetResult();
        var outcomes = await Task.WhenAll(saves);

        var winner = Assert.Single(outcomes, o => o.Refusal is null);
        Assert.Equal(2, winner.Version);
        Assert.All(outcomes.Where(o => o != winner), o => Assert.Equal(BusinessPlan.ChangedMeanwhile, o.Refusal));
        await AssertStoredAsync(database, first.BusinessId, ($"Editor {winner.Editor}'s next steps", first.Customers));
    }

    private static async Task<(PlanService Plans, BusinessPlan First)> PlanOfVersionOneAsync(TestDatabase database)
    {
        var stored = await StoredCase.CreateAsync(database);
        var plans = new PlanService(database);
        var input = new PlanInput
        {
            BusinessId = stored.Given.Business.Id,
            DraftedOn = Days.Paid.AddDays(-20),
            ProductsAndServices = "Eggs and broiler chickens",
            Customers = "Neighbours and the Monday market at Joynagar",
            ExpectedMonthlyIncome = "3,000",
            IntendedUses = [new PlanLineInput { Description = "50 chicks", Amount = "2,500" }],
            NextSteps = "Vaccinate the flock",
        };
        Assert.Equal(1, await plans.SaveVersionAsync(input, Actors.Staff, Cancel));
        await using var db = database.CreateDbContext();
        return (plans, await db.BusinessPlans.AsNoTracking().SingleAsync(p => p.BusinessId == input.BusinessId, Cancel));
    }

    private static async Task AssertStoredAsync(TestDatabase database, Guid businessId, (string NextSteps, string Customers) latest)
    {
        await using var db = database.CreateDbContext();
        var versions = await db.BusinessPlans.AsNoTracking().Where(p => p.BusinessId == businessId).OrderBy(p => p.Version).ToListAsync(Cancel);
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Equal(latest.NextSteps, versions[1].NextSteps);
        Assert.Equal(latest.Customers, versions[1].Customers);
    }

    /// <summary>
    /// Hands out the database's contexts; the first one to save lets a rival's whole save commit
    /// first, just before its own write, as a second screen could at that very moment.
    /// </summary>
    private sealed class RivalSavesFirst(TestDatabase database, Func<Task> rival) : IDbContextFactory<KaaryaDbContext>
    {
        public bool RivalSaved { get; private set; }

        public KaaryaDbContext CreateDbContext()
        {
            var db = database.CreateDbContext();
            db.SavingChanges += (_, _) =>
            {
                if (!RivalSaved)
                {
                    RivalSaved = true;
                    Task.Run(rival).GetAwaiter().GetResult();
                }
            };
            return db;
        }

        public Task<KaaryaDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) => Task.FromResult(CreateDbContext());
    }

    public sealed class OnSqlite() : PlanEditConflictPersistenceTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : PlanEditConflictPersistenceTests(DatabaseProvider.Postgres);
}
