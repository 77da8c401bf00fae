using Kaarya.Domain.Common;
using Kaarya.Domain.Participants;
using Kaarya.Domain.Plans;
using Kaarya.Domain.Reviews;

namespace Kaarya.Tests.Domain;

/// <summary>A mentor's review of her plan: recorded by her assigned mentor, acknowledged by her, once.</summary>
public class MentorReviewTests
{
    private readonly ReviewCase _given = new();

    [Fact]
    public void Her_assigned_mentor_records_a_review_of_a_plan_version()
    {
        var review = _given.Review();

        Assert.Equal(_given.Plan.Id, review.BusinessPlanId);
        Assert.Equal(1, review.PlanVersion);
        Assert.Equal(_given.Participant.Id, review.ParticipantId);
        Assert.Equal("mentor.bina", review.MentorUserId);
        Assert.Equal(ReviewDays.Reviewed, review.ReviewedOn);
        Assert.Equal(ReviewDays.Recorded, review.RecordedAt);
        Assert.Equal(ReviewDays.NextReview, review.NextReviewOn);
        Assert.Equal([PlanPart.Costs, PlanPart.NextSteps], review.SectionNotes.Select(n => n.Part));
        Assert.Equal("Add a second feed seller to the plan at the next revision.", review.ChangesAgreed);
        Assert.False(review.IsAcknowledged);
    }

    [Fact]
    public void A_mentor_not_assigned_to_her_is_refused_with_a_clear_sentence()
    {
        var someoneElsesMentor = new MentorAssignment("mentor.bina", new ParticipantBuilder().WithCode("KAA-08").Build(), ReviewDays.Assigned);

        var refusal = Assert.Throws<DomainException>(() => _given.Review(assignments: [someoneElsesMentor]));

        Assert.Equal("not-assigned", refusal.Code);
        Assert.Equal("You were not her assigned mentor on 25-06-2013, so you cannot record a review of her plan. Only a mentor assigned to her can.", refusal.Message);
    }

    [Fact]
    public void Another_mentors_assignment_does_not_let_this_mentor_record()
    {
        var otherMentor = new Actor("mentor.lipika", KaaryaRole.Mentor);

        var refusal = Assert.Throws<DomainException>(() => _given.Review(by: otherMentor));

        Assert.Equal("not-assigned", refusal.Code);
    }

    [Fact]
    public void A_review_dated_before_her_assignment_began_or_after_it_ended_is_refused()
    {
        var ended = new MentorAssignment("mentor.bina", _given.Participant, ReviewDays.Assigned);
        ended.End(new DateOnly(2013, 6, 1), Actors.Manager);

        var afterEnd = Assert.Throws<DomainException>(() => _given.Review(assignments: [ended]));
        var beforeStart = Assert.Throws<DomainException>(() => _given.Review(
            assignments: [new MentorAssignment("mentor.bina", _given.Participant, new DateOnly(2013, 7, 1))]));

        Assert.Equal("not-assigned", afterEnd.Code);
        Assert.Equal("not-assigned", beforeStart.Code);
    }

    [Fact]
    public void The_last_day_of_an_assignment_still_counts()
    {
        var ending = new MentorAssignment("mentor.bina", _given.Participant, ReviewDays.Assigned);
        ending.End(ReviewDays.Reviewed, Actors.Manager);

        Assert.Equal("mentor.bina", _given.Review(assignments: [ending]).MentorUserId);
    }

    [Fact]
    public void Staff_do_not_record_reviews_they_read_them()
    {
        var refusal = Assert.Throws<DomainException>(() => _given.Review(by: Actors.Staff));

        Assert.Equal("not-mentor", refusal.Code);
        Assert.Equal("Only her mentor records a review of her plan with her. Staff read the reviews.", refusal.Message);
    }

    [Fact]
    public void The_next_review_is_after_this_one()
    {
        var refusal = Assert.Throws<DomainException>(() => _given.Review(content: ReviewCase.Content(nextReviewOn: ReviewDays.Reviewed)));

        Assert.Equal("next-review-date", refusal.Code);
        Assert.Contains("later than 25-06-2013", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_review_cannot_be_dated_before_the_plan_version_it_reviews()
    {
        var refusal = Assert.Throws<DomainException>(() => _given.Review(reviewedOn: new DateOnly(2013, 5, 9)));

        Assert.Equal("review-before-plan", refusal.Code);
        Assert.Contains("10-05-2013", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_review_cannot_be_dated_after_the_day_it_is_recorded()
    {
        var refusal = Assert.Throws<DomainException>(() => _given.Review(reviewedOn: ReviewDays.Reviewed.AddDays(1)));

        Assert.Equal("review-in-future", refusal.Code);
    }

    [Fact]
    public void A_review_says_what_was_discussed_overall_or_beside_a_part()
    {
        var onlyOverall = ReviewCase.Content() with { SectionNotes = [] };
        var onlyBesideParts = ReviewCase.Content() with { Discussed = "" };
        var nothing = ReviewCase.Content() with { Discussed = " ", SectionNotes = [] };

        Assert.Empty(_given.Review(content: onlyOverall).SectionNotes);
        Assert.Equal(string.Empty, _given.Review(content: onlyBesideParts).Discussed);
        Assert.Equal("nothing-discussed", Assert.Throws<DomainException>(() => _given.Review(content: nothing)).Code);
    }

    [Fact]
    public void Two_notes_beside_the_same_part_are_refused()
    {
        var twice = ReviewCase.Content() with
        {
            SectionNotes = [new ReviewNote(PlanPart.Costs, "Feed"), new ReviewNote(PlanPart.Costs, "Vaccines")],
        };

        Assert.Equal("note-twice", Assert.Throws<DomainException>(() => _given.Review(content: twice)).Code);
    }

    [Fact]
    public void She_acknowledges_the_review_herself_with_her_own_id_and_the_moment()
    {
        var review = _given.Review();

        review.Acknowledge(_given.Her, ReviewDays.Acknowledged);

        Assert.True(review.IsAcknowledged);
        Assert.Equal("kaa-07", review.Acknowledgement!.AcknowledgedBy);
        Assert.Equal(ReviewDays.Acknowledged, review.Acknowledgement.AcknowledgedAt);
    }

    [Fact]
    public void A_mentor_can_never_acknowledge_a_review_for_her()
    {
        var review = _given.Review();

        var refusal = Assert.Throws<DomainException>(() => review.Acknowledge(_given.Mentor, ReviewDays.Acknowledged));

        Assert.Equal(MentorReview.NotHerAcknowledgementCode, refusal.Code);
        Assert.Equal("A mentor cannot acknowledge a review for her. She acknowledges it herself, after her own confirm step.", refusal.Message);
        Assert.False(review.IsAcknowledged);
    }

    [Fact]
    public void Staff_and_other_survivors_cannot_acknowledge_it_either()
    {
        var review = _given.Review();

        Assert.Equal(MentorReview.NotHerAcknowledgementCode, Assert.Throws<DomainException>(() => review.Acknowledge(Viewers.Staff, ReviewDays.Acknowledged)).Code);
        Assert.Equal(MentorReview.NotHerAcknowledgementCode, Assert.Throws<DomainException>(() => review.Acknowledge(_given.SomeoneElse, ReviewDays.Acknowledged)).Code);
        Assert.False(review.IsAcknowledged);
    }

    [Fact]
    public void Acknowledging_twice_is_refused_and_the_first_acknowledgement_stands()
    {
        var review = _given.Review();
        review.Acknowledge(_given.Her, ReviewDays.Acknowledged);

        var refusal = Assert.Throws<DomainException>(() => review.Acknowledge(_given.Her, ReviewDays.Acknowledged.AddDays(1)));

        Assert.Equal("already-acknowledged", refusal.Code);
        Assert.Equal("This review was already acknowledged on 25-06-2013; it is acknowledged once.", refusal.Message);
        Assert.Equal(ReviewDays.Acknowledged, review.Acknowledgement!.AcknowledgedAt);
    }

    [Fact]
    public void A_review_is_not_acknowledged_before_it_was_recorded()
    {
        var review = _given.Review();

        var refusal = Assert.Throws<DomainException>(() => review.Acknowledge(_given.Her, ReviewDays.Recorded.AddMinutes(-1)));

        Assert.Equal("acknowledged-before-recorded", refusal.Code);
    }

    [Fact]
    public void The_review_form_goes_through_the_plan_part_by_part_and_keeps_only_the_parts_written()
    {
        var input = MentorReviewInput.For(_given.Plan, ReviewDays.Reviewed);
        input.Section(PlanPart.Customers).Note = "Add the Monday market.";
        input.NextReviewOn = ReviewDays.NextReview;

        var content = input.ToContent();

        Assert.Equal(Enum.GetValues<PlanPart>(), input.Sections.Select(s => s.Part));
        Assert.True(new MentorReviewInputValidator().Validate(input).IsValid);
        var note = Assert.Single(content.SectionNotes);
        Assert.Equal(PlanPart.Customers, note.Part);
    }

    [Fact]
    public void The_review_form_checks_its_fields()
    {
        var input = MentorReviewInput.For(_given.Plan, ReviewDays.Reviewed);
        input.NextReviewOn = ReviewDays.Reviewed;

        var errors = new MentorReviewInputValidator().Validate(input).Errors.Select(e => e.ErrorMessage);

        Assert.Equal(
            ["Write what you discussed, about the whole plan or beside a part of it.", "The next review comes after this one: choose a later date."],
            errors);
    }
}
