using System.Text.Json.Nodes;
using Kaarya.Domain.Assessments;
using Kaarya.Domain.Plans;
using Kaarya.Tests.Security;
using Kaarya.Web.Data;
using Kaarya.Web.Data.Seed;
using Kaarya.Web.Features.Reviews;
using Kaarya.Web.Features.Voice;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Tests.Data;

/// <summary>
/// The demo's survivors speak for themselves: KAA-01 has her words beside her plan and her 4P, has
/// agreed to it, and acknowledged mentor.bina's review; KAA-03 has a review waiting for her.
/// </summary>
public abstract class DemoVoiceTests(DatabaseProvider provider)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task KAA_01_has_her_words_her_agreement_and_an_acknowledged_review()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await Loader(database).LoadIfEmptyAsync(Cancel);
        var her = await DemoViewers.ForAsync(database, "kaa-01");
        var business = await DemoViewers.BusinessOfAsync(database, "KAA-01");
        await using var db = database.CreateDbContext();
        var plan = await db.BusinessPlans.SingleAsync(p => p.BusinessId == business, Cancel);
        var stocktaking = await db.Stocktakings.SingleAsync(s => s.BusinessId == business, Cancel);

        var voice = await new HerVoiceReader(database, database.Gate).ForBusinessAsync(business, her, Cancel);
        var review = Assert.Single(await new MentorReviewReader(database, database.Gate).ForBusinessAsync(business, her, Cancel));

        Assert.Equal("kaa-01", voice.OnPlan(plan.Id, PlanPart.Customers)?.WrittenBy);
        Assert.Contains(voice.OnPlan(plan.Id, PlanPart.Customers)!.Text, c => c is >= '\u0980' and <= '\u09FF');
        Assert.NotNull(voice.OnStocktaking(stocktaking.Id, FourPPart.Purpose));
        Assert.True(voice.AnswerOn(plan.Id)?.Agrees);
        Assert.Equal("mentor.bina", review.MentorUserId);
        Assert.Equal("kaa-01", review.Acknowledgement?.AcknowledgedBy);
    }

    [Fact]
    public async Task KAA_03_has_a_review_of_her_latest_plan_waiting_for_her_acknowledgement()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await Loader(database).LoadIfEmptyAsync(Cancel);
        var her = await DemoViewers.ForAsync(database, "kaa-03");
        var business = await DemoViewers.BusinessOfAsync(database, "KAA-03");

        var review = Assert.Single(await new MentorReviewReader(database, database.Gate).ForBusinessAsync(business, her, Cancel));

        Assert.Equal(2, review.PlanVersion);
        Assert.False(review.IsAcknowledged);
        Assert.True(review.NextReviewOn > review.ReviewedOn);
    }

    [Fact]
    public async Task A_demo_review_by_someone_who_is_not_her_mentor_stops_loading_and_stores_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var folder = DemoDataTests.CopyOfDemoFiles();
        var path = Path.Combine(folder, SeedFileSet.BusinessesFileName);
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        json.AsArray().First(b => (string?)b!["key"] == "kaa01-grocery")!["plans"]![0]!["reviews"]![0]!["by"] = "staff.rina";
        File.WriteAllText(path, json.ToJsonString());

        var broken = await Assert.ThrowsAsync<SeedDataException>(() => Loader(database, folder).LoadIfEmptyAsync(Cancel));

        Assert.Equal(SeedFileSet.BusinessesFileName, broken.File);
        Assert.Equal("plans[0].reviews[0]", broken.Field);
        Assert.Contains("Only her mentor records a review of her plan with her.", broken.Message, StringComparison.Ordinal);
        await using var db = database.CreateDbContext();
        Assert.False(await db.Programmes.AnyAsync(Cancel));
        Assert.False(await db.MentorReviews.AnyAsync(Cancel));
    }

    private static DemoDataLoader Loader(TestDatabase database, string? folder = null) =>
        new(database, new DatabaseOptions { SeedDataPath = folder });

    public sealed class OnSqlite() : DemoVoiceTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : DemoVoiceTests(DatabaseProvider.Postgres);
}
