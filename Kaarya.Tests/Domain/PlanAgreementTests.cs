using Kaarya.Domain.Common;
using Kaarya.Domain.Voice;

namespace Kaarya.Tests.Domain;

/// <summary>Whether she agrees with her plan: her answer alone, on the plan as it now stands.</summary>
public class PlanAgreementTests
{
    private static readonly DateTimeOffset Evening = new(2013, 6, 25, 18, 0, 0, Days.IndiaOffset);

    private readonly ReviewCase _given = new();

    [Fact]
    public void She_agrees_with_the_latest_version_of_her_plan()
    {
        var answer = PlanAgreement.Say(_given.Business, _given.Plan, latestVersion: 1, previous: null, _given.Her, PlanAnswer.Agree, "", Evening);

        Assert.True(answer.Agrees);
        Assert.Equal(_given.Plan.Id, answer.BusinessPlanId);
        Assert.Equal(1, answer.PlanVersion);
        Assert.Equal("kaa-07", answer.SaidBy);
        Assert.Equal(Evening, answer.SaidAt);
        Assert.Equal(string.Empty, answer.Words);
        Assert.Equal(1, answer.Revision);
    }

    [Fact]
    public void Not_yet_is_an_answer_with_her_own_words_and_a_later_answer_counts()
    {
        var notYet = PlanAgreement.Say(_given.Business, _given.Plan, 1, null, _given.Her, PlanAnswer.NotYet, "I want to talk to my mother about the coop first.", Evening);

        var agreed = PlanAgreement.Say(_given.Business, _given.Plan, 1, notYet, _given.Her, PlanAnswer.Agree, "My mother will help with the coop.", Evening.AddDays(4));

        Assert.False(notYet.Agrees);
        Assert.Equal(2, agreed.Revision);
        var voice = new HerVoice([], [notYet, agreed]);
        Assert.Same(agreed, voice.AnswerOn(_given.Plan.Id));
        Assert.Equal([agreed, notYet], voice.AnswersOn(_given.Plan.Id));
    }

    [Fact]
    public void Staff_cannot_agree_for_her()
    {
        var refusal = Assert.Throws<DomainException>(() =>
            PlanAgreement.Say(_given.Business, _given.Plan, 1, null, Viewers.Staff, PlanAnswer.Agree, "", Evening));

        Assert.Equal(HerWords.NotHersCode, refusal.Code);
        Assert.Equal("Only she can say whether she agrees with her plan. Staff and her mentor can read her answer, not give it for her.", refusal.Message);
    }

    [Fact]
    public void Her_mentor_cannot_agree_for_her()
    {
        var refusal = Assert.Throws<DomainException>(() =>
            PlanAgreement.Say(_given.Business, _given.Plan, 1, null, _given.Mentor, PlanAnswer.Agree, "", Evening));

        Assert.Equal(HerWords.NotHersCode, refusal.Code);
    }

    [Fact]
    public void An_answer_on_a_version_since_revised_is_refused_naming_the_version_to_answer()
    {
        var refusal = Assert.Throws<DomainException>(() =>
            PlanAgreement.Say(_given.Business, _given.Plan, latestVersion: 2, null, _given.Her, PlanAnswer.Agree, "", Evening));

        Assert.Equal("plan-superseded", refusal.Code);
        Assert.Equal("Version 1 of the plan has been revised; say whether you agree with version 2.", refusal.Message);
    }

    [Fact]
    public void The_same_answer_twice_is_refused_so_a_second_tap_stores_nothing()
    {
        var agreed = PlanAgreement.Say(_given.Business, _given.Plan, 1, null, _given.Her, PlanAnswer.Agree, "Yes", Evening);

        var refusal = Assert.Throws<DomainException>(() =>
            PlanAgreement.Say(_given.Business, _given.Plan, 1, agreed, _given.Her, PlanAnswer.Agree, "Yes ", Evening.AddMinutes(1)));

        Assert.Equal("same-answer", refusal.Code);
    }

    [Fact]
    public void Her_answer_form_needs_a_choice()
    {
        var validator = new PlanAgreementInputValidator();

        var errors = validator.Validate(new PlanAgreementInput { BusinessPlanId = _given.Plan.Id }).Errors.Select(e => e.ErrorMessage);

        Assert.Equal(["Choose \"I agree\" or \"Not yet\"."], errors);
        Assert.True(validator.Validate(new PlanAgreementInput { BusinessPlanId = _given.Plan.Id, Answer = PlanAnswer.NotYet }).IsValid);
    }
}
