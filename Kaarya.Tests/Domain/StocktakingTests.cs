using Kaarya.Domain.Assessments;
using Kaarya.Domain.Common;

namespace Kaarya.Tests.Domain;

/// <summary>The 4P stocktaking: Preparation, Purpose, Partners, Performance.</summary>
public class StocktakingTests
{
    private readonly SeedFundCase _given = new();

    [Fact]
    public void A_stocktaking_records_the_four_Ps_in_her_words()
    {
        var stocktaking = _given.Stocktaking;

        Assert.Equal(_given.Business.Id, stocktaking.BusinessId);
        Assert.Equal(_given.Phase.Id, stocktaking.PhaseId);
        Assert.Equal(Days.StocktakingHeld, stocktaking.HeldOn);
        Assert.Equal(Actors.Staff.UserId, stocktaking.RecordedBy);
        Assert.Equal("To earn my own money and not depend on anyone.", stocktaking.Purpose);
        Assert.Equal("Sold 40 birds before Durga Puja.", stocktaking.PerformancePositives);
        Assert.Equal("Two hens died in the rains.", stocktaking.PerformanceChallenges);
        Assert.Equal(3, stocktaking.Partners.Count);
    }

    [Fact]
    public void Partners_are_sorted_into_supporters_and_challengers()
    {
        var answers = StocktakingBuilder.Answers() with
        {
            Partners =
            [
                new Partner(PartnerKind.Parents, PartnerStance.Supporter, "Mother minds the shop"),
                new Partner(PartnerKind.Panchayat, PartnerStance.Supporter, "Gave her the stall site"),
                new Partner(PartnerKind.Trafficker, PartnerStance.Challenger, "Seen near the bus stand"),
            ],
        };

        var stocktaking = new StocktakingBuilder(_given.Business, _given.Phase).WithAnswers(answers).Build();

        Assert.Equal(2, stocktaking.Supporters.Count());
        var challenger = Assert.Single(stocktaking.Challengers);
        Assert.Equal(PartnerKind.Trafficker, challenger.Kind);
    }

    [Fact]
    public void Preparation_is_required()
    {
        var answers = StocktakingBuilder.Answers() with { Preparation = " " };

        var refusal = Assert.Throws<DomainException>(() => new StocktakingBuilder(_given.Business, _given.Phase).WithAnswers(answers).Build());

        Assert.Equal("required", refusal.Code);
        Assert.Equal("Preparation is required.", refusal.Message);
    }

    [Fact]
    public void Purpose_is_required()
    {
        var answers = StocktakingBuilder.Answers() with { Purpose = "" };

        var refusal = Assert.Throws<DomainException>(() => new StocktakingBuilder(_given.Business, _given.Phase).WithAnswers(answers).Build());

        Assert.Equal("required", refusal.Code);
        Assert.Equal("Purpose is required.", refusal.Message);
    }

    [Fact]
    public void At_least_one_partner_is_named()
    {
        var answers = StocktakingBuilder.Answers() with { Partners = [] };

        var refusal = Assert.Throws<DomainException>(() => new StocktakingBuilder(_given.Business, _given.Phase).WithAnswers(answers).Build());

        Assert.Equal("no-partners", refusal.Code);
    }

    [Fact]
    public void Performance_needs_a_positive_or_a_challenge()
    {
        var answers = StocktakingBuilder.Answers() with { PerformancePositives = "", PerformanceChallenges = " " };

        var refusal = Assert.Throws<DomainException>(() => new StocktakingBuilder(_given.Business, _given.Phase).WithAnswers(answers).Build());

        Assert.Equal("no-performance", refusal.Code);
    }

    [Fact]
    public void Performance_may_hold_only_challenges()
    {
        var answers = StocktakingBuilder.Answers() with { PerformancePositives = "" };

        var stocktaking = new StocktakingBuilder(_given.Business, _given.Phase).WithAnswers(answers).Build();

        Assert.Equal(string.Empty, stocktaking.PerformancePositives);
        Assert.Equal("Two hens died in the rains.", stocktaking.PerformanceChallenges);
    }

    [Fact]
    public void A_stocktaking_dated_outside_its_phase_is_refused()
    {
        var refusal = Assert.Throws<DomainException>(() =>
            new StocktakingBuilder(_given.Business, _given.Phase).HeldOn(new DateOnly(2013, 3, 31)).Build());

        Assert.Equal("outside-phase", refusal.Code);
        Assert.Equal("The stocktaking date 31-03-2013 is outside Renewed phase 2013–14.", refusal.Message);
    }

    [Fact]
    public void Only_staff_or_the_programme_manager_record_a_stocktaking()
    {
        var refusal = Assert.Throws<DomainException>(() =>
            new StocktakingBuilder(_given.Business, _given.Phase).RecordedBy(Actors.Auditor).Build());

        Assert.Equal("not-staff", refusal.Code);
    }
}
