using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;
using Kaarya.Domain.Plans;

namespace Kaarya.Tests.Domain;

/// <summary>What changed between two versions of her plan, as staff and the survivor read it at a review.</summary>
public class PlanComparisonTests
{
    private readonly BusinessPlan _agreed = BusinessPlan.Draft(new BusinessBuilder().Build(), new DateOnly(2013, 5, 10), Actors.Staff, PlanContents.Poultry());

    [Fact]
    public void Two_versions_that_say_the_same_have_no_changes()
    {
        var same = _agreed.Revise(new DateOnly(2013, 6, 1), Actors.Staff, PlanContents.Poultry());

        var comparison = PlanComparison.Between(_agreed, same);

        Assert.False(comparison.HasChanges);
        Assert.Empty(comparison.TextChanges);
        Assert.Empty(comparison.LineChanges);
    }

    [Fact]
    public void A_rewritten_part_is_named_with_its_words_before_and_after()
    {
        var revised = _agreed.Revise(new DateOnly(2013, 9, 20), Actors.Staff, PlanContents.Poultry() with { Customers = "The Monday market and a hotel in Baruipur" });

        var change = Assert.Single(PlanComparison.Between(_agreed, revised).TextChanges);

        Assert.Equal(new PlanTextChange(PlanPart.Customers, "Neighbours and the Monday market at Joynagar", "The Monday market and a hotel in Baruipur"), change);
    }

    [Fact]
    public void Lines_added_dropped_and_recosted_are_told_apart_by_their_description()
    {
        var revised = _agreed.Revise(new DateOnly(2013, 9, 20), Actors.Staff, PlanContents.Poultry() with
        {
            IntendedUsesOfSeedMoney =
            [
                new PlanLineItem("50 chicks", Money.FromRupees(3_000)),
                new PlanLineItem("bamboo coop", Money.FromRupees(4_000)),
                new PlanLineItem("Ducklings", Money.FromRupees(1_200)),
            ],
        });

        var changes = PlanComparison.Between(revised, _agreed).LineChanges;

        Assert.Equal(
            [
                new PlanLineChange(PlanPart.IntendedUses, "50 chicks", Money.FromRupees(2_500), Money.FromRupees(3_000)),
                new PlanLineChange(PlanPart.IntendedUses, "Feed for the first month", Money.FromRupees(1_800), null),
                new PlanLineChange(PlanPart.IntendedUses, "Ducklings", null, Money.FromRupees(1_200)),
            ],
            changes);
        Assert.True(changes[1].IsDropped);
        Assert.True(changes[2].IsAdded);
    }

    [Fact]
    public void A_new_expected_income_is_a_change()
    {
        var revised = _agreed.Revise(new DateOnly(2013, 9, 20), Actors.Staff, PlanContents.Poultry() with { ExpectedMonthlyIncome = Money.FromRupees(4_500) });

        var comparison = PlanComparison.Between(_agreed, revised);

        Assert.True(comparison.IncomeChanged);
        Assert.True(comparison.HasChanges);
        Assert.Equal((1, 2), (comparison.Earlier.Version, comparison.Later.Version));
    }

    [Fact]
    public void Plans_of_two_businesses_cannot_be_compared()
    {
        var someoneElses = BusinessPlan.Draft(new BusinessBuilder().Build(), new DateOnly(2013, 5, 10), Actors.Staff, PlanContents.Poultry());

        var refused = Assert.Throws<DomainException>(() => PlanComparison.Between(_agreed, someoneElses));

        Assert.Equal("plans-of-two-businesses", refused.Code);
    }

    [Fact]
    public void A_revision_starts_from_the_latest_version_as_typed_amounts()
    {
        var input = PlanInput.From(_agreed, new DateOnly(2013, 9, 20));

        Assert.Equal("3,000", input.ExpectedMonthlyIncome);
        Assert.Equal(["2,500", "4,000", "1,800"], input.IntendedUses.Select(u => u.Amount));
        Assert.Equal(PlanContents.Poultry().Costs, input.ToContent().Costs);
        Assert.Equal(PlanContents.Poultry().IntendedUsesOfSeedMoney, input.ToContent().IntendedUsesOfSeedMoney);
    }
}
