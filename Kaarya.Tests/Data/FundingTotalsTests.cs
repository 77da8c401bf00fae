using Kaarya.Domain.Common;
using Kaarya.Tests.Domain;
using Kaarya.Web.Data;
using Kaarya.Web.Features.Funding;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Tests.Data;

/// <summary>
/// The funder's budget is checked against what the ledger really holds, although each app
/// instance folds the totals as the ledger grows instead of summing them for every posting.
/// </summary>
public abstract class FundingTotalsTests(DatabaseProvider provider)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_budget_check_counts_postings_another_instance_made_since()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var stored = await StoredCase.CreateAsync(database, decided: Money.FromRupees(20_000), budget: Money.FromRupees(10_000));
        var here = new DisbursementService(database, database.Clock, new FundingTotals());
        var elsewhere = new DisbursementService(database, database.Clock, new FundingTotals());
        await here.ApproveAsync(await stored.RecordAsync(Money.FromRupees(6_000)), Actors.Manager, Cancel);
        await elsewhere.ApproveAsync(await stored.RecordAsync(Money.FromRupees(3_000)), Actors.Manager, Cancel);

        var tooMuch = await stored.RecordAsync(Money.FromRupees(2_000));
        var refused = await Assert.ThrowsAsync<DomainException>(() => here.ApproveAsync(tooMuch, Actors.Manager, Cancel));

        Assert.Equal("budget-overrun", refused.Code);
        Assert.Contains("₹1,000", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_funders_total_counts_postings_made_since_the_last_look_here_and_elsewhere()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var stored = await StoredCase.CreateAsync(database, decided: Money.FromRupees(20_000), budget: Money.FromRupees(10_000));
        var totals = new FundingTotals();
        var budget = (stored.Given.Funder.Id, stored.Given.Phase.Id);
        await new DisbursementService(database, database.Clock, totals).ApproveAsync(await stored.RecordAsync(Money.FromRupees(6_000)), Actors.Manager, Cancel);
        await using (var db = database.CreateDbContext())
        {
            Assert.Equal(Money.FromRupees(6_000).Paise, (await totals.AllNetPaiseAsync(db, Cancel))[budget]);
        }

        await new DisbursementService(database, database.Clock, new FundingTotals()).ApproveAsync(await stored.RecordAsync(Money.FromRupees(3_000)), Actors.Manager, Cancel);

        await using var later = database.CreateDbContext();
        Assert.Equal(Money.FromRupees(9_000).Paise, (await totals.AllNetPaiseAsync(later, Cancel))[budget]);
    }

    [Fact]
    public async Task Postings_rolled_back_are_not_counted_against_the_budget()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var stored = await StoredCase.CreateAsync(database, decided: Money.FromRupees(20_000), budget: Money.FromRupees(10_000));
        var totals = new FundingTotals();
        await PostTwiceThenRollBackAsync(database, totals, stored);

        var entry = await new DisbursementService(database, database.Clock, totals)
            .ApproveAsync(await stored.RecordAsync(Money.FromRupees(10_000)), Actors.Manager, Cancel);

        Assert.Equal(1, entry.Sequence);
    }

    [Fact]
    public async Task Postings_rolled_back_and_replaced_by_others_at_the_same_sequence_are_told_apart()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var stored = await StoredCase.CreateAsync(database, decided: Money.FromRupees(20_000), budget: Money.FromRupees(10_000));
        var totals = new FundingTotals();
        await PostTwiceThenRollBackAsync(database, totals, stored);
        // Another instance then posts entries #1 and #2 of its own: the same sequences, other entries.
        var elsewhere = new DisbursementService(database, database.Clock, new FundingTotals());
        await elsewhere.ApproveAsync(await stored.RecordAsync(Money.FromRupees(500)), Actors.Manager, Cancel);
        await elsewhere.ApproveAsync(await stored.RecordAsync(Money.FromRupees(500)), Actors.Manager, Cancel);

        var entry = await new DisbursementService(database, database.Clock, totals)
            .ApproveAsync(await stored.RecordAsync(Money.FromRupees(9_000)), Actors.Manager, Cancel);

        Assert.Equal(3, entry.Sequence);
        Assert.True((await database.Ledger.VerifyChainAsync(Cancel)).IsIntact);
    }

    /// <summary>
    /// Two postings in one transaction, as the demo loader makes them: the second one's budget
    /// check folds the first, not yet committed, into the totals. Then the transaction rolls back.
    /// </summary>
    private static async Task PostTwiceThenRollBackAsync(TestDatabase database, FundingTotals totals, StoredCase stored)
    {
        var first = await stored.RecordAsync(Money.FromRupees(4_000));
        var second = await stored.RecordAsync(Money.FromRupees(4_000));
        await using var db = database.CreateDbContext();
        db.ActingAs(Actors.Manager);
        await using (var transaction = await db.Database.BeginTransactionAsync(Cancel))
        {
            var book = new LedgerBook(db, totals);
            foreach (var id in new[] { first, second })
            {
                var request = await db.DisbursementRequests.SingleAsync(r => r.Id == id, Cancel);
                await book.ApproveAsync(request, Actors.Manager, database.Clock.GetUtcNow(), Cancel);
            }

            await transaction.RollbackAsync(Cancel);
        }

        await using var after = database.CreateDbContext();
        Assert.Equal(0, await after.LedgerEntries.CountAsync(Cancel));
    }

    public sealed class OnSqlite() : FundingTotalsTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : FundingTotalsTests(DatabaseProvider.Postgres);
}
