using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Tests.Domain;
using Kaarya.Web.Data;
using Kaarya.Web.Features.Funding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Kaarya.Tests.Data;

/// <summary>
/// The database keeps the disbursements still waiting for their first utilisation report, which
/// the dashboard counts: each posted disbursement waits until it is reported on or reversed, and a
/// database brought up from before the list existed starts with the ledger's own.
/// </summary>
public abstract class AwaitedReportsTests(DatabaseProvider provider)
{
    /// <summary>The last migration before the database kept the list.</summary>
    private const string BeforeTheList = "DataProtectionKeys";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_posted_disbursement_waits_for_its_report_from_its_value_date()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var stored = await StoredCase.CreateAsync(database);

        var entry = await stored.PostAsync(Money.FromRupees(5_000));

        var awaited = Assert.Single(await AwaitedAsync(database));
        Assert.Equal(entry.Sequence, awaited.LedgerSequence);
        Assert.Equal(entry.ValueDate, awaited.PaidOn);
    }

    [Fact]
    public async Task A_report_or_a_reversal_ends_the_wait_and_a_second_report_changes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var stored = await StoredCase.CreateAsync(database);
        var reported = await stored.PostAsync(Money.FromRupees(5_000));
        var reversed = await stored.PostAsync(Money.FromRupees(4_000));
        var waiting = await stored.PostAsync(Money.FromRupees(3_000));

        await ReportAsync(database, reported.Sequence, Money.FromRupees(2_000));
        await ReportAsync(database, reported.Sequence, Money.FromRupees(1_000));
        await stored.Service.ReverseAsync(reversed.Sequence, Actors.Manager, "Paid to the wrong account", Days.Paid, Cancel);

        Assert.Equal([waiting.Sequence], (await AwaitedAsync(database)).Select(a => a.LedgerSequence));
    }

    [Fact]
    public async Task A_database_from_before_the_list_starts_with_the_disbursements_its_ledger_still_awaits()
    {
        // The ledger is written with today's model, then the schema is taken back to before the list
        // (its table and triggers dropped, later columns too), as a database of that time would be.
        await using var database = await TestDatabase.CreateAsync(provider);
        var stored = await StoredCase.CreateAsync(database);
        var reported = await stored.PostAsync(Money.FromRupees(5_000));
        var reversed = await stored.PostAsync(Money.FromRupees(4_000));
        var waiting = await stored.PostAsync(Money.FromRupees(3_000));
        await ReportAsync(database, reported.Sequence, Money.FromRupees(5_000));
        await stored.Service.ReverseAsync(reversed.Sequence, Actors.Manager, "Paid to the wrong account", Days.Paid, Cancel);
        await MigrateAsync(database, BeforeTheList);

        await MigrateAsync(database, target: null);

        Assert.Equal([waiting.Sequence], (await AwaitedAsync(database)).Select(a => a.LedgerSequence));
        var later = await stored.PostAsync(Money.FromRupees(1_000));
        Assert.Equal([waiting.Sequence, later.Sequence], (await AwaitedAsync(database)).Select(a => a.LedgerSequence));
    }

    private static async Task ReportAsync(TestDatabase database, long sequence, Money amount) =>
        await new UtilisationService(database).RecordAsync(
            new UtilisationInput
            {
                LedgerSequence = sequence,
                ReportedOn = Days.Paid.AddDays(30),
                Items = [new UtilisationItemInput { Description = "Twenty chicks", Amount = amount.Format(withSymbol: false) }],
            },
            Actors.Staff,
            Cancel);

    private static async Task<List<AwaitedUtilisationReport>> AwaitedAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        return await db.AwaitedUtilisationReports.AsNoTracking().OrderBy(a => a.LedgerSequence).ToListAsync(Cancel);
    }

    private static async Task MigrateAsync(TestDatabase database, string? target)
    {
        await using var db = database.CreateDbContext();
        await db.GetService<IMigrator>().MigrateAsync(target, Cancel);
    }

    public sealed class OnSqlite() : AwaitedReportsTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : AwaitedReportsTests(DatabaseProvider.Postgres);
}
