using Kaarya.Domain.Assessments;

namespace Kaarya.Tests.Domain;

/// <summary>Each stocktaking is read beside the one before: which answers changed, who joined or left her circle.</summary>
public class StocktakingComparisonTests
{
    private readonly SeedFundCase _case = new();

    [Fact]
    public void The_same_answers_twice_show_no_change()
    {
        var comparison = StocktakingComparison.Between(Stocktaking(StocktakingBuilder.Answers()), Stocktaking(StocktakingBuilder.Answers()));

        Assert.False(comparison.HasChanges);
        Assert.Empty(comparison.Joined);
        Assert.Empty(comparison.Left);
    }

    [Fact]
    public void A_husband_who_turned_supporter_has_left_the_challengers_and_joined_the_supporters()
    {
        var earlier = StocktakingBuilder.Answers();
        var later = earlier with
        {
            Partners = [.. earlier.Partners.Select(p => p.Kind == PartnerKind.Husband ? new Partner(PartnerKind.Husband, PartnerStance.Supporter, "Now drives her to the market") : p)],
            PerformancePositives = "Sold 60 birds before Kali Puja.",
        };

        var comparison = StocktakingComparison.Between(Stocktaking(earlier), Stocktaking(later));

        Assert.Equal(new HashSet<FourPPart> { FourPPart.Partners, FourPPart.PerformancePositives }, comparison.Changed);
        Assert.Equal((PartnerKind.Husband, PartnerStance.Supporter), (comparison.Joined.Single().Kind, comparison.Joined.Single().Stance));
        Assert.Equal((PartnerKind.Husband, PartnerStance.Challenger), (comparison.Left.Single().Kind, comparison.Left.Single().Stance));
    }

    [Fact]
    public void A_changed_note_on_the_same_partner_is_not_a_change_of_circle()
    {
        var earlier = StocktakingBuilder.Answers();
        var later = earlier with { Partners = [.. earlier.Partners.Select(p => new Partner(p.Kind, p.Stance, "Seen again"))] };

        Assert.False(StocktakingComparison.Between(Stocktaking(earlier), Stocktaking(later)).HasChanges);
    }

    private Stocktaking Stocktaking(FourP answers) => new StocktakingBuilder(_case.Business, _case.Phase).WithAnswers(answers).Build();
}
