using Kaarya.Domain.Participants;
using Kaarya.Tests.Domain;
using Kaarya.Tests.Security;
using Kaarya.Web.Data;
using Kaarya.Web.Data.Seed;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Tests.Data;

/// <summary>A mentor opens a survivor's records only on the days her assignment covers: not before its start, not after its last day.</summary>
public abstract class MentorAccessByDateTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateOnly Starts = new(2013, 9, 10);
    private static readonly DateOnly LastDay = new(2013, 9, 20);

    private TestDatabase _database = null!;
    private Guid _kaa05;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await new DemoDataLoader(_database, new DatabaseOptions()).LoadIfEmptyAsync(Cancel);
        await using var db = _database.CreateDbContext();
        db.ActingAs(Actors.Manager);
        var kaa05 = await db.Participants.SingleAsync(p => p.Code == ParticipantCode.Create("KAA-05"), Cancel);
        var assignment = MentorAssignment.Assign(Actors.Manager, "mentor.bina", kaa05, Starts, []);
        assignment.End(LastDay, Actors.Manager);
        db.MentorAssignments.Add(assignment);
        await db.SaveChangesAsync(Cancel);
        _kaa05 = kaa05.Id;
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    [Theory]
    [InlineData("2013-09-09", false)]
    [InlineData("2013-09-10", true)]
    [InlineData("2013-09-20", true)]
    [InlineData("2013-09-21", false)]
    public async Task Her_survivors_are_those_her_assignments_cover_today(string today, bool covered)
    {
        // Noon in India on the day.
        _database.Clock.SetUtcNow(new DateTimeOffset(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), new TimeOnly(6, 30), TimeSpan.Zero));

        var mentor = await DemoViewers.ForAsync(_database, "mentor.bina");

        Assert.Equal(covered, mentor.MentoredParticipantIds.Contains(_kaa05));
    }

    public sealed class OnSqlite() : MentorAccessByDateTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : MentorAccessByDateTests(DatabaseProvider.Postgres);
}
