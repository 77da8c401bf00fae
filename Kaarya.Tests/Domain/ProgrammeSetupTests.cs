using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Domain.Programmes;

namespace Kaarya.Tests.Domain;

/// <summary>
/// Setting up GGBK's programme: phases follow one another and stay once they hold records; a
/// budget never falls below what is paid, asked for or decided against it; the band is the
/// programme's policy, changed by a manager with a reason.
/// </summary>
public class ProgrammeSetupTests
{
    private static readonly DateOnly PhaseOneStarts = new(2011, 8, 1);
    private static readonly DateOnly PhaseOneEnds = new(2012, 7, 31);

    private readonly Programme _programme = new("Kaarya — Work that Heals");

    [Fact]
    public void A_new_programme_holds_decisions_to_the_report_band_of_Rs_8000_to_20000()
    {
        Assert.Equal(Money.FromRupees(8_000), _programme.Band.Minimum);
        Assert.Equal(Money.FromRupees(20_000), _programme.Band.Maximum);
        Assert.Null(_programme.BandReason);
    }

    [Fact]
    public void A_phase_that_overlaps_another_by_one_day_is_refused()
    {
        _programme.AddPhase("Phase 1", PhaseOneStarts, PhaseOneEnds);

        var refusal = Assert.Throws<DomainException>(() => _programme.AddPhase("Phase 2", new DateOnly(2012, 7, 31), new DateOnly(2013, 3, 31)));

        Assert.Equal("phase-overlap", refusal.Code);
        Assert.Equal("The phase \"Phase 2\" overlaps \"Phase 1\"; phases of a programme follow one another.", refusal.Message);
        Assert.Single(_programme.Phases);
    }

    [Fact]
    public void A_phase_moved_onto_its_neighbour_is_refused_and_keeps_its_dates()
    {
        _programme.AddPhase("Phase 1", PhaseOneStarts, PhaseOneEnds);
        var second = _programme.AddPhase("Phase 2", new DateOnly(2012, 8, 1), new DateOnly(2013, 3, 31));

        var refusal = Assert.Throws<DomainException>(() =>
            _programme.ChangePhase(second, "Phase 2", new DateOnly(2012, 6, 1), new DateOnly(2013, 3, 31), holdsRecords: false));

        Assert.Equal("phase-overlap", refusal.Code);
        Assert.Equal(new DateOnly(2012, 8, 1), second.StartsOn);
    }

    [Fact]
    public void A_phase_with_records_can_end_later_but_not_sooner()
    {
        var phase = _programme.AddPhase("Phase 1", PhaseOneStarts, PhaseOneEnds);

        _programme.ChangePhase(phase, "Phase 1", PhaseOneStarts, new DateOnly(2012, 9, 30), holdsRecords: true);
        var refusal = Assert.Throws<DomainException>(() =>
            _programme.ChangePhase(phase, "Phase 1", PhaseOneStarts, new DateOnly(2012, 6, 30), holdsRecords: true));

        Assert.Equal(new DateOnly(2012, 9, 30), phase.EndsOn);
        Assert.Equal("phase-shrinks", refusal.Code);
        Assert.Equal("Phase 1 holds records from 01-08-2011 to 30-09-2012; it can start earlier or end later, not less.", refusal.Message);
    }

    [Fact]
    public void A_phase_with_records_is_closed_not_removed()
    {
        var phase = _programme.AddPhase("Phase 1", PhaseOneStarts, PhaseOneEnds);

        var refusal = Assert.Throws<DomainException>(() => _programme.RemovePhase(phase, holdsRecords: true));
        phase.Close(new DateOnly(2012, 8, 10), Actors.Manager);

        Assert.Equal("phase-has-records", refusal.Code);
        Assert.Single(_programme.Phases);
        Assert.Equal(new DateOnly(2012, 8, 10), phase.ClosedOn);
    }

    [Fact]
    public void A_phase_that_holds_nothing_can_be_removed()
    {
        var phase = _programme.AddPhase("Phase 3 (draft)", new DateOnly(2014, 4, 1), new DateOnly(2015, 3, 31));

        _programme.RemovePhase(phase, holdsRecords: false);

        Assert.Empty(_programme.Phases);
    }

    [Fact]
    public void Only_a_manager_closes_a_phase()
    {
        var phase = _programme.AddPhase("Phase 1", PhaseOneStarts, PhaseOneEnds);

        var refusal = Assert.Throws<DomainException>(() => phase.Close(new DateOnly(2012, 8, 10), Actors.Staff));

        Assert.Equal("not-manager", refusal.Code);
        Assert.False(phase.IsClosed);
    }

    [Fact]
    public void A_closed_phase_takes_no_new_decision()
    {
        var given = new SeedFundCase();
        given.Phase.Close(new DateOnly(2013, 8, 15), Actors.Manager);

        var refusal = Assert.Throws<DomainException>(() => given.ImmediateDecision(Money.FromRupees(12_000)));

        Assert.Equal("phase-closed", refusal.Code);
        Assert.Equal("takes", refusal.Variant);
        Assert.Equal("Renewed phase 2013–14 was closed on 15-08-2013; it takes no new decision or request.", refusal.Message);
    }

    [Fact]
    public void A_closed_phase_takes_no_new_request_against_an_earlier_decision()
    {
        var given = new SeedFundCase();
        var decision = given.ImmediateDecision(Money.FromRupees(12_000));
        given.Phase.Close(new DateOnly(2013, 8, 25), Actors.Manager);

        var refusal = Assert.Throws<DomainException>(() => DisbursementRequest.Record(
            decision, given.Phase, given.Funder, Money.FromRupees(12_000), Days.Paid, PaymentMethod.Cash, "RCPT-1",
            Actors.Staff, Days.Recorded, Guid.NewGuid()));

        Assert.Equal("phase-closed", refusal.Code);
    }

    [Fact]
    public void A_budget_cannot_fall_below_what_is_paid_or_asked_for_against_it()
    {
        var given = new SeedFundCase();
        // ₹12,000 paid and ₹8,000 waiting for approval against the funder's ₹1,50,000.
        var committed = new BudgetCommitments(Money.FromRupees(20_000), Money.FromRupees(20_000), Money.Zero);

        var refusal = Assert.Throws<DomainException>(() => given.Budget.ChangeAmount(Money.FromRupees(15_000), committed));

        Assert.Equal("budget-below-commitments", refusal.Code);
        Assert.Equal("paid", refusal.Variant);
        Assert.Equal("₹15,000 is below the ₹20,000 already paid or asked for against this budget.", refusal.Message);
        Assert.Equal(Money.FromRupees(1_50_000), given.Budget.Amount);
    }

    [Fact]
    public void A_phase_budgets_together_cannot_fall_below_what_its_decisions_promised()
    {
        var given = new SeedFundCase();
        // Nothing paid yet; the phase's decisions promise ₹90,000; another funder gives ₹50,000.
        var committed = new BudgetCommitments(Money.Zero, Money.FromRupees(90_000), Money.FromRupees(50_000));

        var refusal = Assert.Throws<DomainException>(() => given.Budget.ChangeAmount(Money.FromRupees(30_000), committed));
        given.Budget.ChangeAmount(Money.FromRupees(40_000), committed);

        Assert.Equal("decided", refusal.Variant);
        Assert.Equal("With ₹30,000, the phase's budgets come to ₹80,000, below the ₹90,000 its decisions have promised.", refusal.Message);
        Assert.Equal(Money.FromRupees(40_000), given.Budget.Amount);
    }

    [Fact]
    public void A_manager_changes_the_band_with_a_reason()
    {
        _programme.ChangeBand(new DisbursementBand(Money.FromRupees(10_000), Money.FromRupees(25_000)), "Prices of goats rose after the cyclone.", Actors.Manager);

        Assert.Equal(Money.FromRupees(25_000), _programme.Band.Maximum);
        Assert.Equal("Prices of goats rose after the cyclone.", _programme.BandReason);
    }

    [Fact]
    public void Staff_cannot_change_the_band_and_a_manager_needs_a_reason()
    {
        var band = new DisbursementBand(Money.FromRupees(10_000), Money.FromRupees(25_000));

        var byStaff = Assert.Throws<DomainException>(() => _programme.ChangeBand(band, "Prices rose.", Actors.Staff));
        var withoutReason = Assert.Throws<DomainException>(() => _programme.ChangeBand(band, "  ", Actors.Manager));

        Assert.Equal("not-manager", byStaff.Code);
        Assert.Equal("required", withoutReason.Code);
        Assert.Equal(DisbursementBand.Default, _programme.Band);
    }
}
