using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;

namespace Kaarya.Tests.Domain;

/// <summary>
/// A delayed decision waits for a discussion with her family (decided 20-08-2013, follow up on
/// 19-09-2013). Recording the discussion ends the follow-up, so it is no longer counted as open or
/// overdue; what follows from it is a new decision.
/// </summary>
public class FamilyDiscussionTests
{
    private static readonly DateOnly Discussed = new(2013, 9, 15);
    private static readonly DateOnly Today = new(2013, 10, 1);

    private readonly SeedFundCase _given = new();

    [Fact]
    public void Recording_the_discussion_closes_the_follow_up_that_was_overdue()
    {
        var decision = _given.DelayedDecision();
        Assert.True(decision.IsFollowUpOverdue(Today));

        decision.RecordFamilyDiscussion(Discussed, "Her husband and mother-in-law", "They agreed she runs the poultry unit.", Actors.Staff, Today);

        Assert.False(decision.IsFollowUpOpen);
        Assert.False(decision.IsFollowUpOverdue(Today));
        Assert.Equal(Discussed, decision.DiscussedOn);
        Assert.Equal("Her husband and mother-in-law", decision.DiscussedWith);
        Assert.Equal("They agreed she runs the poultry unit.", decision.DiscussionOutcome);
        Assert.Equal(Actors.Staff.UserId, decision.DiscussionRecordedBy);
    }

    [Fact]
    public void Before_the_discussion_the_follow_up_is_open_and_overdue_only_after_its_date()
    {
        var decision = _given.DelayedDecision();

        Assert.True(decision.IsFollowUpOpen);
        Assert.False(decision.IsFollowUpOverdue(new DateOnly(2013, 9, 19)));
        Assert.True(decision.IsFollowUpOverdue(new DateOnly(2013, 9, 20)));
    }

    [Fact]
    public void Only_a_delayed_decision_waits_for_a_discussion()
    {
        var immediate = _given.ImmediateDecision(Money.FromRupees(15_000));

        var refusal = Assert.Throws<DomainException>(() => immediate.RecordFamilyDiscussion(Discussed, "Her husband", "Agreed.", Actors.Staff, Today));

        Assert.Equal("not-delayed", refusal.Code);
        Assert.False(immediate.IsFollowUpOpen);
    }

    [Fact]
    public void A_discussion_is_recorded_once()
    {
        var decision = _given.DelayedDecision();
        decision.RecordFamilyDiscussion(Discussed, "Her husband", "Agreed.", Actors.Staff, Today);

        var refusal = Assert.Throws<DomainException>(() => decision.RecordFamilyDiscussion(Today, "Her mother", "Agreed again.", Actors.Staff, Today));

        Assert.Equal("discussion-recorded", refusal.Code);
        Assert.Equal("The family discussion of this decision was already recorded, on 15-09-2013.", refusal.Message);
        Assert.Equal("Her husband", decision.DiscussedWith);
    }

    [Fact]
    public void A_discussion_before_the_decision_is_refused()
    {
        var refusal = Assert.Throws<DomainException>(() =>
            _given.DelayedDecision().RecordFamilyDiscussion(new DateOnly(2013, 8, 19), "Her husband", "Agreed.", Actors.Staff, Today));

        Assert.Equal("discussion-before-decision", refusal.Code);
        Assert.Equal("The discussion cannot be on 19-08-2013, before the decision of 20-08-2013.", refusal.Message);
    }

    [Fact]
    public void A_discussion_dated_after_today_is_refused()
    {
        var refusal = Assert.Throws<DomainException>(() =>
            _given.DelayedDecision().RecordFamilyDiscussion(new DateOnly(2013, 10, 2), "Her husband", "Agreed.", Actors.Staff, Today));

        Assert.Equal("discussion-future", refusal.Code);
        Assert.Equal("The discussion cannot be recorded for 02-10-2013: that is after today, 01-10-2013.", refusal.Message);
    }

    [Theory]
    [InlineData("", "Agreed.", "Who took part is required.")]
    [InlineData("Her husband", " ", "What the discussion came to is required.")]
    public void Who_took_part_and_what_it_came_to_are_both_needed(string who, string outcome, string said)
    {
        var decision = _given.DelayedDecision();

        var refusal = Assert.Throws<DomainException>(() => decision.RecordFamilyDiscussion(Discussed, who, outcome, Actors.Staff, Today));

        Assert.Equal(said, refusal.Message);
        Assert.True(decision.IsFollowUpOpen);
    }

    [Fact]
    public void A_mentor_cannot_record_the_discussion()
    {
        var refusal = Assert.Throws<DomainException>(() =>
            _given.DelayedDecision().RecordFamilyDiscussion(Discussed, "Her husband", "Agreed.", Actors.Mentor, Today));

        Assert.Equal("not-staff", refusal.Code);
    }
}
