using Kaarya.Domain.Access;
using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Tests.Domain;
using Kaarya.Tests.Security;
using Kaarya.Web.Data;
using Kaarya.Web.Data.Seed;
using Kaarya.Web.Features.Funding;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Tests.Data;

/// <summary>The register of decisions across the programme, on the demo programme.</summary>
public abstract class DecisionRegisterTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private DecisionRegister Register => new(_database, _database.Audit, _database.Clock);

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await new DemoDataLoader(_database, new DatabaseOptions()).LoadIfEmptyAsync(Cancel);
    }

    public async ValueTask DisposeAsync()
    {
        // Null when the database could not be made (PostgreSQL not configured: the test is skipped).
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Every_decision_is_listed_once_with_what_was_paid_against_it()
    {
        await using var db = _database.CreateDbContext();
        var decisions = await db.DisbursementDecisions.AsNoTracking().ToListAsync(Cancel);
        var entries = await db.LedgerEntries.AsNoTracking().ToListAsync(Cancel);

        var page = await Register.PageAsync(new DecisionRegisterQuery { PageSize = 200 }, Viewer.Staff(Actors.Staff), Cancel);

        Assert.Equal(decisions.Count, page.TotalCount);
        Assert.Equal(decisions.Count, page.Items.Count);
        Assert.Equal(Money.Sum(entries.Select(e => e.Amount)), Money.Sum(page.Items.Select(r => r.Paid)));
        Assert.Equal(page.Items.Select(r => r.DecidedOn).OrderDescending(), page.Items.Select(r => r.DecidedOn));
    }

    [Fact]
    public async Task Delayed_decisions_past_their_family_discussion_are_the_overdue_ones()
    {
        _database.Clock.SetUtcNow(new DateTimeOffset(2014, 6, 1, 6, 0, 0, TimeSpan.Zero));
        await using var db = _database.CreateDbContext();
        var today = new DateOnly(2014, 6, 1);
        var expected = (await db.DisbursementDecisions.AsNoTracking().ToListAsync(Cancel)).Count(d => d.IsFollowUpOverdue(today));

        var delayed = await Register.PageAsync(new DecisionRegisterQuery { Kind = DecisionKind.Delayed }, Viewer.Staff(Actors.Staff), Cancel);
        var overdue = await Register.PageAsync(new DecisionRegisterQuery { OverdueOnly = true }, Viewer.Staff(Actors.Staff), Cancel);

        Assert.All(delayed.Items, r => Assert.Equal(DecisionKind.Delayed, r.Kind));
        Assert.True(expected > 0);
        Assert.Equal(expected, overdue.TotalCount);
        Assert.All(overdue.Items, r => Assert.True(r.FollowUpOverdue));
    }

    [Fact]
    public async Task An_auditor_reads_the_register_and_a_mentor_is_refused_and_audited()
    {
        var auditor = await DemoViewers.ForAsync(_database, "auditor.kp");
        var mentor = await DemoViewers.ForAsync(_database, "mentor.bina");

        Assert.NotEmpty((await Register.PageAsync(new DecisionRegisterQuery(), auditor, Cancel)).Items);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Register.PageAsync(new DecisionRegisterQuery(), mentor, Cancel));

        await using var db = _database.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.UserId == "mentor.bina" && a.RecordId == "register" && a.RecordType == "Decision", Cancel));
    }

    public sealed class OnSqlite() : DecisionRegisterTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : DecisionRegisterTests(DatabaseProvider.Postgres);
}
