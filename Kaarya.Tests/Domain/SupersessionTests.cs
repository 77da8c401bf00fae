using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;

namespace Kaarya.Tests.Domain;

/// <summary>
/// A business has one current decision per phase. A new one replaces it; both stay, linked both
/// ways; the replaced decision counts only for what was paid against it, and takes no more money.
/// </summary>
public class SupersessionTests
{
    private static readonly DateOnly Discussed = new(2013, 9, 20);

    private readonly SeedFundCase _given = new();

    [Fact]
    public void A_decision_after_the_family_discussion_replaces_the_delayed_one_and_both_are_linked()
    {
        var delayed = _given.DelayedDecision();

        var immediate = _given.ImmediateDecision(Money.FromRupees(12_000), before: SeedFundCase.Holding((delayed, Money.Zero)), on: Discussed);

        Assert.Equal(delayed.Id, immediate.SupersedesId);
        Assert.Equal(immediate.Id, delayed.SupersededById);
        Assert.Equal(Discussed, delayed.SupersededOn);
        Assert.False(delayed.IsCurrent);
        Assert.True(immediate.IsCurrent);
    }

    [Fact]
    public void The_unpaid_rest_of_a_replaced_decision_no_longer_counts()
    {
        // ₹15,000 decided, ₹5,000 of it paid; the new decision of ₹15,000 brings the phase to ₹20,000.
        var first = _given.ImmediateDecision(Money.FromRupees(15_000));
        var before = SeedFundCase.Holding((first, Money.FromRupees(5_000)));

        var second = _given.ImmediateDecision(Money.FromRupees(15_000), before: before, on: Discussed);

        Assert.Null(second.OverriddenBy);
        Assert.Equal(Money.FromRupees(5_000), before.PaidSoFar);
        Assert.Equal(Money.FromRupees(20_000), SeedFundCase.Holding((first, Money.FromRupees(5_000)), (second, Money.Zero)).Committed);
    }

    [Fact]
    public void What_a_phase_holds_counts_the_current_decision_in_full_and_the_replaced_for_what_was_paid()
    {
        var first = _given.ImmediateDecision(Money.FromRupees(12_000));
        var second = _given.ImmediateDecision(Money.FromRupees(8_000), before: SeedFundCase.Holding((first, Money.FromRupees(5_000))), on: Discussed);

        var held = SeedFundCase.Holding((first, Money.FromRupees(5_000)), (second, Money.FromRupees(2_000)));

        Assert.Equal(Money.FromRupees(13_000), held.Committed);
        Assert.Equal(Money.FromRupees(7_000), held.PaidSoFar);
        Assert.Same(second, held.Current);
    }

    [Fact]
    public void No_money_is_asked_for_against_a_replaced_decision()
    {
        var first = _given.ImmediateDecision(Money.FromRupees(15_000));
        _given.ImmediateDecision(Money.FromRupees(12_000), before: SeedFundCase.Holding((first, Money.Zero)), on: Discussed);

        var refusal = Assert.Throws<DomainException>(() => _given.Request(first, Money.FromRupees(5_000)));

        Assert.Equal("decision-superseded", refusal.Code);
        Assert.Equal("This decision was replaced on 20-09-2013 by a later one; money goes against the decision in force.", refusal.Message);
    }

    [Fact]
    public void A_request_waiting_when_its_decision_is_replaced_cannot_be_approved()
    {
        var first = _given.ImmediateDecision(Money.FromRupees(15_000));
        var waiting = _given.Request(first, Money.FromRupees(5_000));
        _given.ImmediateDecision(Money.FromRupees(12_000), before: SeedFundCase.Holding((first, Money.Zero)), on: Discussed);

        var refusal = Assert.Throws<DomainException>(() => waiting.Approve(Actors.Manager, first, _given.NothingPaidYet(), Days.Approved));

        Assert.Equal("decision-superseded", refusal.Code);
        Assert.Equal(RequestStatus.Pending, waiting.Status);
    }

    [Fact]
    public void A_decision_dated_before_the_one_it_would_replace_is_refused_and_the_current_one_stands()
    {
        var current = _given.ImmediateDecision(Money.FromRupees(15_000), on: Discussed);

        var refusal = Assert.Throws<DomainException>(() =>
            _given.NoDisbursementDecision(SeedFundCase.Holding((current, Money.Zero))));

        Assert.Equal("decision-before-current", refusal.Code);
        Assert.Equal("The new decision's date 20-08-2013 is before 20-09-2013, the date of the decision it replaces.", refusal.Message);
        Assert.True(current.IsCurrent);
    }
}
