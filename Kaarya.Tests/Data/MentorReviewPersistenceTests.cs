using System.Data.Common;
using Kaarya.Domain.Access;
using Kaarya.Domain.Common;
using Kaarya.Domain.Participants;
using Kaarya.Domain.Plans;
using Kaarya.Domain.Reviews;
using Kaarya.Tests.Security;
using Kaarya.Web.Auditing;
using Kaarya.Web.Data;
using Kaarya.Web.Data.Seed;
using Kaarya.Web.Features.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Tests.Data;

/// <summary>
/// Reviews of her plan stored in SQLite through the use cases, on the demo programme: mentor.bina
/// is assigned KAA-01 and KAA-03, not KAA-02; kaa-03 is the survivor KAA-03.
/// </summary>
public abstract class MentorReviewPersistenceTests(DatabaseProvider provider) : IAsyncLifetime
{
    /// <summary>Two weeks after version 2 of KAA-03's plan (25-01-2014), in the evening in India.</summary>
    private static readonly DateTimeOffset Evening = new(2014, 2, 8, 12, 0, 0, TimeSpan.Zero);

    private static readonly DateOnly ReviewDay = new(2014, 2, 8);

    private TestDatabase _database = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private MentorReviewService Service => new(_database, _database.Gate, _database.Clock);

    private MentorReviewReader Reader => new(_database, _database.Gate);

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await new DemoDataLoader(_database, new DatabaseOptions()).LoadIfEmptyAsync(Cancel);
        _database.Clock.SetUtcNow(Evening);
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
    public async Task Her_assigned_mentor_records_a_review_section_by_section_and_staff_read_the_history()
    {
        var mentor = await DemoViewers.ForAsync(_database, "mentor.bina");
        var plan = await LatestPlanAsync("KAA-03");

        var recorded = await Service.RecordAsync(Review(plan), mentor, Cancel);

        var staff = await DemoViewers.ForAsync(_database, "staff.rina");
        var history = await Reader.ForBusinessAsync(plan.BusinessId, staff, Cancel);
        var read = history.Single(r => r.Id == recorded.Id);
        Assert.Equal(recorded.Id, read.Id);
        Assert.Equal("mentor.bina", read.MentorUserId);
        Assert.Equal(plan.Version, read.PlanVersion);
        Assert.Equal(ReviewDay, read.ReviewedOn);
        Assert.Equal(Evening, read.RecordedAt);
        Assert.Equal(new DateOnly(2014, 3, 15), read.NextReviewOn);
        Assert.Equal([PlanPart.Customers, PlanPart.NextSteps], read.SectionNotes.Select(n => n.Part));
        Assert.Equal("Ask the school for the uniform order.", read.SectionNotes[0].Note);
        Assert.Equal("Add the school uniforms to the plan.", read.ChangesAgreed);
        Assert.False(read.IsAcknowledged);
        Assert.True(history.Zip(history.Skip(1)).All(pair => pair.First.ReviewedOn >= pair.Second.ReviewedOn));
    }

    [Fact]
    public async Task A_mentor_not_assigned_to_her_is_refused_and_the_attempt_is_audited()
    {
        var mentor = await DemoViewers.ForAsync(_database, "mentor.bina");
        var unassigned = await LatestPlanAsync("KAA-02");
        var before = await CountReviewsAsync();

        await Assert.ThrowsAsync<AccessDeniedException>(() => Service.RecordAsync(Review(unassigned), mentor, Cancel));

        Assert.Equal(before, await CountReviewsAsync());
        Assert.Single(await RefusalsByAsync("mentor.bina"));
    }

    [Fact]
    public async Task A_mentor_whose_assignment_began_after_the_review_date_is_refused_with_a_clear_sentence()
    {
        var plan = await PlanAsync("KAA-01", version: 1);
        var review = Review(plan);
        review.ReviewedOn = new DateOnly(2013, 5, 20);
        await using (var db = _database.CreateDbContext())
        {
            // Her assignment to bina ended in April and began again in June: bina was not her mentor on 20 May.
            db.ActingAs(new Actor("manager.sutapa", KaaryaRole.ProgrammeManager));
            var participantId = await db.Businesses.Where(b => b.Id == plan.BusinessId).Select(b => b.ParticipantId).SingleAsync(Cancel);
            var assignment = await db.MentorAssignments.SingleAsync(a => a.ParticipantId == participantId && a.MentorUserId == "mentor.bina", Cancel);
            assignment.End(new DateOnly(2013, 4, 30), Kaarya.Tests.Domain.Actors.Manager);
            var participant = await db.Participants.SingleAsync(p => p.Id == participantId, Cancel);
            db.MentorAssignments.Add(new MentorAssignment("mentor.bina", participant, new DateOnly(2013, 6, 1)));
            await db.SaveChangesAsync(Cancel);
        }

        var mentor = await DemoViewers.ForAsync(_database, "mentor.bina");
        var refusal = await Assert.ThrowsAsync<DomainException>(() => Service.RecordAsync(review, mentor, Cancel));

        Assert.Equal("not-assigned", refusal.Code);
        Assert.Equal("You were not her assigned mentor on 20-05-2013, so you cannot record a review of her plan. Only a mentor assigned to her can.", refusal.Message);
    }

    [Fact]
    public async Task Staff_do_not_record_reviews_and_the_attempt_is_audited()
    {
        var staff = await DemoViewers.ForAsync(_database, "staff.rina");
        var plan = await LatestPlanAsync("KAA-03");
        var before = await CountReviewsAsync();

        var refusal = await Assert.ThrowsAsync<DomainException>(() => Service.RecordAsync(Review(plan), staff, Cancel));

        Assert.Equal(MentorReview.NotMentorCode, refusal.Code);
        Assert.Equal(before, await CountReviewsAsync());
        Assert.Equal("KAA-03", Assert.Single(await RefusalsByAsync("staff.rina")).RecordId);
    }

    [Fact]
    public async Task She_acknowledges_the_review_herself_and_the_acknowledgement_is_hers_with_its_moment()
    {
        var review = await RecordedReviewAsync();
        _database.Clock.Advance(TimeSpan.FromMinutes(6));
        var her = await DemoViewers.ForAsync(_database, "kaa-03");

        await Service.AcknowledgeAsync(review.Id, her, Cancel);

        var read = await Reader.GetAsync(review.Id, await DemoViewers.ForAsync(_database, "staff.mousumi"), Cancel);
        Assert.True(read.IsAcknowledged);
        Assert.Equal("kaa-03", read.Acknowledgement!.AcknowledgedBy);
        Assert.Equal(Evening.AddMinutes(6), read.Acknowledgement.AcknowledgedAt);
        Assert.Null(read.UpdatedAt);
        await using var db = _database.CreateDbContext();
        var audited = await db.AuditEntries.SingleAsync(
            a => a.Action == AuditAction.Created && a.RecordId == review.Id.ToString() && a.RecordType == $"{nameof(MentorReview)}.{nameof(ReviewAcknowledgement)}", Cancel);
        Assert.Equal("kaa-03", audited.UserId);
    }

    [Fact]
    public async Task A_mentor_cannot_acknowledge_a_review_for_her_and_the_attempt_is_audited()
    {
        var review = await RecordedReviewAsync();
        var mentor = await DemoViewers.ForAsync(_database, "mentor.bina");

        var refusal = await Assert.ThrowsAsync<DomainException>(() => Service.AcknowledgeAsync(review.Id, mentor, Cancel));

        Assert.Equal(MentorReview.NotHerAcknowledgementCode, refusal.Code);
        Assert.False((await Reader.GetAsync(review.Id, mentor, Cancel)).IsAcknowledged);
        Assert.Contains(await RefusalsByAsync("mentor.bina"), r => r.Summary.Contains("cannot acknowledge", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_survivor_cannot_acknowledge_her_review()
    {
        var review = await RecordedReviewAsync();
        var someoneElse = await DemoViewers.ForAsync(_database, "kaa-01");

        await Assert.ThrowsAsync<AccessDeniedException>(() => Service.AcknowledgeAsync(review.Id, someoneElse, Cancel));
    }

    [Fact]
    public async Task Acknowledging_twice_is_refused_and_the_first_acknowledgement_stands()
    {
        var review = await RecordedReviewAsync();
        var her = await DemoViewers.ForAsync(_database, "kaa-03");
        await Service.AcknowledgeAsync(review.Id, her, Cancel);
        _database.Clock.Advance(TimeSpan.FromDays(1));

        var refusal = await Assert.ThrowsAsync<DomainException>(() => Service.AcknowledgeAsync(review.Id, her, Cancel));

        Assert.Equal("already-acknowledged", refusal.Code);
        Assert.Equal(Evening, (await Reader.GetAsync(review.Id, her, Cancel)).Acknowledgement!.AcknowledgedAt);
    }

    [Fact]
    public async Task Reviews_and_acknowledgements_cannot_be_changed_or_deleted_even_by_raw_sql()
    {
        var review = await RecordedReviewAsync();
        await Service.AcknowledgeAsync(review.Id, await DemoViewers.ForAsync(_database, "kaa-03"), Cancel);

        var reword = await Assert.ThrowsAnyAsync<DbException>(() => _database.ExecuteRawAsync("UPDATE \"MentorReviews\" SET \"ChangesAgreed\" = 'None'"));
        var remove = await Assert.ThrowsAnyAsync<DbException>(() => _database.ExecuteRawAsync("DELETE FROM \"MentorReviews\""));
        var reassign = await Assert.ThrowsAnyAsync<DbException>(() => _database.ExecuteRawAsync("UPDATE \"MentorReviewAcknowledgements\" SET \"AcknowledgedBy\" = 'mentor.bina'"));
        var unacknowledge = await Assert.ThrowsAnyAsync<DbException>(() => _database.ExecuteRawAsync("DELETE FROM \"MentorReviewAcknowledgements\""));

        Assert.Contains(HerVoiceGuard.ReviewRefused, reword.Message, StringComparison.Ordinal);
        Assert.Contains(HerVoiceGuard.ReviewRefused, remove.Message, StringComparison.Ordinal);
        Assert.Contains(HerVoiceGuard.AcknowledgementRefused, reassign.Message, StringComparison.Ordinal);
        Assert.Contains(HerVoiceGuard.AcknowledgementRefused, unacknowledge.Message, StringComparison.Ordinal);
        Assert.Equal("kaa-03", (await Reader.GetAsync(review.Id, await DemoViewers.ForAsync(_database, "staff.rina"), Cancel)).Acknowledgement!.AcknowledgedBy);
    }

    [Fact]
    public async Task The_auditor_cannot_read_the_reviews()
    {
        var business = await DemoViewers.BusinessOfAsync(_database, "KAA-03");

        await Assert.ThrowsAsync<AccessDeniedException>(() => Reader.ForBusinessAsync(business, new Viewer(DemoViewers.Auditor, null, new HashSet<Guid>()), Cancel));
    }

    private static MentorReviewInput Review(BusinessPlan plan)
    {
        var input = MentorReviewInput.For(plan, ReviewDay);
        input.Discussed = "Went through the plan at her house.";
        input.Section(PlanPart.Customers).Note = "Ask the school for the uniform order.";
        input.Section(PlanPart.NextSteps).Note = "Buy thread before the price rises.";
        input.ChangesAgreed = "Add the school uniforms to the plan.";
        input.NextReviewOn = new DateOnly(2014, 3, 15);
        return input;
    }

    private async Task<MentorReview> RecordedReviewAsync() =>
        await Service.RecordAsync(Review(await LatestPlanAsync("KAA-03")), await DemoViewers.ForAsync(_database, "mentor.bina"), Cancel);

    private Task<BusinessPlan> LatestPlanAsync(string code) => PlanAsync(code, version: null);

    private async Task<BusinessPlan> PlanAsync(string code, int? version)
    {
        await using var db = _database.CreateDbContext();
        var businesses = await db.Businesses
            .Join(db.Participants, b => b.ParticipantId, p => p.Id, (b, p) => new { b.Id, p.Code })
            .ToListAsync(Cancel);
        var theirs = businesses.Where(b => b.Code.Value == code).Select(b => b.Id).ToList();
        return await db.BusinessPlans.AsNoTracking()
            .Where(p => theirs.Contains(p.BusinessId) && (version == null || p.Version == version))
            .OrderByDescending(p => p.Version)
            .FirstAsync(Cancel);
    }

    private async Task<int> CountReviewsAsync()
    {
        await using var db = _database.CreateDbContext();
        return await db.MentorReviews.CountAsync(Cancel);
    }

    private async Task<List<AuditEntry>> RefusalsByAsync(string userId)
    {
        await using var db = _database.CreateDbContext();
        return await db.AuditEntries.Where(a => a.Action == AuditAction.AccessRefused && a.UserId == userId).ToListAsync(Cancel);
    }

    public sealed class OnSqlite() : MentorReviewPersistenceTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : MentorReviewPersistenceTests(DatabaseProvider.Postgres);
}
