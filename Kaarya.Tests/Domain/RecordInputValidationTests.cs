using Kaarya.Domain.Assessments;
using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;
using Kaarya.Domain.Plans;

namespace Kaarya.Tests.Domain;

/// <summary>The field rules of the plan, 4P, risk, timeline, assets and cash-book forms.</summary>
public class RecordInputValidationTests
{
    [Fact]
    public void A_plan_may_expect_no_income_yet_but_needs_an_intended_use_of_the_seed_money()
    {
        var plan = new PlanInput
        {
            BusinessId = Guid.NewGuid(),
            DraftedOn = new DateOnly(2013, 5, 10),
            ProductsAndServices = "Eggs",
            Customers = "Neighbours",
            ExpectedMonthlyIncome = "0",
            NextSteps = "Buy chicks",
        };

        var errors = Messages(new PlanInputValidator().Validate(plan));

        Assert.Equal(["List at least one intended use of the seed money."], errors);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("1.234")]
    [InlineData("twelve")]
    public void A_plan_line_amount_must_read_as_rupees(string amount)
    {
        var errors = Messages(new PlanLineInputValidator().Validate(new PlanLineInput { Description = "Chicks", Amount = amount }));

        Assert.Equal(["Enter an amount in rupees, such as 12,500 or 0."], errors);
    }

    [Fact]
    public void A_risk_from_the_catalogue_needs_no_title_but_a_risk_of_her_own_does()
    {
        var validator = new RatedRiskInputValidator();
        RatedRiskInput Rated(string? key) => new()
        {
            CatalogueKey = key,
            Likelihood = RiskLevel.Low,
            Impact = RiskLevel.High,
            Mitigation = "Keep a vet's number",
            Owner = "Herself",
            ReviewOn = new DateOnly(2013, 11, 1),
        };

        Assert.True(validator.Validate(Rated("livestock-disease")).IsValid);
        Assert.Equal(["The risk is required.", "Choose whether she can deal with it or it is beyond her control."], Messages(validator.Validate(Rated(null))));
        Assert.Equal(["That risk is not in the catalogue."], Messages(validator.Validate(Rated("floods"))));
    }

    [Fact]
    public void A_stocktaking_needs_a_positive_or_a_challenge_and_each_partner_a_side()
    {
        var input = new StocktakingInput
        {
            BusinessId = Guid.NewGuid(),
            HeldOn = Days.StocktakingHeld,
            Preparation = "Went to the workshops",
            Purpose = "To earn",
            Partners = [new PartnerInput { Kind = PartnerKind.Parents }],
        };

        Assert.Equal(
            ["Choose supporter or challenger.", "Write at least one positive or one challenge under Performance."],
            Messages(new StocktakingInputValidator().Validate(input)));
    }

    [Fact]
    public void An_insured_business_says_what_the_insurance_covers()
    {
        var input = new FinancialSnapshotInput { BusinessId = Guid.NewGuid(), TakenOn = Days.Paid, Assets = "12,000", Insured = true };

        Assert.Equal(["Say what the insurance covers."], Messages(new FinancialSnapshotInputValidator().Validate(input)));
    }

    [Fact]
    public void A_sun_or_cloud_needs_its_kind_its_category_its_date_and_what_happened()
    {
        var errors = Messages(new TimelineEventInputValidator().Validate(new TimelineEventInput { BusinessId = Guid.NewGuid() }));

        Assert.Equal(["Choose sun or cloud.", "Choose what kind of event it was.", "Enter when it happened.", "What happened is required."], errors);
    }

    [Theory]
    [InlineData(1_250_000, "12,500")]
    [InlineData(1_250_050, "12,500.50")]
    [InlineData(12_500_000_00, "1,25,00,000")]
    [InlineData(0, "0")]
    public void An_amount_is_offered_for_editing_as_people_type_it(long paise, string typed)
    {
        Assert.Equal(typed, Money.FromPaise(paise).ToInputString());
        Assert.Equal(Money.FromPaise(paise), Money.Parse(typed));
    }

    private static List<string> Messages(FluentValidation.Results.ValidationResult result) => [.. result.Errors.Select(e => e.ErrorMessage)];
}
