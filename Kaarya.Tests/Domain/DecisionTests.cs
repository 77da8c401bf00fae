using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;

namespace Kaarya.Tests.Domain;

public class DecisionTests
{
    private readonly SeedFundCase _given = new();

    [Fact]
    public void An_immediate_decision_inside_the_band_allows_disbursement()
    {
        var decision = _given.ImmediateDecision(Money.FromRupees(15_000));

        Assert.Equal(DecisionKind.Immediate, decision.Kind);
        Assert.Equal(Money.FromRupees(15_000), decision.Amount);
        Assert.True(decision.AllowsDisbursement);
        Assert.Equal(_given.Business.Id, decision.BusinessId);
        Assert.Equal(_given.Phase.Id, decision.PhaseId);
        Assert.Equal(_given.Stocktaking.Id, decision.StocktakingId);
        Assert.Equal(_given.RiskAssessment.Id, decision.RiskAssessmentId);
        Assert.Equal(Days.Decided, decision.DecidedOn);
        Assert.Equal(Actors.Staff.UserId, decision.DecidedBy);
        Assert.Null(decision.OverriddenBy);
        Assert.Null(decision.OverrideReason);
    }

    [Theory]
    [InlineData(8_000)]
    [InlineData(20_000)]
    public void Rs_8000_and_Rs_20000_are_accepted_without_an_override(int rupees)
    {
        var decision = _given.ImmediateDecision(Money.FromRupees(rupees));

        Assert.Equal(Money.FromRupees(rupees), decision.Amount);
        Assert.Null(decision.OverriddenBy);
    }

    [Fact]
    public void Rs_7999_is_refused_without_an_override()
    {
        var refusal = Assert.Throws<DomainException>(() => _given.ImmediateDecision(Money.FromRupees(7_999)));

        Assert.Equal("outside-band", refusal.Code);
        Assert.Contains("₹7,999 is below the programme band ₹8,000–₹20,000", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rs_20001_is_refused_without_an_override()
    {
        var refusal = Assert.Throws<DomainException>(() => _given.ImmediateDecision(Money.FromRupees(20_001)));

        Assert.Equal("outside-band", refusal.Code);
        Assert.Contains("₹20,001 is above the programme band ₹8,000–₹20,000", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rs_25000_is_refused_with_what_a_social_worker_can_do_about_it()
    {
        var refusal = Assert.Throws<DomainException>(() => _given.ImmediateDecision(Money.FromRupees(25_000)));

        Assert.Equal(
            "₹25,000 is above the programme band ₹8,000–₹20,000; a programme manager can override with a reason.",
            refusal.Message);
    }

    [Theory]
    [InlineData(7_999)]
    [InlineData(20_001)]
    public void An_amount_outside_the_band_is_accepted_with_a_managers_override_and_the_reason_is_kept(int rupees)
    {
        var managerOverride = new BandOverride(Actors.Manager, "Her goats died in the flood; the committee agreed.");

        var decision = _given.ImmediateDecision(Money.FromRupees(rupees), managerOverride);

        Assert.Equal(Money.FromRupees(rupees), decision.Amount);
        Assert.Equal(Actors.Manager.UserId, decision.OverriddenBy);
        Assert.Equal("Her goats died in the flood; the committee agreed.", decision.OverrideReason);
    }

    [Fact]
    public void An_override_is_not_recorded_on_an_amount_that_did_not_need_one()
    {
        var managerOverride = new BandOverride(Actors.Manager, "Just in case");

        var decision = _given.ImmediateDecision(Money.FromRupees(12_000), managerOverride);

        Assert.Null(decision.OverriddenBy);
        Assert.Null(decision.OverrideReason);
    }

    [Fact]
    public void An_override_without_a_manager_is_refused()
    {
        var refusal = Assert.Throws<DomainException>(() =>
            _given.ImmediateDecision(Money.FromRupees(25_000), new BandOverride(Actors.Staff, "She asked for more.")));

        Assert.Equal("not-manager", refusal.Code);
    }

    [Fact]
    public void An_override_without_a_reason_is_refused()
    {
        var refusal = Assert.Throws<DomainException>(() =>
            _given.ImmediateDecision(Money.FromRupees(25_000), new BandOverride(Actors.Manager, " ")));

        Assert.Equal("override-reason", refusal.Code);
    }

    [Fact]
    public void A_decision_without_a_stocktaking_is_refused()
    {
        var refusal = Assert.Throws<DomainException>(() => DisbursementDecision.Immediate(
            _given.Business, _given.Phase, stocktaking: null!, _given.RiskAssessment,
            Money.FromRupees(15_000), DisbursementBand.Default, DecisionsInPhase.None, Days.Decided, Actors.Staff));

        Assert.Equal("no-stocktaking", refusal.Code);
        Assert.Contains("record the stocktaking first", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_decision_on_the_stocktaking_of_another_business_is_refused()
    {
        var otherStocktaking = new StocktakingBuilder(_given.OtherBusiness(), _given.Phase).Build();

        var refusal = Assert.Throws<DomainException>(() => DisbursementDecision.Immediate(
            _given.Business, _given.Phase, otherStocktaking, _given.RiskAssessment,
            Money.FromRupees(15_000), DisbursementBand.Default, DecisionsInPhase.None, Days.Decided, Actors.Staff));

        Assert.Equal("no-stocktaking", refusal.Code);
        Assert.Contains("4P stocktaking of Rupali's poultry in Renewed phase 2013–14", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_decision_on_a_stocktaking_from_an_earlier_phase_is_refused()
    {
        var phaseOneStocktaking = new StocktakingBuilder(_given.Business, _given.PhaseOne).HeldOn(new DateOnly(2012, 6, 20)).Build();

        var refusal = Assert.Throws<DomainException>(() => DisbursementDecision.Immediate(
            _given.Business, _given.Phase, phaseOneStocktaking, _given.RiskAssessment,
            Money.FromRupees(15_000), DisbursementBand.Default, DecisionsInPhase.None, Days.Decided, Actors.Staff));

        Assert.Equal("no-stocktaking", refusal.Code);
    }

    [Fact]
    public void A_decision_without_a_risk_assessment_is_refused()
    {
        var refusal = Assert.Throws<DomainException>(() => DisbursementDecision.NoDisbursement(
            _given.Business, _given.Phase, _given.Stocktaking, riskAssessment: null!,
            "She is moving away.", Days.Decided, Actors.Staff, DecisionsInPhase.None));

        Assert.Equal("no-risk-assessment", refusal.Code);
        Assert.Contains("record the risk assessment first", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_decision_on_the_risk_assessment_of_another_business_is_refused()
    {
        var otherAssessment = new RiskAssessmentBuilder(_given.OtherBusiness(), _given.Phase).Build();

        var refusal = Assert.Throws<DomainException>(() => DisbursementDecision.Immediate(
            _given.Business, _given.Phase, _given.Stocktaking, otherAssessment,
            Money.FromRupees(15_000), DisbursementBand.Default, DecisionsInPhase.None, Days.Decided, Actors.Staff));

        Assert.Equal("no-risk-assessment", refusal.Code);
    }

    [Fact]
    public void A_decision_on_a_risk_assessment_from_an_earlier_phase_is_refused()
    {
        var phaseOneAssessment = new RiskAssessmentBuilder(_given.Business, _given.PhaseOne)
            .AssessedOn(new DateOnly(2012, 6, 22))
            .WithRisk(Risks.LivestockDisease(new DateOnly(2012, 7, 22)))
            .Build();

        var refusal = Assert.Throws<DomainException>(() => DisbursementDecision.Delayed(
            _given.Business, _given.Phase, _given.Stocktaking, phaseOneAssessment,
            "Talk with her family first.", Days.Decided.AddDays(30), "Her mother", Days.Decided, Actors.Staff, DecisionsInPhase.None));

        Assert.Equal("no-risk-assessment", refusal.Code);
    }

    [Fact]
    public void A_closed_business_gets_no_decision()
    {
        _given.Business.Close(new DateOnly(2013, 8, 15), Kaarya.Tests.Domain.Causes.Other(), "She sold the birds and moved to her mother's village.");

        var refusal = Assert.Throws<DomainException>(() => _given.ImmediateDecision(Money.FromRupees(15_000)));

        Assert.Equal("business-closed", refusal.Code);
    }

    [Fact]
    public void A_mentor_cannot_record_a_decision()
    {
        var refusal = Assert.Throws<DomainException>(() => DisbursementDecision.Immediate(
            _given.Business, _given.Phase, _given.Stocktaking, _given.RiskAssessment,
            Money.FromRupees(15_000), DisbursementBand.Default, DecisionsInPhase.None, Days.Decided, Actors.Mentor));

        Assert.Equal("not-staff", refusal.Code);
    }

    [Fact]
    public void A_delayed_decision_keeps_its_reason_follow_up_date_and_who_must_take_part()
    {
        var decision = _given.DelayedDecision();

        Assert.Equal(DecisionKind.Delayed, decision.Kind);
        Assert.False(decision.AllowsDisbursement);
        Assert.Equal(Money.Zero, decision.Amount);
        Assert.Equal("Her husband objects to the business; talk with the family first.", decision.Reason);
        Assert.Equal(Days.Decided.AddDays(30), decision.FollowUpOn);
        Assert.Equal("Her husband and mother-in-law", decision.MustTakePart);
    }

    [Fact]
    public void A_delayed_decision_without_a_follow_up_date_is_refused()
    {
        var refusal = Assert.Throws<DomainException>(() => DisbursementDecision.Delayed(
            _given.Business, _given.Phase, _given.Stocktaking, _given.RiskAssessment,
            "Talk with her family first.", followUpOn: null, "Her husband", Days.Decided, Actors.Staff, DecisionsInPhase.None));

        Assert.Equal("no-follow-up", refusal.Code);
        Assert.Contains("follow-up date", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_delayed_decision_whose_follow_up_is_not_after_the_decision_is_refused()
    {
        var refusal = Assert.Throws<DomainException>(() => DisbursementDecision.Delayed(
            _given.Business, _given.Phase, _given.Stocktaking, _given.RiskAssessment,
            "Talk with her family first.", followUpOn: Days.Decided, "Her husband", Days.Decided, Actors.Staff, DecisionsInPhase.None));

        Assert.Equal("follow-up-past", refusal.Code);
    }

    [Fact]
    public void A_delayed_decision_without_a_reason_is_refused()
    {
        var refusal = Assert.Throws<DomainException>(() => DisbursementDecision.Delayed(
            _given.Business, _given.Phase, _given.Stocktaking, _given.RiskAssessment,
            "", Days.Decided.AddDays(30), "Her husband", Days.Decided, Actors.Staff, DecisionsInPhase.None));

        Assert.Equal("required", refusal.Code);
    }

    [Fact]
    public void A_delayed_decision_names_who_must_take_part_in_the_discussion()
    {
        var refusal = Assert.Throws<DomainException>(() => DisbursementDecision.Delayed(
            _given.Business, _given.Phase, _given.Stocktaking, _given.RiskAssessment,
            "Talk with her family first.", Days.Decided.AddDays(30), "  ", Days.Decided, Actors.Staff, DecisionsInPhase.None));

        Assert.Equal("required", refusal.Code);
        Assert.Contains("Who must take part", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_delayed_decision_is_overdue_once_its_follow_up_date_has_passed()
    {
        var decision = _given.DelayedDecision();
        var followUp = decision.FollowUpOn!.Value;

        Assert.False(decision.IsFollowUpOverdue(followUp));
        Assert.True(decision.IsFollowUpOverdue(followUp.AddDays(1)));
    }

    [Fact]
    public void An_immediate_decision_is_never_overdue_for_follow_up()
    {
        var decision = _given.ImmediateDecision(Money.FromRupees(15_000));

        Assert.False(decision.IsFollowUpOverdue(Days.RenewedPhaseEnds));
    }

    [Fact]
    public void A_no_disbursement_decision_keeps_its_reason_and_allows_no_money()
    {
        var decision = _given.NoDisbursementDecision();

        Assert.Equal(DecisionKind.None, decision.Kind);
        Assert.False(decision.AllowsDisbursement);
        Assert.Equal(Money.Zero, decision.Amount);
        Assert.Equal("She has chosen to take up work in Kolkata this year.", decision.Reason);
    }

    [Fact]
    public void A_no_disbursement_decision_without_a_reason_is_refused()
    {
        var refusal = Assert.Throws<DomainException>(() => DisbursementDecision.NoDisbursement(
            _given.Business, _given.Phase, _given.Stocktaking, _given.RiskAssessment, "", Days.Decided, Actors.Staff, DecisionsInPhase.None));

        Assert.Equal("required", refusal.Code);
    }
}
