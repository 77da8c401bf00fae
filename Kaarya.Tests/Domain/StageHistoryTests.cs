using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;

namespace Kaarya.Tests.Domain;

public class StageHistoryTests
{
    private readonly Business _business = new BusinessBuilder().StartedOn(new DateOnly(2012, 1, 15)).Build();

    [Fact]
    public void A_new_business_has_no_stage_yet()
    {
        Assert.Empty(_business.StageHistory);
        Assert.Null(_business.CurrentStage);
    }

    [Fact]
    public void Each_assessment_is_kept_with_who_made_it_when_and_on_what_evidence()
    {
        var assessment = _business.AssessStage(LifecycleStage.StartUp, new DateOnly(2012, 3, 1), Actors.Staff, "Sold her first eggs at the Monday market");

        var kept = Assert.Single(_business.StageHistory);
        Assert.Same(assessment, kept);
        Assert.Equal(1, kept.Sequence);
        Assert.Equal(LifecycleStage.StartUp, kept.Stage);
        Assert.Equal(new DateOnly(2012, 3, 1), kept.AssessedOn);
        Assert.Equal(Actors.Staff.UserId, kept.AssessedBy);
        Assert.Equal("Sold her first eggs at the Monday market", kept.Evidence);
        Assert.Equal(LifecycleStage.StartUp, _business.CurrentStage);
    }

    [Fact]
    public void Stage_history_never_loses_an_entry()
    {
        _business.AssessStage(LifecycleStage.StartUp, new DateOnly(2012, 3, 1), Actors.Staff, "Sold her first eggs");
        _business.AssessStage(LifecycleStage.Growth, new DateOnly(2013, 2, 1), Actors.Staff, "Bought 50 more chicks from her earnings");
        _business.AssessStage(LifecycleStage.StartUp, new DateOnly(2013, 8, 1), Actors.Manager, "The flock was lost to disease; starting again");

        Assert.Collection(
            _business.StageHistory,
            first =>
            {
                Assert.Equal(1, first.Sequence);
                Assert.Equal(LifecycleStage.StartUp, first.Stage);
                Assert.Equal("Sold her first eggs", first.Evidence);
            },
            second =>
            {
                Assert.Equal(2, second.Sequence);
                Assert.Equal(LifecycleStage.Growth, second.Stage);
                Assert.Equal("Bought 50 more chicks from her earnings", second.Evidence);
            },
            third =>
            {
                Assert.Equal(3, third.Sequence);
                Assert.Equal(LifecycleStage.StartUp, third.Stage);
                Assert.Equal(Actors.Manager.UserId, third.AssessedBy);
            });
        Assert.Equal(LifecycleStage.StartUp, _business.CurrentStage);
    }

    [Fact]
    public void A_business_goes_through_all_four_stages_and_keeps_each()
    {
        _business.AssessStage(LifecycleStage.StartUp, new DateOnly(2012, 3, 1), Actors.Staff, "First sales");
        _business.AssessStage(LifecycleStage.Growth, new DateOnly(2012, 9, 1), Actors.Staff, "Regular customers");
        _business.AssessStage(LifecycleStage.Maturity, new DateOnly(2013, 3, 1), Actors.Staff, "Steady income for six months");
        _business.AssessStage(LifecycleStage.Expansion, new DateOnly(2013, 9, 1), Actors.Staff, "Opened a second coop");

        LifecycleStage[] expected = [LifecycleStage.StartUp, LifecycleStage.Growth, LifecycleStage.Maturity, LifecycleStage.Expansion];
        Assert.Equal(expected, _business.StageHistory.Select(s => s.Stage));
        Assert.Equal(LifecycleStage.Expansion, _business.CurrentStage);
    }

    [Fact]
    public void The_current_stage_is_the_one_assessed_last_in_time_even_when_recorded_late()
    {
        _business.AssessStage(LifecycleStage.Growth, new DateOnly(2013, 2, 1), Actors.Staff, "Regular customers");
        _business.AssessStage(LifecycleStage.StartUp, new DateOnly(2012, 3, 1), Actors.Staff, "Backfilled from the 2012 workshop notes");

        Assert.Equal(2, _business.StageHistory.Count);
        Assert.Equal(LifecycleStage.Growth, _business.CurrentStage);
    }

    [Fact]
    public void Of_two_assessments_on_one_day_the_later_recorded_counts()
    {
        _business.AssessStage(LifecycleStage.Growth, new DateOnly(2013, 2, 1), Actors.Staff, "First view");
        _business.AssessStage(LifecycleStage.Maturity, new DateOnly(2013, 2, 1), Actors.Manager, "Second view after the cash book was read");

        Assert.Equal(LifecycleStage.Maturity, _business.CurrentStage);
        Assert.Equal(2, _business.StageHistory.Count);
    }

    [Fact]
    public void The_history_cannot_be_rewritten_through_its_list()
    {
        _business.AssessStage(LifecycleStage.StartUp, new DateOnly(2012, 3, 1), Actors.Staff, "First sales");
        var history = (IList<StageAssessment>)_business.StageHistory;

        Assert.Throws<NotSupportedException>(() => history.RemoveAt(0));
        Assert.Throws<NotSupportedException>(() => history.Clear());
        Assert.Single(_business.StageHistory);
    }

    [Fact]
    public void Closing_a_business_keeps_its_stage_history()
    {
        _business.AssessStage(LifecycleStage.StartUp, new DateOnly(2012, 3, 1), Actors.Staff, "First sales");
        _business.AssessStage(LifecycleStage.Growth, new DateOnly(2012, 9, 1), Actors.Staff, "Regular customers");

        _business.Close(new DateOnly(2013, 1, 10), Kaarya.Tests.Domain.Causes.Other(), "Her family took the birds after her marriage");

        Assert.Equal(2, _business.StageHistory.Count);
        Assert.Equal(LifecycleStage.Growth, _business.CurrentStage);
    }

    [Fact]
    public void A_stage_needs_evidence()
    {
        var refusal = Assert.Throws<DomainException>(() =>
            _business.AssessStage(LifecycleStage.Growth, new DateOnly(2013, 2, 1), Actors.Staff, " "));

        Assert.Equal("required", refusal.Code);
        Assert.Empty(_business.StageHistory);
    }

    [Fact]
    public void A_stage_cannot_be_assessed_before_the_business_started()
    {
        var refusal = Assert.Throws<DomainException>(() =>
            _business.AssessStage(LifecycleStage.StartUp, new DateOnly(2012, 1, 14), Actors.Staff, "Planning"));

        Assert.Equal("stage-before-start", refusal.Code);
    }

    [Fact]
    public void Only_staff_or_the_programme_manager_assess_a_stage()
    {
        var refusal = Assert.Throws<DomainException>(() =>
            _business.AssessStage(LifecycleStage.Growth, new DateOnly(2013, 2, 1), Actors.Mentor, "She is doing well"));

        Assert.Equal("not-staff", refusal.Code);
        Assert.Empty(_business.StageHistory);
    }

    [Fact]
    public void A_stage_outside_the_four_is_refused()
    {
        var refusal = Assert.Throws<DomainException>(() =>
            _business.AssessStage((LifecycleStage)7, new DateOnly(2013, 2, 1), Actors.Staff, "Unknown"));

        Assert.Equal("stage-unknown", refusal.Code);
    }
}
