using Kaarya.Domain.Access;
using Kaarya.Domain.Assessments;
using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;
using Kaarya.Domain.Participants;
using Kaarya.Domain.Plans;
using Kaarya.Domain.Programmes;
using Kaarya.Domain.Reviews;
using Kaarya.Domain.Voice;

namespace Kaarya.Tests.Domain;

/// <summary>The people of the review examples as the domain sees them when they act on her record.</summary>
public static class Viewers
{
    /// <summary>The survivor herself, signed in with her participant code.</summary>
    public static Viewer Her(Participant participant)
    {
        ArgumentNullException.ThrowIfNull(participant);
        return new Viewer(new Actor(participant.Code.Value.ToLowerInvariant(), KaaryaRole.Survivor), participant.Id, new HashSet<Guid>());
    }

    public static Viewer Staff { get; } = Viewer.Staff(Actors.Staff);

    public static Viewer Manager { get; } = Viewer.Staff(Actors.Manager);

    /// <summary>mentor.bina, with the survivors currently assigned to her.</summary>
    public static Viewer MentorOf(params Participant[] mentored) =>
        new(Actors.Mentor, null, mentored.Select(p => p.Id).ToHashSet());

    public static Viewer Auditor { get; } = new(Actors.Auditor, null, new HashSet<Guid>());
}

/// <summary>Days and moments of the review examples, in the renewed phase.</summary>
public static class ReviewDays
{
    public static DateOnly Assigned { get; } = new(2013, 4, 6);

    public static DateOnly PlanDrafted { get; } = new(2013, 5, 10);

    public static DateOnly Reviewed { get; } = new(2013, 6, 25);

    public static DateOnly NextReview { get; } = new(2013, 9, 25);

    /// <summary>The evening of the review, when the mentor records it on her phone.</summary>
    public static DateTimeOffset Recorded { get; } = new(2013, 6, 25, 17, 0, 0, Days.IndiaOffset);

    /// <summary>A few minutes later, on the same phone, after her own confirm step.</summary>
    public static DateTimeOffset Acknowledged { get; } = new(2013, 6, 25, 17, 6, 0, Days.IndiaOffset);
}

/// <summary>
/// A survivor (KAA-07) with her poultry business, version 1 of its plan, a 4P stocktaking, and
/// mentor.bina assigned to her since April 2013: everything her voice and a review rest on.
/// </summary>
public sealed class ReviewCase
{
    public ReviewCase()
    {
        var programme = new Programme("Kaarya — Work that Heals");
        Phase = programme.AddPhase("Renewed phase 2013–14", Days.RenewedPhaseStarts, Days.RenewedPhaseEnds);
        Participant = new ParticipantBuilder().EnrolledIn(Phase).Build();
        Business = new BusinessBuilder().OwnedBy(Participant).Build();
        Plan = BusinessPlan.Draft(Business, ReviewDays.PlanDrafted, Actors.Staff, PlanContents.Poultry());
        Stocktaking = new StocktakingBuilder(Business, Phase).Build();
        Assignment = new MentorAssignment(Actors.Mentor.UserId, Participant, ReviewDays.Assigned);
    }

    public Phase Phase { get; }

    public Participant Participant { get; }

    public Business Business { get; }

    public BusinessPlan Plan { get; }

    public Stocktaking Stocktaking { get; }

    public MentorAssignment Assignment { get; }

    public Viewer Her => Viewers.Her(Participant);

    public Viewer Mentor => Viewers.MentorOf(Participant);

    /// <summary>Another survivor (KAA-08), with her own account, who is not part of this review.</summary>
    public Viewer SomeoneElse { get; } = Viewers.Her(new ParticipantBuilder().WithCode("KAA-08").Named("Asma").Build());

    public static MentorReviewContent Content(DateOnly? nextReviewOn = null) => new(
        Discussed: "Went through the plan together at her house; her mother joined for the costs.",
        SectionNotes:
        [
            new ReviewNote(PlanPart.Costs, "Feed costs more since the rains; she will ask two sellers."),
            new ReviewNote(PlanPart.NextSteps, "Vaccinate before the end of July."),
        ],
        ChangesAgreed: "Add a second feed seller to the plan at the next revision.",
        NextReviewOn: nextReviewOn ?? ReviewDays.NextReview);

    /// <summary>mentor.bina records a review of version 1 on the day of the review.</summary>
    public MentorReview Review(Actor? by = null, DateOnly? reviewedOn = null, MentorReviewContent? content = null, IEnumerable<MentorAssignment>? assignments = null) =>
        MentorReview.Record(
            Business, Plan, by ?? Actors.Mentor, assignments ?? [Assignment],
            reviewedOn ?? ReviewDays.Reviewed, content ?? Content(), ReviewDays.Recorded);
}

/// <summary>Her words form, filled in.</summary>
public static class HerWordsInputs
{
    public static HerWordsInput Saying(this HerWordsInput input, string words)
    {
        ArgumentNullException.ThrowIfNull(input);
        input.Words = words;
        return input;
    }
}
