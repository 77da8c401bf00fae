using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;

namespace Kaarya.Tests.Domain;

/// <summary>
/// The band limits what a business receives in a phase, not what one decision says: what was paid
/// against its earlier decisions in the phase plus a new immediate decision may come to ₹20,000 at
/// most unless a programme manager overrides with a reason. The figures are the programme's,
/// worked out by hand.
/// </summary>
public class BandInPhaseTests
{
    private readonly SeedFundCase _given = new();

    [Fact]
    public void A_new_decision_that_brings_the_phase_to_exactly_Rs_20000_needs_no_override()
    {
        var first = _given.ImmediateDecision(Money.FromRupees(8_000));

        var second = _given.ImmediateDecision(Money.FromRupees(12_000), before: SeedFundCase.Holding((first, Money.FromRupees(8_000))));

        Assert.Equal(Money.FromRupees(12_000), second.Amount);
        Assert.Null(second.OverriddenBy);
    }

    [Fact]
    public void Money_paid_and_a_new_decision_past_Rs_20000_are_refused_with_the_total()
    {
        var first = _given.ImmediateDecision(Money.FromRupees(15_000));

        var refusal = Assert.Throws<DomainException>(() =>
            _given.ImmediateDecision(Money.FromRupees(10_000), before: SeedFundCase.Holding((first, Money.FromRupees(15_000)))));

        Assert.Equal("outside-band", refusal.Code);
        Assert.Equal("phase-total", refusal.Variant);
        Assert.Equal(
            "With ₹10,000, the immediate decisions for this business in this phase come to ₹25,000, above the programme band's ₹20,000; a programme manager can override with a reason.",
            refusal.Message);
        Assert.True(first.IsCurrent);
    }

    [Fact]
    public void The_four_decisions_found_in_one_phase_are_stopped_at_the_second()
    {
        // Staff recorded ₹20,000, then three times ₹15,000, for one business in one phase: ₹65,000 in all.
        var first = _given.ImmediateDecision(Money.FromRupees(20_000));

        var refusal = Assert.Throws<DomainException>(() =>
            _given.ImmediateDecision(Money.FromRupees(15_000), before: SeedFundCase.Holding((first, Money.FromRupees(20_000)))));

        Assert.Contains("come to ₹35,000", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manager_may_take_a_business_past_the_band_in_a_phase_with_a_written_reason()
    {
        var reason = "Her shop burnt down in the market fire; the committee agreed to a second grant.";
        var first = _given.ImmediateDecision(Money.FromRupees(15_000));

        var second = _given.ImmediateDecision(
            Money.FromRupees(10_000), new BandOverride(Actors.Manager, reason), SeedFundCase.Holding((first, Money.FromRupees(15_000))));

        Assert.Equal(Money.FromRupees(10_000), second.Amount);
        Assert.Equal(Actors.Manager.UserId, second.OverriddenBy);
        Assert.Equal(reason, second.OverrideReason);
    }

    [Fact]
    public void Staff_cannot_override_the_total()
    {
        var first = _given.ImmediateDecision(Money.FromRupees(15_000));

        var refusal = Assert.Throws<DomainException>(() =>
            _given.ImmediateDecision(Money.FromRupees(10_000), new BandOverride(Actors.Staff, "She needs more."), SeedFundCase.Holding((first, Money.FromRupees(15_000)))));

        Assert.Equal("not-manager", refusal.Code);
    }

    [Fact]
    public void An_amount_outside_the_band_is_refused_as_such_even_when_the_phase_has_room()
    {
        var refusal = Assert.Throws<DomainException>(() => _given.ImmediateDecision(Money.FromRupees(5_000)));

        Assert.Equal("outside-band", refusal.Code);
        Assert.Null(refusal.Variant);
        Assert.Equal("₹5,000 is below the programme band ₹8,000–₹20,000; a programme manager can override with a reason.", refusal.Message);
    }

    [Fact]
    public void A_delayed_or_no_disbursement_decision_needs_no_room_in_the_band()
    {
        Assert.Equal(Money.Zero, _given.DelayedDecision().Amount);
        Assert.Equal(Money.Zero, _given.NoDisbursementDecision().Amount);
    }
}
