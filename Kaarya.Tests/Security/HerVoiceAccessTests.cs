using Kaarya.Domain.Access;
using Kaarya.Tests.Data;
using Kaarya.Web.Auditing;
using Kaarya.Web.Data;
using Kaarya.Web.Data.Seed;
using Kaarya.Web.Features.Reviews;
using Kaarya.Web.Features.Voice;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Tests.Security;

/// <summary>
/// Who may read her words and the reviews of her plan, checked at the use cases on the demo
/// programme: the same people who may open her record, each view by anyone but herself audited.
/// </summary>
public sealed class HerVoiceAccessTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private HerVoiceReader Voice => new(_database, _database.Gate);

    private MentorReviewReader Reviews => new(_database, _database.Gate);

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await new DemoDataLoader(_database, new DatabaseOptions()).LoadIfEmptyAsync(Cancel);
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task She_her_mentor_and_staff_read_her_words_and_reviews_and_only_the_others_views_are_audited()
    {
        var business = await DemoViewers.BusinessOfAsync(_database, "KAA-01");

        foreach (var user in new[] { "kaa-01", "mentor.bina", "staff.rina" })
        {
            var viewer = await DemoViewers.ForAsync(_database, user);
            await Voice.ForBusinessAsync(business, viewer, Cancel);
            await Reviews.ForBusinessAsync(business, viewer, Cancel);
        }

        await using var db = _database.CreateDbContext();
        var views = await db.AuditEntries.Where(a => a.Action == AuditAction.Viewed).ToListAsync(Cancel);
        Assert.Equal(["mentor.bina", "mentor.bina", "staff.rina", "staff.rina"], views.Select(v => v.UserId).Order());
        Assert.All(views, v => Assert.Equal("KAA-01", v.RecordId));
    }

    [Fact]
    public async Task Another_survivor_an_unassigned_mentor_and_the_auditor_are_refused_and_audited()
    {
        var kaa02 = await DemoViewers.BusinessOfAsync(_database, "KAA-02");
        var kaa03 = await DemoViewers.BusinessOfAsync(_database, "KAA-03");
        var attempts = new (string User, Guid Business)[] { ("kaa-01", kaa03), ("mentor.bina", kaa02), ("auditor.kp", kaa03) };

        foreach (var (user, business) in attempts)
        {
            var viewer = await DemoViewers.ForAsync(_database, user);
            await Assert.ThrowsAsync<AccessDeniedException>(() => Voice.ForBusinessAsync(business, viewer, Cancel));
            await Assert.ThrowsAsync<AccessDeniedException>(() => Reviews.ForBusinessAsync(business, viewer, Cancel));
        }

        await using var db = _database.CreateDbContext();
        var refused = await db.AuditEntries.Where(a => a.Action == AuditAction.AccessRefused).ToListAsync(Cancel);
        Assert.Equal(6, refused.Count);
        Assert.DoesNotContain(await db.AuditEntries.ToListAsync(Cancel), a => a.Action == AuditAction.Viewed);
    }
}
