using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Domain.Participants;
using Kaarya.Domain.Plans;
using Kaarya.Tests.Data;
using Kaarya.Tests.Domain;
using Kaarya.Web.Auditing;
using Kaarya.Web.Components.Forms;
using Kaarya.Web.Data;
using Kaarya.Web.Data.Seed;
using Kaarya.Web.Features.Funding;
using Kaarya.Web.Features.Participants;
using Kaarya.Web.Features.Plans;
using Kaarya.Web.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kaarya.Tests.Faults;

/// <summary>
/// A database that takes no writes (read-only, or full): a posting, a registration and a plan
/// save are refused with a clear sentence (nothing was saved, tell the administrator) instead of
/// a crash, nothing is half-stored, /readyz says so, and once the database takes writes again the
/// chain verifies and the next posting follows the last with no gap.
/// </summary>
public abstract class UnwritableDatabaseTests(DatabaseProvider provider)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_read_only_database_refuses_a_posting_a_registration_and_a_plan_save_clearly_and_stores_nothing()
    {
        await using var database = await StartedAsTheAppStartsAsync(provider);
        var stored = await StoredCase.CreateAsync(database);
        await stored.PostAsync(Money.FromRupees(1_000));
        var pending = await stored.RecordAsync(Money.FromRupees(2_000));
        var firstPlan = await SavePlanAsync(new PlanService(database), stored, startedFrom: 0);
        var before = await CountsAsync(database);

        await using (var readOnly = await UnwritableDatabase.ReadOnlyAsync(database))
        {
            await AssertRefusedClearlyAsync(() => new DisbursementService(readOnly, database.Clock).ApproveAsync(pending, Actors.Manager, Cancel));
            await AssertRefusedClearlyAsync(() => new RegistrationService(readOnly).RegisterParticipantAsync(Registration(), Actors.Staff, Cancel));
            await AssertRefusedClearlyAsync(() => SavePlanAsync(new PlanService(readOnly), stored, startedFrom: firstPlan));

            var readiness = await new DatabaseReadiness(readOnly).CheckHealthAsync(new HealthCheckContext(), Cancel);
            Assert.Equal(HealthStatus.Unhealthy, readiness.Status);
            Assert.Equal(DatabaseReadiness.ReadOnly, readiness.Description);
        }

        Assert.Equal(before, await CountsAsync(database));
        await AssertWritableAgainAsync(database, stored, pending, expectedSequence: 2);
        Assert.Equal(2, await SavePlanAsync(new PlanService(database), stored, startedFrom: firstPlan));
        await new RegistrationService(database).RegisterParticipantAsync(Registration(), Actors.Staff, Cancel);
        Assert.Equal(HealthStatus.Healthy, (await new DatabaseReadiness(database).CheckHealthAsync(new HealthCheckContext(), Cancel)).Status);
    }

    /// <summary>The database as the app leaves it after start-up: migrated, and on SQLite in WAL mode.</summary>
    private static async Task<TestDatabase> StartedAsTheAppStartsAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var options = new DatabaseOptions { Provider = provider, Path = database.Path, LoadDemoData = false };
        await new DatabaseInitialiser(database, options, new DemoDataLoader(database, options), NullLogger<DatabaseInitialiser>.Instance).InitialiseAsync(Cancel);
        return database;
    }

    /// <summary>The refusal a form shows: the database's sentence and code, not an exception.</summary>
    private static async Task AssertRefusedClearlyAsync(Func<Task> save)
    {
        var form = new DomainAction();
        await form.RunAsync(save);
        Assert.Equal(StoreErrors.RefusesWritesCode, form.RefusalCode);
        Assert.Equal(StoreErrors.RefusesWritesSentence, form.Refusal);
        Assert.Contains("Nothing was saved", form.Refusal, StringComparison.Ordinal);
        Assert.Contains("tell the administrator", form.Refusal, StringComparison.Ordinal);
    }

    /// <summary>The held request is approved once the database takes writes: it follows the last entry, and the chain verifies.</summary>
    private static async Task AssertWritableAgainAsync(TestDatabase database, StoredCase stored, Guid pending, long expectedSequence)
    {
        var next = await stored.Service.ApproveAsync(pending, Actors.Manager, Cancel);
        Assert.Equal(expectedSequence, next.Sequence);
        var verification = await database.Ledger.VerifyChainAsync(Cancel);
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(expectedSequence, verification.EntriesChecked);
        await AssertNothingHalfStoredAsync(database);
    }

    /// <summary>Every entry has its approved request and its audit row, and nothing is approved without its entry.</summary>
    private static async Task AssertNothingHalfStoredAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        var entries = await db.LedgerEntries.AsNoTracking().Where(e => e.RequestId != null).Select(e => e.RequestId!.Value).ToListAsync(Cancel);
        var approved = await db.DisbursementRequests.AsNoTracking().Where(r => r.Status == RequestStatus.Approved).Select(r => r.Id).ToListAsync(Cancel);
        var audited = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == AuditAction.Approved && a.RecordType == nameof(DisbursementRequest)).Select(a => a.RecordId).ToListAsync(Cancel);
        Assert.Equal(entries.Order(), approved.Order());
        Assert.Equal(entries.Select(e => e.ToString()).Order(StringComparer.Ordinal), audited.Order(StringComparer.Ordinal));
    }

    private static async Task<(int Entries, int Requests, int Approved, int Participants, int Plans, int Audit)> CountsAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        return (
            await db.LedgerEntries.CountAsync(Cancel),
            await db.DisbursementRequests.CountAsync(Cancel),
            await db.DisbursementRequests.CountAsync(r => r.Status == RequestStatus.Approved, Cancel),
            await db.Participants.CountAsync(Cancel),
            await db.BusinessPlans.CountAsync(Cancel),
            await db.AuditEntries.CountAsync(Cancel));
    }

    private static Task<int> SavePlanAsync(PlanService plans, StoredCase stored, int startedFrom) =>
        plans.SaveVersionAsync(
            new PlanInput
            {
                BusinessId = stored.Given.Business.Id,
                StartedFromVersion = startedFrom,
                DraftedOn = Days.Paid,
                ProductsAndServices = "Eggs and broiler chickens",
                Customers = "Neighbours and the Monday market at Joynagar",
                ExpectedMonthlyIncome = "3,000",
                IntendedUses = [new PlanLineInput { Description = "50 chicks", Amount = "2,500" }],
                NextSteps = $"Version {startedFrom + 1}'s next steps",
            },
            Actors.Staff,
            Cancel);

    private static RegisterParticipantInput Registration() => new()
    {
        Code = "KAA-77",
        GivenName = "Rupali",
        Village = "Joynagar",
        ConsentsToDataKept = true,
        ConsentedOn = Days.ConsentGiven,
    };

    public sealed class OnSqlite() : UnwritableDatabaseTests(DatabaseProvider.Sqlite)
    {
        [Fact]
        public async Task A_full_database_refuses_the_save_that_needs_room_clearly_and_after_room_is_made_the_next_posting_follows_with_no_gap()
        {
            await using var database = await StartedAsTheAppStartsAsync(DatabaseProvider.Sqlite);
            var stored = await StoredCase.CreateAsync(database);
            await using var full = await UnwritableDatabase.FullAsync(database);
            var money = new DisbursementService(full, database.Clock);

            // Postings go on while there is room in the pages the file has; the first that needs a new page is refused.
            DomainAction? refused = null;
            Guid? held = null;
            for (var attempt = 0; attempt < 2_000 && refused is null; attempt++)
            {
                var form = new DomainAction();
                await form.RunAsync(async () =>
                {
                    held = null;
                    held = await money.RecordRequestAsync(new DisbursementRequestInput { DecisionId = stored.Decision.Id, FunderId = stored.Given.Funder.Id, Amount = "1", ValueDate = Days.Paid, Reference = "R" }, Actors.Staff, Cancel);
                    await money.ApproveAsync(held.Value, Actors.Manager, Cancel);
                    held = null;
                });
                refused = form.Refusal is null ? null : form;
            }

            Assert.NotNull(refused);
            Assert.Equal(StoreErrors.RefusesWritesCode, refused.RefusalCode);
            Assert.Equal(StoreErrors.RefusesWritesSentence, refused.Refusal);
            var verification = await database.Ledger.VerifyChainAsync(Cancel);
            Assert.True(verification.IsIntact, verification.Problem);
            await AssertNothingHalfStoredAsync(database);

            // Room again (the administrator freed the disk): a request recorded before the refusal is approved, or a new one is.
            var pending = held ?? await stored.RecordAsync(Money.FromRupees(1));
            await AssertWritableAgainAsync(database, stored, pending, expectedSequence: verification.EntriesChecked + 1);
        }
    }

    public sealed class OnPostgres() : UnwritableDatabaseTests(DatabaseProvider.Postgres);
}
