using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;
using Kaarya.Domain.Plans;

namespace Kaarya.Tests.Domain;

public class PlanTests
{
    private readonly Business _business = new BusinessBuilder().Build();

    [Fact]
    public void The_first_plan_is_version_1()
    {
        var plan = BusinessPlan.Draft(_business, new DateOnly(2013, 5, 10), Actors.Staff, PlanContents.Poultry());

        Assert.Equal(1, plan.Version);
        Assert.Equal(_business.Id, plan.BusinessId);
        Assert.Equal(new DateOnly(2013, 5, 10), plan.DraftedOn);
        Assert.Equal(Actors.Staff.UserId, plan.DraftedBy);
        Assert.Equal("Eggs and broiler chickens", plan.ProductsAndServices);
    }

    [Fact]
    public void A_revision_is_a_new_version_and_the_agreed_one_stays_as_it_was()
    {
        var agreed = BusinessPlan.Draft(_business, new DateOnly(2013, 5, 10), Actors.Staff, PlanContents.Poultry());
        var revisedContent = PlanContents.Poultry() with
        {
            ProductsAndServices = "Eggs, broilers and ducks",
            ExpectedMonthlyIncome = Money.FromRupees(4_500),
        };

        var revised = agreed.Revise(new DateOnly(2013, 9, 20), Actors.Manager, revisedContent);

        Assert.Equal(2, revised.Version);
        Assert.Equal(agreed.BusinessId, revised.BusinessId);
        Assert.NotEqual(agreed.Id, revised.Id);
        Assert.Equal("Eggs, broilers and ducks", revised.ProductsAndServices);
        Assert.Equal(Money.FromRupees(4_500), revised.ExpectedMonthlyIncome);
        Assert.Equal(1, agreed.Version);
        Assert.Equal("Eggs and broiler chickens", agreed.ProductsAndServices);
        Assert.Equal(Money.FromRupees(3_000), agreed.ExpectedMonthlyIncome);
    }

    [Fact]
    public void Versions_count_on_from_the_plan_revised()
    {
        var first = BusinessPlan.Draft(_business, new DateOnly(2013, 5, 10), Actors.Staff, PlanContents.Poultry());

        var third = first
            .Revise(new DateOnly(2013, 9, 20), Actors.Staff, PlanContents.Poultry())
            .Revise(new DateOnly(2014, 1, 15), Actors.Staff, PlanContents.Poultry());

        Assert.Equal(3, third.Version);
    }

    [Fact]
    public void A_revision_cannot_be_dated_before_the_version_it_revises()
    {
        var plan = BusinessPlan.Draft(_business, new DateOnly(2013, 5, 10), Actors.Staff, PlanContents.Poultry());

        var refusal = Assert.Throws<DomainException>(() => plan.Revise(new DateOnly(2013, 5, 9), Actors.Staff, PlanContents.Poultry()));

        Assert.Equal("revision-date", refusal.Code);
        Assert.Contains("10-05-2013", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_money_asked_for_is_the_sum_of_its_intended_uses()
    {
        var plan = BusinessPlan.Draft(_business, new DateOnly(2013, 5, 10), Actors.Staff, PlanContents.Poultry());

        Assert.Equal(Money.FromRupees(8_300), plan.SeedMoneyAskedFor);
        Assert.Equal(Money.FromRupees(2_150), plan.TotalCosts);
        Assert.Equal(3, plan.IntendedUsesOfSeedMoney.Count);
    }

    [Fact]
    public void A_plan_reads_back_as_the_content_it_was_drafted_from()
    {
        var content = PlanContents.Poultry();

        var plan = BusinessPlan.Draft(_business, new DateOnly(2013, 5, 10), Actors.Staff, content);

        Assert.Equal(content.Customers, plan.Content.Customers);
        Assert.Equal(content.IntendedUsesOfSeedMoney, plan.Content.IntendedUsesOfSeedMoney);
        Assert.Equal(content.NextSteps, plan.Content.NextSteps);
    }

    [Fact]
    public void A_plan_needs_its_products_or_services()
    {
        var refusal = Assert.Throws<DomainException>(() => BusinessPlan.Draft(
            _business, new DateOnly(2013, 5, 10), Actors.Staff, PlanContents.Poultry() with { ProductsAndServices = "" }));

        Assert.Equal("required", refusal.Code);
        Assert.Equal("Products and services is required.", refusal.Message);
    }

    [Fact]
    public void A_plan_needs_its_customers()
    {
        var refusal = Assert.Throws<DomainException>(() => BusinessPlan.Draft(
            _business, new DateOnly(2013, 5, 10), Actors.Staff, PlanContents.Poultry() with { Customers = " " }));

        Assert.Equal("required", refusal.Code);
    }

    [Fact]
    public void A_plan_needs_its_next_steps()
    {
        var refusal = Assert.Throws<DomainException>(() => BusinessPlan.Draft(
            _business, new DateOnly(2013, 5, 10), Actors.Staff, PlanContents.Poultry() with { NextSteps = "" }));

        Assert.Equal("required", refusal.Code);
    }

    [Fact]
    public void Expected_income_below_zero_is_refused()
    {
        var refusal = Assert.Throws<DomainException>(() => BusinessPlan.Draft(
            _business, new DateOnly(2013, 5, 10), Actors.Staff, PlanContents.Poultry() with { ExpectedMonthlyIncome = Money.FromRupees(-1) }));

        Assert.Equal("income-negative", refusal.Code);
    }

    [Fact]
    public void A_line_item_below_zero_is_refused()
    {
        var refusal = Assert.Throws<DomainException>(() => new PlanLineItem("Refund from the feed seller", Money.FromRupees(-200)));

        Assert.Equal("line-negative", refusal.Code);
        Assert.Contains("Refund from the feed seller", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_item_needs_a_description()
    {
        var refusal = Assert.Throws<DomainException>(() => new PlanLineItem("", Money.FromRupees(200)));

        Assert.Equal("required", refusal.Code);
    }

    [Fact]
    public void A_mentor_does_not_draft_a_plan()
    {
        var refusal = Assert.Throws<DomainException>(() =>
            BusinessPlan.Draft(_business, new DateOnly(2013, 5, 10), Actors.Mentor, PlanContents.Poultry()));

        Assert.Equal("not-staff", refusal.Code);
    }
}
