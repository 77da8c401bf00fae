using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;
using Kaarya.Domain.Plans;
using Kaarya.Tests.Domain;

namespace Kaarya.Tests.Faults;

/// <summary>
/// Two staff open the same plan: the first to save makes the next version; the second started
/// from a version that is no longer the latest, and the plan's own rule refuses her save instead
/// of laying it over the first one's.
/// </summary>
public class PlanEditConflictTests
{
    private static readonly DateOnly Drafted = new(2013, 5, 10);
    private readonly Business _business = new BusinessBuilder().Build();

    [Fact]
    public void A_save_started_from_the_latest_version_is_the_next_version()
    {
        var first = BusinessPlan.Draft(_business, Drafted, Actors.Staff, PlanContents.Poultry());

        var next = BusinessPlan.SaveFrom(_business, first, startedFromVersion: 1, Drafted.AddDays(30), Actors.OtherStaff, PlanContents.Poultry());

        Assert.Equal(2, next.Version);
    }

    [Fact]
    public void A_save_started_from_a_superseded_version_is_refused_naming_who_saved_the_newer_one_and_when()
    {
        var first = BusinessPlan.Draft(_business, Drafted, Actors.Staff, PlanContents.Poultry());
        var hers = BusinessPlan.SaveFrom(_business, first, startedFromVersion: 1, Drafted.AddDays(30), Actors.Staff, PlanContents.Poultry());
        ((IAuditable)hers).StampCreated(new DateTimeOffset(2013, 6, 9, 6, 15, 0, TimeSpan.Zero), Actors.Staff.UserId);

        var refusal = Assert.Throws<DomainException>(() =>
            BusinessPlan.SaveFrom(_business, hers, startedFromVersion: 1, Drafted.AddDays(30), Actors.OtherStaff, PlanContents.Poultry()));

        Assert.Equal(BusinessPlan.ChangedMeanwhile, refusal.Code);
        Assert.Contains("staff.rupa saved version 2 of this plan at 09-06-2013 11:45", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("while you were working from version 1", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing of yours was saved", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_first_plan_is_refused_when_someone_drafted_one_meanwhile()
    {
        var theirs = BusinessPlan.Draft(_business, Drafted, Actors.Staff, PlanContents.Poultry());

        var refusal = Assert.Throws<DomainException>(() =>
            BusinessPlan.SaveFrom(_business, theirs, startedFromVersion: 0, Drafted, Actors.OtherStaff, PlanContents.Poultry()));

        Assert.Equal(BusinessPlan.ChangedMeanwhile, refusal.Code);
        Assert.Contains("while you were working from an empty plan", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Saving_after_the_newer_version_on_purpose_makes_the_version_after_it()
    {
        var first = BusinessPlan.Draft(_business, Drafted, Actors.Staff, PlanContents.Poultry());
        var theirs = first.Revise(Drafted.AddDays(30), Actors.Staff, PlanContents.Poultry());

        var mine = BusinessPlan.SaveFrom(_business, theirs, startedFromVersion: theirs.Version, Drafted.AddDays(31), Actors.OtherStaff, PlanContents.Poultry() with { NextSteps = "Sell eggs at the Friday haat" });

        Assert.Equal(3, mine.Version);
        Assert.Equal("Sell eggs at the Friday haat", mine.NextSteps);
    }

    [Fact]
    public void A_form_revising_a_version_starts_from_that_version()
    {
        var first = BusinessPlan.Draft(_business, Drafted, Actors.Staff, PlanContents.Poultry());

        Assert.Equal(1, PlanInput.From(first, Drafted.AddDays(1)).StartedFromVersion);
        Assert.Equal(0, new PlanInput().StartedFromVersion);
    }
}
