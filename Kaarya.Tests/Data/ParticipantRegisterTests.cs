using Kaarya.Domain.Access;
using Kaarya.Tests.Domain;
using Kaarya.Web.Data;
using Kaarya.Web.Data.Seed;
using Kaarya.Web.Features.Participants;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Tests.Data;

/// <summary>The register of participants: sorted, filtered and paged by the database, on the demo programme.</summary>
public abstract class ParticipantRegisterTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private ParticipantDirectory Directory => new(_database, _database.Audit);

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
    public async Task A_social_worker_sees_her_caseload_first_then_everyone_else_in_order()
    {
        await using (var db = _database.CreateDbContext())
        {
            db.ActingAs(Actors.Manager);
            foreach (var code in new[] { "KAA-07", "KAA-03" })
            {
                var participant = await db.Participants.SingleAsync(p => p.Code == Kaarya.Domain.Participants.ParticipantCode.Create(code), Cancel);
                participant.AssignSocialWorker(Actors.Staff.UserId, Actors.Manager);
            }

            await db.SaveChangesAsync(Cancel);
        }

        var page = await Directory.PageAsync(new ParticipantQuery { PageSize = 5 }, Staff, Cancel);

        Assert.Equal(["KAA-03", "KAA-07", "KAA-01", "KAA-02", "KAA-04"], page.Items.Select(r => r.Code.Value));
        Assert.Equal([true, true, false, false, false], page.Items.Select(r => r.InMyCaseload));
    }

    [Fact]
    public async Task Sorted_by_village_then_code_across_pages_without_losing_or_repeating_anyone()
    {
        await using var db = _database.CreateDbContext();
        var expected = (await db.Participants.AsNoTracking().ToListAsync(Cancel))
            .OrderBy(p => p.Village, StringComparer.Ordinal).ThenBy(p => p.Code.Value, StringComparer.Ordinal)
            .Select(p => p.Code.Value).ToList();

        var first = await Directory.PageAsync(new ParticipantQuery { PageSize = 4, SortBy = ParticipantSort.Village }, Staff, Cancel);
        var rest = await Directory.PageAsync(new ParticipantQuery { PageSize = 4, Page = 1, SortBy = ParticipantSort.Village }, Staff, Cancel);
        var last = await Directory.PageAsync(new ParticipantQuery { PageSize = 4, Page = 2, SortBy = ParticipantSort.Village }, Staff, Cancel);

        Assert.Equal(expected, first.Items.Concat(rest.Items).Concat(last.Items).Select(p => p.Code.Value));
        Assert.Equal(expected.Count, first.TotalCount);
    }

    [Fact]
    public async Task Names_sort_descending_when_asked()
    {
        var page = await Directory.PageAsync(new ParticipantQuery { SortBy = ParticipantSort.Name, Descending = true }, Staff, Cancel);

        Assert.Equal(page.Items.Select(p => p.GivenName).OrderDescending(StringComparer.Ordinal), page.Items.Select(p => p.GivenName));
    }

    [Fact]
    public async Task The_village_and_phase_filters_keep_only_those_who_live_there_or_enrolled_then()
    {
        await using var db = _database.CreateDbContext();
        var all = await db.Participants.AsNoTracking().ToListAsync(Cancel);
        var village = all.GroupBy(p => p.Village).OrderByDescending(g => g.Count()).First().Key;
        var phase = (await db.Programmes.SingleAsync(Cancel)).Phases.OrderBy(p => p.StartsOn).Last();

        var inVillage = await Directory.PageAsync(new ParticipantQuery { Village = village }, Staff, Cancel);
        var inPhase = await Directory.PageAsync(new ParticipantQuery { PhaseId = phase.Id }, Staff, Cancel);

        Assert.Equal(all.Where(p => p.Village == village).Select(p => p.Code.Value).Order(), inVillage.Items.Select(p => p.Code.Value).Order());
        Assert.Equal(all.Where(p => p.EnrolmentIn(phase.Id) is not null).Select(p => p.Code.Value).Order(), inPhase.Items.Select(p => p.Code.Value).Order());
        Assert.NotEmpty(inPhase.Items);
        Assert.True(inPhase.Items.Count < all.Count || all.All(p => p.EnrolmentIn(phase.Id) is not null));
    }

    public sealed class OnSqlite() : ParticipantRegisterTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : ParticipantRegisterTests(DatabaseProvider.Postgres);
}
