using Kaarya.Domain.Assessments;
using Kaarya.Domain.Common;

namespace Kaarya.Tests.Domain;

public class RiskAssessmentTests
{
    private readonly SeedFundCase _given = new();

    [Fact]
    public void The_catalogue_holds_the_five_risks_a_survivor_can_deal_with()
    {
        var canBeDealtWith = RiskCatalogue.All.Where(r => r.Group == RiskGroup.CanBeDealtWith).Select(r => r.Title);

        string[] expected =
        [
            "Excessive family control",
            "Competition from similar enterprises",
            "Distraction and disinterest",
            "Debts",
            "Stock consumed by own family and relatives",
        ];
        Assert.Equal(expected, canBeDealtWith);
    }

    [Fact]
    public void The_catalogue_holds_the_seven_risks_beyond_her_control()
    {
        var beyondControl = RiskCatalogue.All.Where(r => r.Group == RiskGroup.BeyondControl).Select(r => r.Title);

        string[] expected =
        [
            "Lack of funds when critically needed",
            "Fall in market price",
            "Livestock lost to disease",
            "Life events (marriage, childbirth)",
            "Threats and enmity",
            "Bad location",
            "Customers refusing to pay",
        ];
        Assert.Equal(expected, beyondControl);
    }

    [Fact]
    public void Catalogue_keys_are_found_whatever_their_case()
    {
        var risk = RiskCatalogue.Find("Family-Control");

        Assert.NotNull(risk);
        Assert.Equal("family-control", risk.Key);
        Assert.Null(RiskCatalogue.Find("floods"));
    }

    [Fact]
    public void A_catalogue_risk_takes_its_title_and_group_from_the_catalogue()
    {
        var risk = Risks.LivestockDisease();

        Assert.Equal("livestock-disease", risk.CatalogueKey);
        Assert.Equal("Livestock lost to disease", risk.Title);
        Assert.Equal(RiskGroup.BeyondControl, risk.Group);
        Assert.False(risk.IsCustom);
    }

    [Fact]
    public void A_risk_not_in_the_catalogue_is_refused_by_key()
    {
        var refusal = Assert.Throws<DomainException>(() => RatedRisk.FromCatalogue(
            "floods", RiskLevel.High, RiskLevel.High, "Raise the coop", "Rupali", Days.RisksReviewed));

        Assert.Equal("risk-unknown", refusal.Code);
        Assert.Contains("\"floods\" is not in the risk catalogue", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_assessment_adds_its_own_risks_beside_the_catalogue()
    {
        var floods = RatedRisk.Custom(
            "The coop floods every monsoon", RiskGroup.BeyondControl, RiskLevel.High, RiskLevel.Medium,
            "Raise the coop on bamboo stilts", "Rupali", Days.RisksReviewed);

        var assessment = new RiskAssessmentBuilder(_given.Business, _given.Phase)
            .WithRisk(Risks.FamilyControl())
            .WithRisk(floods)
            .Build();

        Assert.True(floods.IsCustom);
        Assert.Null(floods.CatalogueKey);
        Assert.Equal(2, assessment.Risks.Count);
        Assert.Contains(assessment.Risks, r => r.IsCustom && r.Title == "The coop floods every monsoon");
    }

    [Theory]
    [InlineData(RiskLevel.Low, RiskLevel.Low, 1, RiskLevel.Low)]
    [InlineData(RiskLevel.Low, RiskLevel.Medium, 2, RiskLevel.Low)]
    [InlineData(RiskLevel.Low, RiskLevel.High, 3, RiskLevel.Medium)]
    [InlineData(RiskLevel.Medium, RiskLevel.Medium, 4, RiskLevel.Medium)]
    [InlineData(RiskLevel.Medium, RiskLevel.High, 6, RiskLevel.High)]
    [InlineData(RiskLevel.High, RiskLevel.High, 9, RiskLevel.High)]
    public void Severity_follows_likelihood_times_impact(RiskLevel likelihood, RiskLevel impact, int score, RiskLevel severity)
    {
        var risk = RatedRisk.FromCatalogue("debts", likelihood, impact, "Pay the moneylender first", "Rupali", Days.RisksReviewed);

        Assert.Equal(score, risk.Score);
        Assert.Equal(severity, risk.Severity);
    }

    [Fact]
    public void A_risk_needs_a_mitigation()
    {
        var refusal = Assert.Throws<DomainException>(() => RatedRisk.FromCatalogue(
            "debts", RiskLevel.High, RiskLevel.High, "", "Rupali", Days.RisksReviewed));

        Assert.Equal("required", refusal.Code);
        Assert.Contains("The mitigation for \"Debts\"", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_risk_needs_someone_to_look_after_it()
    {
        var refusal = Assert.Throws<DomainException>(() => RatedRisk.FromCatalogue(
            "debts", RiskLevel.High, RiskLevel.High, "Pay the moneylender first", " ", Days.RisksReviewed));

        Assert.Equal("required", refusal.Code);
        Assert.Contains("Who looks after \"Debts\"", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_assessment_keeps_its_business_phase_date_and_assessor()
    {
        var assessment = _given.RiskAssessment;

        Assert.Equal(_given.Business.Id, assessment.BusinessId);
        Assert.Equal(_given.Phase.Id, assessment.PhaseId);
        Assert.Equal(Days.RisksAssessed, assessment.AssessedOn);
        Assert.Equal(Actors.Staff.UserId, assessment.AssessedBy);
        Assert.Equal(2, assessment.Risks.Count);
    }

    [Fact]
    public void An_assessment_rates_at_least_one_risk()
    {
        var refusal = Assert.Throws<DomainException>(() =>
            new RiskAssessment(_given.Business, _given.Phase, Days.RisksAssessed, Actors.Staff, []));

        Assert.Equal("no-risks", refusal.Code);
    }

    [Fact]
    public void A_risk_rated_twice_in_one_assessment_is_refused()
    {
        var refusal = Assert.Throws<DomainException>(() => new RiskAssessmentBuilder(_given.Business, _given.Phase)
            .WithRisk(Risks.FamilyControl())
            .WithRisk(Risks.FamilyControl())
            .Build());

        Assert.Equal("risk-twice", refusal.Code);
        Assert.Equal("\"Excessive family control\" is rated twice.", refusal.Message);
    }

    [Fact]
    public void An_assessment_dated_outside_its_phase_is_refused()
    {
        var refusal = Assert.Throws<DomainException>(() => new RiskAssessmentBuilder(_given.Business, _given.Phase)
            .AssessedOn(new DateOnly(2014, 4, 1))
            .WithRisk(Risks.FamilyControl(new DateOnly(2014, 6, 1)))
            .Build());

        Assert.Equal("outside-phase", refusal.Code);
        Assert.Contains("01-04-2014", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_review_date_before_the_assessment_is_refused()
    {
        var refusal = Assert.Throws<DomainException>(() => new RiskAssessmentBuilder(_given.Business, _given.Phase)
            .AssessedOn(Days.RisksAssessed)
            .WithRisk(Risks.LivestockDisease(Days.RisksAssessed.AddDays(-1)))
            .Build());

        Assert.Equal("review-before-assessment", refusal.Code);
    }

    [Fact]
    public void Only_staff_or_the_programme_manager_record_a_risk_assessment()
    {
        var refusal = Assert.Throws<DomainException>(() =>
            new RiskAssessmentBuilder(_given.Business, _given.Phase).AssessedBy(Actors.Mentor).Build());

        Assert.Equal("not-staff", refusal.Code);
    }

    [Fact]
    public void Risks_come_due_for_review_on_their_review_date()
    {
        var assessment = new RiskAssessmentBuilder(_given.Business, _given.Phase)
            .WithRisk(Risks.FamilyControl(new DateOnly(2013, 10, 1)))
            .WithRisk(Risks.LivestockDisease(new DateOnly(2013, 12, 1)))
            .Build();

        Assert.Empty(assessment.DueForReview(new DateOnly(2013, 9, 30)));
        Assert.Equal("Excessive family control", Assert.Single(assessment.DueForReview(new DateOnly(2013, 10, 1))).Title);
        Assert.Equal(2, assessment.DueForReview(new DateOnly(2013, 12, 1)).Count());
    }
}
