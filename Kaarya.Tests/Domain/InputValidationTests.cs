using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Domain.Participants;

namespace Kaarya.Tests.Domain;

/// <summary>The forms' field rules: what a social worker is told before anything reaches the programme's rules.</summary>
public class InputValidationTests
{
    private static DisbursementRequestInput CashTranche(string amount) => new()
    {
        DecisionId = Guid.NewGuid(),
        FunderId = Guid.NewGuid(),
        Amount = amount,
        ValueDate = Days.Paid,
        Method = PaymentMethod.Cash,
        Reference = "",
    };

    private static DecisionInput DecisionForm(DecisionKind kind) => new()
    {
        BusinessId = Guid.NewGuid(),
        PhaseId = Guid.NewGuid(),
        StocktakingId = Guid.NewGuid(),
        RiskAssessmentId = Guid.NewGuid(),
        Kind = kind,
        DecidedOn = Days.Decided,
    };

    private static RegisterParticipantInput Registration() => new()
    {
        Code = "KAA-07",
        GivenName = "Rupali",
        Village = "Joynagar",
        ConsentsToDataKept = true,
        ConsentedOn = Days.ConsentGiven,
    };

    [Theory]
    [InlineData("12,500")]
    [InlineData("12500")]
    [InlineData("₹12,500.50")]
    public void A_tranche_typed_the_way_staff_type_amounts_is_accepted(string amount)
    {
        var result = new DisbursementRequestInputValidator().Validate(CashTranche(amount));

        Assert.True(result.IsValid);
    }

    [Theory]
    [InlineData("12.505")]
    [InlineData("abc")]
    [InlineData("0")]
    public void A_tranche_that_is_not_an_amount_of_rupees_is_sent_back(string amount)
    {
        var result = new DisbursementRequestInputValidator().Validate(CashTranche(amount));

        var error = Assert.Single(result.Errors);
        Assert.Equal(nameof(DisbursementRequestInput.Amount), error.PropertyName);
        Assert.Equal("Enter an amount in rupees, such as 12,500 or 12500.50.", error.ErrorMessage);
    }

    [Fact]
    public void A_cheque_without_its_number_is_sent_back()
    {
        var input = CashTranche("12,500");
        input.Method = PaymentMethod.Cheque;

        var result = new DisbursementRequestInputValidator().Validate(input);

        var error = Assert.Single(result.Errors);
        Assert.Equal(nameof(DisbursementRequestInput.Reference), error.PropertyName);
    }

    [Fact]
    public void A_tranche_without_a_value_date_is_sent_back()
    {
        var input = CashTranche("12,500");
        input.ValueDate = null;

        var result = new DisbursementRequestInputValidator().Validate(input);

        var error = Assert.Single(result.Errors);
        Assert.Equal("Enter the date the money is paid.", error.ErrorMessage);
    }

    [Fact]
    public void A_form_that_skipped_validation_is_still_refused_in_the_same_words()
    {
        var input = CashTranche("12.505");
        input.ValueDate = null;

        var refusal = Assert.Throws<DomainException>(() => InputCheck.Ensure(new DisbursementRequestInputValidator(), input));

        Assert.Equal("input-invalid", refusal.Code);
        Assert.Contains("Enter an amount in rupees, such as 12,500 or 12500.50.", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("Enter the date the money is paid.", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_form_passes_the_check()
    {
        var problem = Record.Exception(() => InputCheck.Ensure(new DisbursementRequestInputValidator(), CashTranche("12,500")));

        Assert.Null(problem);
    }

    [Fact]
    public void A_delayed_decision_form_without_a_follow_up_date_is_sent_back()
    {
        var input = DecisionForm(DecisionKind.Delayed);
        input.Reason = "Talk with her family first";
        input.MustTakePart = "Her husband";

        var result = new DecisionInputValidator().Validate(input);

        var error = Assert.Single(result.Errors);
        Assert.Equal(nameof(DecisionInput.FollowUpOn), error.PropertyName);
        Assert.Equal("A delayed decision needs a follow-up date.", error.ErrorMessage);
    }

    [Fact]
    public void A_delayed_decision_form_whose_follow_up_is_not_after_the_decision_is_sent_back()
    {
        var input = DecisionForm(DecisionKind.Delayed);
        input.Reason = "Talk with her family first";
        input.MustTakePart = "Her husband";
        input.FollowUpOn = Days.Decided;

        var result = new DecisionInputValidator().Validate(input);

        var error = Assert.Single(result.Errors);
        Assert.Equal("The follow-up date must come after the decision.", error.ErrorMessage);
    }

    [Fact]
    public void A_decision_form_without_a_stocktaking_is_sent_back()
    {
        var input = DecisionForm(DecisionKind.Immediate);
        input.Amount = "15,000";
        input.StocktakingId = Guid.Empty;

        var result = new DecisionInputValidator().Validate(input);

        var error = Assert.Single(result.Errors);
        Assert.Equal("A decision needs a 4P stocktaking; record one first.", error.ErrorMessage);
    }

    [Fact]
    public void An_immediate_decision_form_needs_an_amount()
    {
        var result = new DecisionInputValidator().Validate(DecisionForm(DecisionKind.Immediate));

        Assert.Contains(result.Errors, e => e.PropertyName == nameof(DecisionInput.Amount));
    }

    [Fact]
    public void A_no_disbursement_form_needs_a_reason_but_no_amount()
    {
        var result = new DecisionInputValidator().Validate(DecisionForm(DecisionKind.None));

        var error = Assert.Single(result.Errors);
        Assert.Equal(nameof(DecisionInput.Reason), error.PropertyName);
    }

    [Fact]
    public void A_registration_with_her_consent_is_accepted()
    {
        var result = new RegisterParticipantInputValidator().Validate(Registration());

        Assert.True(result.IsValid);
    }

    [Fact]
    public void A_registration_without_her_consent_to_keep_data_is_sent_back()
    {
        var input = Registration();
        input.ConsentsToDataKept = false;

        var result = new RegisterParticipantInputValidator().Validate(input);

        var error = Assert.Single(result.Errors);
        Assert.Equal("The programme keeps her data only with her consent; record it before registering her.", error.ErrorMessage);
    }

    [Fact]
    public void A_registration_with_a_malformed_code_is_sent_back()
    {
        var input = Registration();
        input.Code = "KAA7";

        var result = new RegisterParticipantInputValidator().Validate(input);

        var error = Assert.Single(result.Errors);
        Assert.Equal("Codes look like KAA-07.", error.ErrorMessage);
    }

    [Fact]
    public void A_stage_form_without_a_stage_or_evidence_is_sent_back()
    {
        var input = new StageAssessmentInput { BusinessId = Guid.NewGuid(), AssessedOn = new DateOnly(2013, 8, 1) };

        var result = new StageAssessmentInputValidator().Validate(input);

        Assert.Contains(result.Errors, e => e.ErrorMessage == "Choose one of the four stages.");
        Assert.Contains(result.Errors, e => e.ErrorMessage == "The evidence for the stage is required.");
    }
}
