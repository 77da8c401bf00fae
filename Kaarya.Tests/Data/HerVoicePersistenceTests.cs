using System.Data.Common;
using Kaarya.Domain.Access;
using Kaarya.Domain.Assessments;
using Kaarya.Domain.Common;
using Kaarya.Domain.Participants;
using Kaarya.Domain.Plans;
using Kaarya.Domain.Voice;
using Kaarya.Tests.Domain;
using Kaarya.Tests.Security;
using Kaarya.Web.Auditing;
using Kaarya.Web.Data;
using Kaarya.Web.Data.Seed;
using Kaarya.Web.Features.Voice;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Tests.Data;

/// <summary>
/// Her words and her answers, stored in SQLite through the use cases, on the demo programme:
/// kaa-01 and kaa-03 are the survivors KAA-01 and KAA-03; mentor.bina is assigned to both.
/// </summary>
public abstract class HerVoicePersistenceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private HerVoiceService Service => new(_database, _database.Gate, _database.Clock);

    private HerVoiceReader Reader => new(_database, _database.Gate);

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
    public async Task She_writes_her_words_beside_her_plan_and_everyone_who_may_open_her_record_reads_them_as_hers()
    {
        var her = await DemoViewers.ForAsync(_database, "kaa-01");
        var plan = await LatestPlanAsync("KAA-01");

        var stored = await Service.WriteAsync(Words(plan, PlanPart.Costs, "চালের দাম বেড়েছে, তাই খরচ বেশি।"), her, Cancel);

        foreach (var reader in new[] { "kaa-01", "mentor.bina", "staff.rina", "manager.sutapa" })
        {
            var voice = await Reader.ForBusinessAsync(plan.BusinessId, await DemoViewers.ForAsync(_database, reader), Cancel);
            var words = voice.OnPlan(plan.Id, PlanPart.Costs);
            Assert.NotNull(words);
            Assert.Equal(stored.Id, words.Id);
            Assert.Equal("চালের দাম বেড়েছে, তাই খরচ বেশি।", words.Text);
            Assert.Equal("kaa-01", words.WrittenBy);
            Assert.Equal(_database.Clock.GetUtcNow(), words.WrittenAt);
        }

        await using var db = _database.CreateDbContext();
        var created = await db.AuditEntries.SingleAsync(a => a.Action == AuditAction.Created && a.RecordId == stored.Id.ToString(), Cancel);
        Assert.Equal("kaa-01", created.UserId);
        Assert.Equal(nameof(HerWords), created.RecordType);
    }

    [Fact]
    public async Task Writing_again_stores_new_words_and_the_earlier_ones_stay_readable()
    {
        var her = await DemoViewers.ForAsync(_database, "kaa-01");
        var plan = await LatestPlanAsync("KAA-01");
        await Service.WriteAsync(Words(plan, PlanPart.SupportersAndChallengers, "My mother."), her, Cancel);
        _database.Clock.Advance(TimeSpan.FromDays(2));

        await Service.WriteAsync(Words(plan, PlanPart.SupportersAndChallengers, "My mother, and now the school's mid-day meal cook."), her, Cancel);

        var voice = await Reader.ForBusinessAsync(plan.BusinessId, her, Cancel);
        Assert.Equal(
            ["My mother, and now the school's mid-day meal cook.", "My mother."],
            voice.HistoryOnPlan(plan.Id, PlanPart.SupportersAndChallengers).Select(w => w.Text));
    }

    [Fact]
    public async Task She_writes_her_words_beside_one_of_her_4P()
    {
        var her = await DemoViewers.ForAsync(_database, "kaa-01");
        var stocktaking = await LatestStocktakingAsync("KAA-01");

        await Service.WriteAsync(HerWordsInput.OnStocktaking(stocktaking.Id, FourPPart.Purpose).Saying("So that my daughter can go to school."), her, Cancel);

        var voice = await Reader.ForBusinessAsync(stocktaking.BusinessId, her, Cancel);
        Assert.Equal("So that my daughter can go to school.", voice.OnStocktaking(stocktaking.Id, FourPPart.Purpose)?.Text);
    }

    [Fact]
    public async Task Staff_cannot_write_her_words_nothing_is_stored_and_the_attempt_is_audited()
    {
        var staff = await DemoViewers.ForAsync(_database, "staff.rina");
        var plan = await LatestPlanAsync("KAA-01");
        var before = await CountAsync();

        var refusal = await Assert.ThrowsAsync<DomainException>(() =>
            Service.WriteAsync(Words(plan, PlanPart.Customers, "She says the neighbours buy from her."), staff, Cancel));

        Assert.Equal(HerWords.NotHersCode, refusal.Code);
        Assert.Equal(HerWords.NotHers, refusal.Message);
        Assert.Equal(before, await CountAsync());
        var refused = await RefusalsByAsync("staff.rina");
        Assert.Equal("KAA-01", Assert.Single(refused).RecordId);
    }

    [Fact]
    public async Task Her_mentor_cannot_write_her_words_or_answer_for_her()
    {
        var mentor = await DemoViewers.ForAsync(_database, "mentor.bina");
        var plan = await LatestPlanAsync("KAA-01");
        var before = await CountAsync();

        var words = await Assert.ThrowsAsync<DomainException>(() => Service.WriteAsync(Words(plan, PlanPart.NextSteps, "Buy rice in bulk."), mentor, Cancel));
        var answer = await Assert.ThrowsAsync<DomainException>(() =>
            Service.AnswerAsync(new PlanAgreementInput { BusinessPlanId = plan.Id, Answer = PlanAnswer.Agree }, mentor, Cancel));

        Assert.Equal(HerWords.NotHersCode, words.Code);
        Assert.Equal(HerWords.NotHersCode, answer.Code);
        Assert.Equal(before, await CountAsync());
        Assert.Equal(2, (await RefusalsByAsync("mentor.bina")).Count);
    }

    [Fact]
    public async Task A_survivor_cannot_write_on_another_survivors_plan_and_learns_nothing_about_it()
    {
        var her = await DemoViewers.ForAsync(_database, "kaa-01");
        var someoneElses = await LatestPlanAsync("KAA-03");

        var refusal = await Assert.ThrowsAsync<AccessDeniedException>(() => Service.WriteAsync(Words(someoneElses, PlanPart.Customers, "Hello"), her, Cancel));

        Assert.Equal(AccessDeniedException.CalmMessage, refusal.Message);
        Assert.Single(await RefusalsByAsync("kaa-01"));
    }

    [Fact]
    public async Task Words_on_a_plan_that_does_not_exist_are_refused_like_someone_elses()
    {
        var her = await DemoViewers.ForAsync(_database, "kaa-01");

        var refusal = await Assert.ThrowsAsync<AccessDeniedException>(() =>
            Service.WriteAsync(HerWordsInput.OnPlan(Guid.NewGuid(), PlanPart.Customers).Saying("Hello"), her, Cancel));

        Assert.Equal(AccessDeniedException.CalmMessage, refusal.Message);
    }

    [Fact]
    public async Task She_says_not_yet_then_agrees_and_her_latest_answer_counts()
    {
        var her = await DemoViewers.ForAsync(_database, "kaa-03");
        var plan = await LatestPlanAsync("KAA-03");

        await Service.AnswerAsync(new PlanAgreementInput { BusinessPlanId = plan.Id, Answer = PlanAnswer.NotYet, Words = "I need to ask my mother-in-law." }, her, Cancel);
        _database.Clock.Advance(TimeSpan.FromDays(5));
        var agreed = await Service.AnswerAsync(new PlanAgreementInput { BusinessPlanId = plan.Id, Answer = PlanAnswer.Agree }, her, Cancel);

        var staff = await DemoViewers.ForAsync(_database, "staff.mousumi");
        var voice = await Reader.ForBusinessAsync(plan.BusinessId, staff, Cancel);
        Assert.Equal(agreed.Id, voice.AnswerOn(plan.Id)?.Id);
        Assert.Equal([PlanAnswer.Agree, PlanAnswer.NotYet], voice.AnswersOn(plan.Id).Select(a => a.Answer));
        Assert.Equal("kaa-03", voice.AnswerOn(plan.Id)?.SaidBy);
    }

    [Fact]
    public async Task An_answer_on_an_earlier_version_of_her_plan_is_refused()
    {
        var her = await DemoViewers.ForAsync(_database, "kaa-03");
        var first = await PlanAsync("KAA-03", version: 1);

        var refusal = await Assert.ThrowsAsync<DomainException>(() =>
            Service.AnswerAsync(new PlanAgreementInput { BusinessPlanId = first.Id, Answer = PlanAnswer.Agree }, her, Cancel));

        Assert.Equal("plan-superseded", refusal.Code);
    }

    [Fact]
    public async Task The_auditor_cannot_read_her_words()
    {
        var business = await DemoViewers.BusinessOfAsync(_database, "KAA-01");

        await Assert.ThrowsAsync<AccessDeniedException>(() => Reader.ForBusinessAsync(business, new Viewer(DemoViewers.Auditor, null, new HashSet<Guid>()), Cancel));
    }

    [Fact]
    public async Task Her_words_and_answers_cannot_be_changed_or_deleted_even_by_raw_sql()
    {
        var her = await DemoViewers.ForAsync(_database, "kaa-01");
        var plan = await LatestPlanAsync("KAA-01");
        var words = await Service.WriteAsync(Words(plan, PlanPart.NextSteps, "Open on Sundays too."), her, Cancel);
        var answer = await Service.AnswerAsync(new PlanAgreementInput { BusinessPlanId = plan.Id, Answer = PlanAnswer.NotYet }, her, Cancel);

        var rewrite = await Assert.ThrowsAnyAsync<DbException>(() => _database.ExecuteRawAsync($"UPDATE \"HerWords\" SET \"Text\" = 'Close on Sundays' WHERE \"Id\" = '{words.Id.ToString().ToUpperInvariant()}'"));
        var remove = await Assert.ThrowsAnyAsync<DbException>(() => _database.ExecuteRawAsync("DELETE FROM \"HerWords\""));
        var flip = await Assert.ThrowsAnyAsync<DbException>(() => _database.ExecuteRawAsync("UPDATE \"PlanAgreements\" SET \"Answer\" = 'Agree'"));
        var drop = await Assert.ThrowsAnyAsync<DbException>(() => _database.ExecuteRawAsync("DELETE FROM \"PlanAgreements\""));

        Assert.Contains(HerVoiceGuard.HerWordsRefused, rewrite.Message, StringComparison.Ordinal);
        Assert.Contains(HerVoiceGuard.HerWordsRefused, remove.Message, StringComparison.Ordinal);
        Assert.Contains(HerVoiceGuard.AnswerRefused, flip.Message, StringComparison.Ordinal);
        Assert.Contains(HerVoiceGuard.AnswerRefused, drop.Message, StringComparison.Ordinal);
        var voice = await Reader.ForBusinessAsync(plan.BusinessId, her, Cancel);
        Assert.Equal("Open on Sundays too.", voice.OnPlan(plan.Id, PlanPart.NextSteps)?.Text);
        Assert.Equal(PlanAnswer.NotYet, voice.AnswerOn(answer.BusinessPlanId)?.Answer);
    }

    [Fact]
    public async Task Two_saves_racing_to_follow_the_same_words_store_one()
    {
        var her = await DemoViewers.ForAsync(_database, "kaa-01");
        var plan = await LatestPlanAsync("KAA-01");

        var racing = await Task.WhenAll(Enumerable.Range(0, 4).Select(async i =>
        {
            try
            {
                await Service.WriteAsync(Words(plan, PlanPart.ProductsAndServices, $"Rice, dal and oil ({i})"), her, Cancel);
                return null;
            }
            catch (DomainException refused)
            {
                return refused.Code;
            }
        }));

        var voice = await Reader.ForBusinessAsync(plan.BusinessId, her, Cancel);
        var history = voice.HistoryOnPlan(plan.Id, PlanPart.ProductsAndServices);
        Assert.Equal(history.Count, racing.Count(code => code is null));
        Assert.All(racing.Where(code => code is not null), code => Assert.Equal("saved-meanwhile", code));
        Assert.Equal(Enumerable.Range(1, history.Count).Reverse(), history.Select(w => w.Revision));
    }

    private static HerWordsInput Words(BusinessPlan plan, PlanPart part, string text) => HerWordsInput.OnPlan(plan.Id, part).Saying(text);

    private Task<BusinessPlan> LatestPlanAsync(string code) => PlanAsync(code, version: null);

    private async Task<BusinessPlan> PlanAsync(string code, int? version)
    {
        var business = await DemoViewers.BusinessOfAsync(_database, code);
        await using var db = _database.CreateDbContext();
        return await db.BusinessPlans.AsNoTracking()
            .Where(p => p.BusinessId == business && (version == null || p.Version == version))
            .OrderByDescending(p => p.Version)
            .FirstAsync(Cancel);
    }

    private async Task<Stocktaking> LatestStocktakingAsync(string code)
    {
        var business = await DemoViewers.BusinessOfAsync(_database, code);
        await using var db = _database.CreateDbContext();
        return (await db.Stocktakings.AsNoTracking().Where(s => s.BusinessId == business).ToListAsync(Cancel)).MaxBy(s => s.HeldOn)!;
    }

    private async Task<(int Words, int Answers)> CountAsync()
    {
        await using var db = _database.CreateDbContext();
        return (await db.HerWords.CountAsync(Cancel), await db.PlanAgreements.CountAsync(Cancel));
    }

    private async Task<List<AuditEntry>> RefusalsByAsync(string userId)
    {
        await using var db = _database.CreateDbContext();
        return await db.AuditEntries.Where(a => a.Action == AuditAction.AccessRefused && a.UserId == userId).ToListAsync(Cancel);
    }

    public sealed class OnSqlite() : HerVoicePersistenceTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : HerVoicePersistenceTests(DatabaseProvider.Postgres);
}
