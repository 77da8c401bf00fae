using Kaarya.Domain.Assessments;
using Kaarya.Domain.Common;
using Kaarya.Domain.Plans;
using Kaarya.Domain.Voice;

namespace Kaarya.Tests.Domain;

/// <summary>Her own words beside her plan and her 4P: hers alone to write, never rewritten.</summary>
public class HerWordsTests
{
    private static readonly DateTimeOffset Morning = new(2013, 6, 26, 10, 0, 0, Days.IndiaOffset);

    private readonly ReviewCase _given = new();

    [Fact]
    public void She_writes_her_own_words_beside_a_part_of_her_plan_and_they_are_hers()
    {
        var words = HerWords.OnPlan(_given.Business, _given.Plan, PlanPart.Customers, latest: null, _given.Her,
            "  গ্রামের মেয়েরা আমার কাছ থেকে ডিম কেনে।  ", Morning);

        Assert.Equal(_given.Plan.Id, words.BusinessPlanId);
        Assert.Equal(PlanPart.Customers, words.PlanPart);
        Assert.Null(words.StocktakingId);
        Assert.Equal(_given.Business.Id, words.BusinessId);
        Assert.Equal("গ্রামের মেয়েরা আমার কাছ থেকে ডিম কেনে।", words.Text);
        Assert.Equal("kaa-07", words.WrittenBy);
        Assert.Equal(Morning, words.WrittenAt);
        Assert.Equal(1, words.Revision);
    }

    [Fact]
    public void She_writes_her_own_words_beside_one_of_her_4P()
    {
        var words = HerWords.OnStocktaking(_given.Business, _given.Stocktaking, FourPPart.Partners, latest: null, _given.Her,
            "My mother is with me now; my husband still wants the money.", Morning);

        Assert.Equal(_given.Stocktaking.Id, words.StocktakingId);
        Assert.Equal(FourPPart.Partners, words.FourPPart);
        Assert.Null(words.BusinessPlanId);
        Assert.Null(words.PlanPart);
    }

    [Fact]
    public void Staff_cannot_write_her_words_for_her()
    {
        var refusal = Assert.Throws<DomainException>(() =>
            HerWords.OnPlan(_given.Business, _given.Plan, PlanPart.Customers, null, Viewers.Staff, "She says the neighbours buy eggs.", Morning));

        Assert.Equal(HerWords.NotHersCode, refusal.Code);
        Assert.Equal(HerWords.NotHers, refusal.Message);
    }

    [Fact]
    public void Her_mentor_cannot_write_her_words_for_her_either()
    {
        var refusal = Assert.Throws<DomainException>(() =>
            HerWords.OnStocktaking(_given.Business, _given.Stocktaking, FourPPart.Purpose, null, _given.Mentor, "To be independent.", Morning));

        Assert.Equal(HerWords.NotHersCode, refusal.Code);
    }

    [Fact]
    public void Another_survivor_cannot_write_words_on_her_plan()
    {
        var refusal = Assert.Throws<DomainException>(() =>
            HerWords.OnPlan(_given.Business, _given.Plan, PlanPart.NextSteps, null, _given.SomeoneElse, "Buy more chicks.", Morning));

        Assert.Equal(HerWords.NotHersCode, refusal.Code);
    }

    [Fact]
    public void Writing_again_adds_the_next_revision_and_what_she_said_before_stays_as_it_was()
    {
        var first = HerWords.OnPlan(_given.Business, _given.Plan, PlanPart.NextSteps, null, _given.Her, "Vaccinate the chicks.", Morning);

        var second = HerWords.OnPlan(_given.Business, _given.Plan, PlanPart.NextSteps, first, _given.Her, "Vaccinate the chicks, then build the coop.", Morning.AddDays(3));

        Assert.Equal(2, second.Revision);
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal("Vaccinate the chicks.", first.Text);
        var voice = new HerVoice([first, second], []);
        Assert.Same(second, voice.OnPlan(_given.Plan.Id, PlanPart.NextSteps));
        Assert.Equal([second, first], voice.HistoryOnPlan(_given.Plan.Id, PlanPart.NextSteps));
        Assert.Null(voice.OnPlan(_given.Plan.Id, PlanPart.Customers));
    }

    [Fact]
    public void The_same_words_again_are_refused_so_a_second_tap_stores_nothing()
    {
        var first = HerWords.OnPlan(_given.Business, _given.Plan, PlanPart.NextSteps, null, _given.Her, "Vaccinate the chicks.", Morning);

        var refusal = Assert.Throws<DomainException>(() =>
            HerWords.OnPlan(_given.Business, _given.Plan, PlanPart.NextSteps, first, _given.Her, " Vaccinate the chicks. ", Morning.AddMinutes(1)));

        Assert.Equal("same-words", refusal.Code);
    }

    [Fact]
    public void New_words_follow_only_the_words_on_the_same_part()
    {
        var onCustomers = HerWords.OnPlan(_given.Business, _given.Plan, PlanPart.Customers, null, _given.Her, "Neighbours.", Morning);

        var refusal = Assert.Throws<DomainException>(() =>
            HerWords.OnPlan(_given.Business, _given.Plan, PlanPart.Costs, onCustomers, _given.Her, "Feed is dear.", Morning.AddDays(1)));

        Assert.Equal("words-elsewhere", refusal.Code);
    }

    [Fact]
    public void Words_on_another_businesss_plan_are_refused()
    {
        var otherPlan = BusinessPlan.Draft(new SeedFundCase().OtherBusiness(), ReviewDays.PlanDrafted, Actors.Staff, PlanContents.Poultry());

        var refusal = Assert.Throws<DomainException>(() =>
            HerWords.OnPlan(_given.Business, otherPlan, PlanPart.Customers, null, _given.Her, "Neighbours.", Morning));

        Assert.Equal("plan-of-another-business", refusal.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Blank_words_are_refused(string text)
    {
        var refusal = Assert.Throws<DomainException>(() =>
            HerWords.OnPlan(_given.Business, _given.Plan, PlanPart.Customers, null, _given.Her, text, Morning));

        Assert.Equal("required", refusal.Code);
        Assert.Equal("Your words is required.", refusal.Message);
    }

    [Fact]
    public void Words_longer_than_a_passage_are_refused()
    {
        var refusal = Assert.Throws<DomainException>(() =>
            HerWords.OnPlan(_given.Business, _given.Plan, PlanPart.Customers, null, _given.Her, new string('ক', TextLimits.Passage + 1), Morning));

        Assert.Equal("too-long", refusal.Code);
    }

    [Fact]
    public void Her_words_form_checks_its_fields()
    {
        var validator = new HerWordsInputValidator();

        var written = HerWordsInput.OnPlan(Guid.NewGuid(), PlanPart.Costs);
        written.Words = "Feed is dear since the rains.";

        Assert.True(validator.Validate(written).IsValid);
        Assert.Equal(["Your words is required."], Messages(validator, HerWordsInput.OnStocktaking(Guid.NewGuid(), FourPPart.Purpose)));
        Assert.Equal(["Your words go beside one part of your plan or one of your 4P."],
            Messages(validator, new HerWordsInput { BusinessPlanId = Guid.NewGuid(), PlanPart = PlanPart.Costs, StocktakingId = Guid.NewGuid(), FourPPart = FourPPart.Purpose, Words = "Both" }));
        Assert.Equal(["Your words go beside one part of your plan or one of your 4P."],
            Messages(validator, new HerWordsInput { BusinessPlanId = Guid.NewGuid(), Words = "No part" }));
    }

    [Fact]
    public void Her_words_form_starts_from_her_words_as_they_stand()
    {
        var current = HerWords.OnPlan(_given.Business, _given.Plan, PlanPart.Customers, null, _given.Her, "Neighbours.", Morning);

        var input = HerWordsInput.OnPlan(_given.Plan.Id, PlanPart.Customers, current);

        Assert.Equal("Neighbours.", input.Words);
        Assert.True(input.IsOnPlan);
    }

    private static string[] Messages(HerWordsInputValidator validator, HerWordsInput input) =>
        [.. validator.Validate(input).Errors.Select(e => e.ErrorMessage)];
}
