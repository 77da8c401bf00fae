using Kaarya.Domain.Access;
using Kaarya.Domain.Businesses;
using Kaarya.Tests.Domain;
using Kaarya.Tests.Security;
using Kaarya.Web.Auditing;
using Kaarya.Web.Data;
using Kaarya.Web.Data.Seed;
using Kaarya.Web.Features.Businesses;
using Kaarya.Web.Features.Funding;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Tests.Data;

/// <summary>The businesses grid: paging, sorting, filtering and search done by the database, on the demo programme.</summary>
public abstract class BusinessGridTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private BusinessDirectory Directory => new(_database, _database.Gate);

    private static Viewer Staff => Viewer.Staff(Actors.Staff);

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
    public async Task Pages_split_the_businesses_without_losing_or_repeating_one()
    {
        var first = await Directory.PageAsync(new BusinessQuery { PageSize = 10 }, Staff, Cancel);
        var second = await Directory.PageAsync(new BusinessQuery { PageSize = 10, Page = 1 }, Staff, Cancel);

        Assert.Equal(15, first.TotalCount);
        Assert.Equal(10, first.Items.Count);
        Assert.Equal(5, second.Items.Count);
        Assert.Equal(15, first.Items.Concat(second.Items).Select(b => b.Id).Distinct().Count());
        Assert.Equal(first.Items.Select(b => b.ParticipantCode.Value).Order(StringComparer.Ordinal), first.Items.Select(b => b.ParticipantCode.Value));
    }

    [Fact]
    public async Task Filters_by_stage_and_status_combine()
    {
        var closed = await Directory.PageAsync(new BusinessQuery { Status = BusinessStatus.Closed }, Staff, Cancel);
        var runningInExpansion = await Directory.PageAsync(new BusinessQuery { Status = BusinessStatus.Running, Stage = LifecycleStage.Expansion }, Staff, Cancel);

        Assert.Equal(5, closed.TotalCount);
        Assert.All(closed.Items, b => Assert.Equal(BusinessStatus.Closed, b.Status));
        var expansion = Assert.Single(runningInExpansion.Items);
        Assert.Equal(LifecycleStage.Expansion, expansion.Stage);
    }

    [Fact]
    public async Task Search_finds_a_code_and_a_name_but_names_only_for_staff()
    {
        var byCode = await Directory.PageAsync(new BusinessQuery { Search = "kaa-03" }, Staff, Cancel);
        var byGivenName = await Directory.PageAsync(new BusinessQuery { Search = "আসমা" }, Staff, Cancel);
        var auditor = await DemoViewers.ForAsync(_database, "auditor.kp");
        var auditorByName = await Directory.PageAsync(new BusinessQuery { Search = "আসমা" }, auditor, Cancel);

        Assert.NotEmpty(byCode.Items);
        Assert.All(byCode.Items, b => Assert.Equal("KAA-03", b.ParticipantCode.Value));
        Assert.Equal(byCode.Items.Select(b => b.Id).Order(), byGivenName.Items.Select(b => b.Id).Order());
        Assert.Equal(0, auditorByName.TotalCount);
    }

    [Fact]
    public async Task Sorting_by_money_disbursed_puts_the_largest_first()
    {
        var page = await Directory.PageAsync(new BusinessQuery { SortBy = BusinessSort.Disbursed, Descending = true, PageSize = 5 }, Staff, Cancel);

        Assert.Equal(page.Items.Select(b => b.Disbursed).OrderDescending(), page.Items.Select(b => b.Disbursed));
        Assert.True(page.Items[0].Disbursed.IsPositive);
    }

    [Fact]
    public async Task Filters_by_phase_village_and_funder_combine()
    {
        var phases = await new BusinessFilterChoices(_database, _database.Audit).PhasesAsync(Cancel);
        var funder = Assert.Single(await new FunderDirectory(_database).AllAsync(Cancel));
        var renewed = phases.Single(p => p.Name == "Phase 2 (renewed with GGBK)").Id;

        var inRenewedPhase = await Directory.PageAsync(new BusinessQuery { PhaseId = renewed }, Staff, Cancel);
        var inMadhabpurChar = await Directory.PageAsync(new BusinessQuery { Village = " Madhabpur Char " }, Staff, Cancel);
        var paidInMadhabpurChar = await Directory.PageAsync(new BusinessQuery { Village = "Madhabpur Char", FunderId = funder.Id, PhaseId = renewed }, Staff, Cancel);
        var paidClosed = await Directory.PageAsync(new BusinessQuery { FunderId = funder.Id, Status = BusinessStatus.Closed }, Staff, Cancel);

        Assert.Equal(10, inRenewedPhase.TotalCount);
        Assert.Equal(["Madhabpur bangles and cosmetics", "Madhabpur zari embroidery"], inMadhabpurChar.Items.Select(b => b.Name).Order(StringComparer.Ordinal));
        Assert.Equal("Madhabpur bangles and cosmetics", Assert.Single(paidInMadhabpurChar.Items).Name);
        Assert.Equal(0, paidClosed.TotalCount);
    }

    [Fact]
    public async Task Villages_are_offered_to_those_who_list_businesses_and_refused_to_a_survivor_with_an_audit_entry()
    {
        var choices = new BusinessFilterChoices(_database, _database.Audit);
        var auditor = await DemoViewers.ForAsync(_database, "auditor.kp");
        var mentor = await DemoViewers.ForAsync(_database, "mentor.bina");
        var survivor = await DemoViewers.ForAsync(_database, "kaa-01");

        Assert.Equal(10, (await choices.VillagesAsync(auditor, Cancel)).Count);
        Assert.Equal(["Hogla Dwip", "Kadamtala Char"], await choices.VillagesAsync(mentor, Cancel));
        await Assert.ThrowsAsync<AccessDeniedException>(() => choices.VillagesAsync(survivor, Cancel));

        await using var db = _database.CreateDbContext();
        var refusal = await db.AuditEntries.SingleAsync(a => a.Action == AuditAction.AccessRefused, Cancel);
        Assert.Equal(("kaa-01", "villages"), (refusal.UserId, refusal.RecordId));
    }

    [Fact]
    public async Task A_mentor_pages_through_her_survivors_only()
    {
        var mentor = await DemoViewers.ForAsync(_database, "mentor.bina");

        var page = await Directory.PageAsync(new BusinessQuery(), mentor, Cancel);

        Assert.All(page.Items, b => Assert.Contains(b.ParticipantCode.Value, new[] { "KAA-01", "KAA-03" }));
        Assert.Equal(page.Items.Count, page.TotalCount);
    }

    public sealed class OnSqlite() : BusinessGridTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : BusinessGridTests(DatabaseProvider.Postgres);
}
