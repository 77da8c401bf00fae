using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;

namespace Kaarya.Tests.Domain;

public class DisbursementBandTests
{
    private static readonly DisbursementBand Band = DisbursementBand.Default;

    [Fact]
    public void The_programme_band_is_Rs_8000_to_Rs_20000()
    {
        Assert.Equal(Money.FromRupees(8_000), Band.Minimum);
        Assert.Equal(Money.FromRupees(20_000), Band.Maximum);
        Assert.Equal("₹8,000–₹20,000", Band.ToString());
    }

    [Theory]
    [InlineData(8_000)]
    [InlineData(12_500)]
    [InlineData(20_000)]
    public void An_amount_inside_the_band_needs_no_override(int rupees)
    {
        var amount = Money.FromRupees(rupees);

        Assert.True(Band.Contains(amount));
        Assert.Null(Band.Admit(amount, managerOverride: null));
    }

    [Fact]
    public void Rs_7999_is_refused_without_an_override()
    {
        var refusal = Assert.Throws<DomainException>(() => Band.Admit(Money.FromRupees(7_999), managerOverride: null));

        Assert.Equal("outside-band", refusal.Code);
        Assert.Contains("₹7,999 is below the programme band ₹8,000–₹20,000", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rs_20001_is_refused_without_an_override()
    {
        var refusal = Assert.Throws<DomainException>(() => Band.Admit(Money.FromRupees(20_001), managerOverride: null));

        Assert.Equal("outside-band", refusal.Code);
        Assert.Contains("₹20,001 is above the programme band ₹8,000–₹20,000", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_paisa_below_the_band_is_outside_it()
    {
        var refusal = Assert.Throws<DomainException>(() => Band.Admit(Money.FromPaise(799_999), managerOverride: null));

        Assert.Equal("outside-band", refusal.Code);
        Assert.Contains("₹7,999.99 is below", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_refusal_says_what_is_wrong_and_what_can_be_done_in_words_a_social_worker_understands()
    {
        var refusal = Assert.Throws<DomainException>(() => Band.Admit(Money.FromRupees(25_000), managerOverride: null));

        Assert.Equal(
            "₹25,000 is above the programme band ₹8,000–₹20,000; a programme manager can override with a reason.",
            refusal.Message);
    }

    [Theory]
    [InlineData(7_999)]
    [InlineData(20_001)]
    [InlineData(25_000)]
    public void An_amount_outside_the_band_is_admitted_with_a_managers_override_and_a_reason(int rupees)
    {
        var managerOverride = new BandOverride(Actors.Manager, "Her tailoring unit needs a second machine.");

        var needed = Band.Admit(Money.FromRupees(rupees), managerOverride);

        Assert.Same(managerOverride, needed);
    }

    [Fact]
    public void An_override_keeps_the_manager_and_her_reason()
    {
        var managerOverride = new BandOverride(Actors.Manager, "  Flood losses; the committee agreed.  ");

        Assert.Equal(Actors.Manager.UserId, managerOverride.ManagerId);
        Assert.Equal("Flood losses; the committee agreed.", managerOverride.Reason);
    }

    [Fact]
    public void An_override_by_field_staff_is_refused()
    {
        var refusal = Assert.Throws<DomainException>(() => new BandOverride(Actors.Staff, "She needs more."));

        Assert.Equal("not-manager", refusal.Code);
        Assert.Equal("Only a programme manager can override the disbursement band.", refusal.Message);
    }

    [Fact]
    public void An_override_by_a_mentor_is_refused()
    {
        var refusal = Assert.Throws<DomainException>(() => new BandOverride(Actors.Mentor, "She needs more."));

        Assert.Equal("not-manager", refusal.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_override_without_a_reason_is_refused(string reason)
    {
        var refusal = Assert.Throws<DomainException>(() => new BandOverride(Actors.Manager, reason));

        Assert.Equal("override-reason", refusal.Code);
        Assert.Equal("An override of the band needs a written reason.", refusal.Message);
    }

    [Fact]
    public void Nothing_is_paid_as_zero_even_with_an_override()
    {
        var managerOverride = new BandOverride(Actors.Manager, "Testing");

        var refusal = Assert.Throws<DomainException>(() => Band.Admit(Money.Zero, managerOverride));

        Assert.Equal("amount-not-positive", refusal.Code);
    }

    [Fact]
    public void A_configured_band_is_enforced_in_the_same_way()
    {
        var band = new DisbursementBand(Money.FromRupees(5_000), Money.FromRupees(15_000));

        var refusal = Assert.Throws<DomainException>(() => band.Admit(Money.FromRupees(16_000), managerOverride: null));

        Assert.Equal("outside-band", refusal.Code);
        Assert.Contains("₹16,000 is above the programme band ₹5,000–₹15,000", refusal.Message, StringComparison.Ordinal);
        Assert.Null(band.Admit(Money.FromRupees(5_000), managerOverride: null));
    }

    [Fact]
    public void A_band_whose_maximum_is_below_its_minimum_is_refused()
    {
        var refusal = Assert.Throws<DomainException>(() => new DisbursementBand(Money.FromRupees(20_000), Money.FromRupees(8_000)));

        Assert.Equal("band-order", refusal.Code);
    }

    [Fact]
    public void A_band_starting_at_zero_is_refused()
    {
        var refusal = Assert.Throws<DomainException>(() => new DisbursementBand(Money.Zero, Money.FromRupees(20_000)));

        Assert.Equal("band-minimum", refusal.Code);
    }
}
