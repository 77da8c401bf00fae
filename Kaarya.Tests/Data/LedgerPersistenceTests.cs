using System.Data.Common;
using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Tests.Domain;
using Kaarya.Web.Data;
using Kaarya.Web.Features.Funding;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Tests.Data;

/// <summary>The ledger as stored: append-only in the database itself, tamper-evident, never forked.</summary>
public abstract class LedgerPersistenceTests(DatabaseProvider provider)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Updating_a_ledger_row_by_raw_sql_is_refused_by_the_database()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var stored = await StoredCase.CreateAsync(database);
        var entry = await stored.PostAsync(Money.FromRupees(5_000));

        var refused = await Assert.ThrowsAnyAsync<DbException>(() =>
            database.ExecuteRawAsync($"UPDATE \"LedgerEntries\" SET \"AmountPaise\" = 1 WHERE \"Sequence\" = {entry.Sequence}"));

        Assert.Contains(LedgerGuard.UpdateRefused, refused.Message, StringComparison.Ordinal);
        Assert.True((await database.Ledger.VerifyChainAsync(Cancel)).IsIntact);
    }

    [Fact]
    public async Task Deleting_a_ledger_row_by_raw_sql_is_refused_by_the_database()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var stored = await StoredCase.CreateAsync(database);
        await stored.PostAsync(Money.FromRupees(5_000));

        var refused = await Assert.ThrowsAnyAsync<DbException>(() => database.ExecuteRawAsync("DELETE FROM \"LedgerEntries\""));

        Assert.Contains(LedgerGuard.DeleteRefused, refused.Message, StringComparison.Ordinal);
        await using var db = database.CreateDbContext();
        Assert.Equal(1, await db.LedgerEntries.CountAsync(Cancel));
    }

    [Fact]
    public async Task An_amount_altered_behind_the_apps_back_is_found_at_its_sequence_number()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var stored = await StoredCase.CreateAsync(database);
        for (var i = 0; i < 5; i++)
        {
            await stored.PostAsync(Money.FromRupees(1_000));
        }

        // Someone with a database tool removes the guard and changes entry #3.
        await database.DropLedgerGuardAsync();
        await database.ExecuteRawAsync("UPDATE \"LedgerEntries\" SET \"AmountPaise\" = 9900000 WHERE \"Sequence\" = 3");

        var verification = await database.Ledger.VerifyChainAsync(Cancel);

        Assert.False(verification.IsIntact);
        Assert.Equal(3, verification.FirstBadSequence);
        Assert.Equal(2, verification.EntriesChecked);
        Assert.Contains("#3", verification.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_entry_is_found_as_a_gap()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var stored = await StoredCase.CreateAsync(database);
        for (var i = 0; i < 4; i++)
        {
            await stored.PostAsync(Money.FromRupees(1_000));
        }

        await database.DropLedgerGuardAsync();
        await database.ExecuteRawAsync("DELETE FROM \"LedgerEntries\" WHERE \"Sequence\" = 2");

        var verification = await database.Ledger.VerifyChainAsync(Cancel);

        Assert.False(verification.IsIntact);
        Assert.Equal(2, verification.FirstBadSequence);
    }

    [Fact]
    public async Task Twenty_postings_from_parallel_tasks_make_one_chain_without_gap_or_fork()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var stored = await StoredCase.CreateAsync(database);
        var requests = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            requests.Add(await stored.RecordAsync(Money.FromRupees(500)));
        }

        // Each approval comes through its own service, as from twenty managers' browsers.
        await Task.WhenAll(requests.Select(id => Task.Run(
            () => new DisbursementService(database, database.Clock).ApproveAsync(id, Actors.Manager, Cancel), Cancel)));

        await AssertOneUnbrokenChainAsync(database, expectedEntries: 20);
    }

    [Fact]
    public async Task Concurrent_transactions_serialise_on_the_databases_own_lock()
    {
        // Without the app's in-process gate: twenty contexts, each in its own transaction, post at
        // once, as several app instances would. SQLite's write lock taken at BEGIN keeps them in line;
        // on PostgreSQL the ledger's advisory lock does (without it, two read the same head).
        await using var database = await TestDatabase.CreateAsync(provider);
        var stored = await StoredCase.CreateAsync(database);
        var requests = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            requests.Add(await stored.RecordAsync(Money.FromRupees(500)));
        }

        await Task.WhenAll(requests.Select(id => Task.Run(async () =>
        {
            await using var db = database.CreateDbContext();
            db.ActingAs(Actors.Manager);
            await using var transaction = await db.Database.BeginTransactionAsync(Cancel);
            var request = await db.DisbursementRequests.SingleAsync(r => r.Id == id, Cancel);
            await new LedgerBook(db).ApproveAsync(request, Actors.Manager, database.Clock.GetUtcNow(), Cancel);
            await transaction.CommitAsync(Cancel);
        }, Cancel)));

        await AssertOneUnbrokenChainAsync(database, expectedEntries: 20);
    }

    [Fact]
    public async Task Two_approvals_of_the_same_request_at_once_post_it_once()
    {
        // Two managers on two app instances approve the same request at the same moment.
        await using var database = await TestDatabase.CreateAsync(provider);
        var stored = await StoredCase.CreateAsync(database);
        var request = await stored.RecordAsync(Money.FromRupees(5_000));

        var approvals = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            await using var db = database.CreateDbContext();
            db.ActingAs(Actors.Manager);
            await using var transaction = await db.Database.BeginTransactionAsync(Cancel);
            var pending = await db.DisbursementRequests.SingleAsync(r => r.Id == request, Cancel);
            await new LedgerBook(db).ApproveAsync(pending, Actors.Manager, database.Clock.GetUtcNow(), Cancel);
            await transaction.CommitAsync(Cancel);
        }, Cancel)).ToList();
        var outcomes = await Task.WhenAll(approvals.Select(async approval =>
        {
            try
            {
                await approval;
                return true;
            }
            catch (Exception refused) when (refused is DomainException or DbUpdateException)
            {
                return false;
            }
        }));

        Assert.Single(outcomes, posted => posted);
        await AssertOneUnbrokenChainAsync(database, expectedEntries: 1);
    }

    [Fact]
    public async Task A_reversal_is_stored_against_its_entry_and_a_second_one_is_refused()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var stored = await StoredCase.CreateAsync(database);
        var entry = await stored.PostAsync(Money.FromRupees(5_000));

        var reversal = await stored.Service.ReverseAsync(entry.Sequence, Actors.Manager, "Paid to the wrong account", Days.Paid, Cancel);
        var again = await Assert.ThrowsAsync<DomainException>(() =>
            stored.Service.ReverseAsync(entry.Sequence, Actors.Manager, "Once more", Days.Paid, Cancel));

        Assert.Equal(entry.Sequence, reversal.ReversesSequence);
        Assert.Equal(-entry.Amount, reversal.Amount);
        Assert.Equal("already-reversed", again.Code);
        await AssertOneUnbrokenChainAsync(database, expectedEntries: 2);
    }

    [Fact]
    public async Task A_closed_period_refuses_a_posting_dated_inside_it_and_stores_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var stored = await StoredCase.CreateAsync(database);
        var request = await stored.RecordAsync(Money.FromRupees(5_000), valueDate: new DateOnly(2013, 8, 30));
        await stored.Service.ClosePeriodAsync(new DateOnly(2013, 8, 31), Actors.Manager, Cancel);

        var refused = await Assert.ThrowsAsync<DomainException>(() => stored.Service.ApproveAsync(request, Actors.Manager, Cancel));

        Assert.Equal("period-closed", refused.Code);
        await using var db = database.CreateDbContext();
        Assert.Empty(await db.LedgerEntries.ToListAsync(Cancel));
        Assert.Equal(RequestStatus.Pending, (await db.DisbursementRequests.SingleAsync(Cancel)).Status);
    }

    [Fact]
    public async Task The_same_form_submitted_twice_records_one_request()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var stored = await StoredCase.CreateAsync(database);
        var input = new DisbursementRequestInput
        {
            DecisionId = stored.Decision.Id,
            FunderId = stored.Given.Funder.Id,
            Amount = "5,000",
            ValueDate = Days.Paid,
        };

        var first = await stored.Service.RecordRequestAsync(input, Actors.Staff, Cancel);
        var second = await stored.Service.RecordRequestAsync(input, Actors.Staff, Cancel);

        Assert.Equal(first, second);
        await using var db = database.CreateDbContext();
        Assert.Equal(1, await db.DisbursementRequests.CountAsync(Cancel));
    }

    private static async Task AssertOneUnbrokenChainAsync(TestDatabase database, int expectedEntries)
    {
        await using var db = database.CreateDbContext();
        var sequences = await db.LedgerEntries.OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync(Cancel);
        Assert.Equal(Enumerable.Range(1, expectedEntries).Select(i => (long)i), sequences);
        var verification = await database.Ledger.VerifyChainAsync(Cancel);
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(expectedEntries, verification.EntriesChecked);
    }

    public sealed class OnSqlite() : LedgerPersistenceTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : LedgerPersistenceTests(DatabaseProvider.Postgres)
    {
        [Fact]
        public async Task Truncating_the_ledger_is_refused_by_the_database()
        {
            // PostgreSQL's TRUNCATE skips row triggers; the ledger has a statement trigger for it.
            await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
            var stored = await StoredCase.CreateAsync(database);
            await stored.PostAsync(Money.FromRupees(5_000));

            var refused = await Assert.ThrowsAnyAsync<DbException>(() => database.ExecuteRawAsync("TRUNCATE \"LedgerEntries\" CASCADE"));

            Assert.Contains(LedgerGuard.DeleteRefused, refused.Message, StringComparison.Ordinal);
            await using var db = database.CreateDbContext();
            Assert.Equal(1, await db.LedgerEntries.CountAsync(Cancel));
        }
    }
}
