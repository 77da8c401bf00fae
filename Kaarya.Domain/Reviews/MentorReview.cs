using Kaarya.Domain.Access;
using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;
using Kaarya.Domain.Participants;
using Kaarya.Domain.Plans;

namespace Kaarya.Domain.Reviews;

/// <summary>What the mentor noted beside one part of the plan as they went through it together.</summary>
public sealed record ReviewNote
{
    public ReviewNote(PlanPart part, string note)
    {
        Rule.Require(Enum.IsDefined(part), "part-unknown", "note", "Choose the part of the plan the note is about.");
        Part = part;
        Note = Rule.RequiredText(note, "The note on a part of the plan", TextLimits.Passage);
    }

    public PlanPart Part { get; private init; }

    public string Note { get; private init; }
}

/// <summary>What a review records: what was discussed (overall, or part by part), the changes agreed, and when they meet again.</summary>
public sealed record MentorReviewContent(
    string Discussed,
    IReadOnlyList<ReviewNote> SectionNotes,
    string ChangesAgreed,
    DateOnly NextReviewOn);

/// <summary>
/// The survivor's own acknowledgement of a review: made by her (her user id), at a moment from the
/// clock, once. On her mentor's device she gives it after her own confirm step (her password).
/// </summary>
public sealed class ReviewAcknowledgement
{
    private ReviewAcknowledgement()
    {
        AcknowledgedBy = string.Empty;
    }

    internal ReviewAcknowledgement(string acknowledgedBy, DateTimeOffset acknowledgedAt)
    {
        AcknowledgedBy = acknowledgedBy;
        AcknowledgedAt = acknowledgedAt;
    }

    /// <summary>Her own user id, never the mentor's.</summary>
    public string AcknowledgedBy { get; private set; }

    public DateTimeOffset AcknowledgedAt { get; private set; }
}

/// <summary>
/// A mentor sat with the survivor and went through a version of her plan: what they discussed,
/// the changes they agreed and the date of the next review. Only a mentor assigned to her on the
/// day records it; she then acknowledges it herself. A review is never changed: a mistake or a
/// second conversation is a new review.
/// </summary>
public sealed class MentorReview : AuditableEntity
{
    public const string NotMentorCode = "not-mentor";

    public const string OnlyHerMentor = "Only her mentor records a review of her plan with her. Staff read the reviews.";

    public const string NotHerAcknowledgementCode = "not-her-acknowledgement";

    private List<ReviewNote> _sectionNotes = [];

    private MentorReview()
    {
        MentorUserId = string.Empty;
        Discussed = string.Empty;
        ChangesAgreed = string.Empty;
    }

    private MentorReview(Business business, BusinessPlan plan, Actor mentor, DateOnly reviewedOn, MentorReviewContent content, DateTimeOffset recordedAt)
    {
        BusinessId = business.Id;
        ParticipantId = business.ParticipantId;
        BusinessPlanId = plan.Id;
        PlanVersion = plan.Version;
        MentorUserId = mentor.UserId;
        ReviewedOn = reviewedOn;
        RecordedAt = recordedAt;
        Discussed = Rule.OptionalText(content.Discussed, "What you discussed", TextLimits.Passage);
        _sectionNotes = [.. content.SectionNotes.OrderBy(n => n.Part)];
        ChangesAgreed = Rule.OptionalText(content.ChangesAgreed, "The changes agreed", TextLimits.Passage);
        NextReviewOn = content.NextReviewOn;
    }

    public Guid BusinessId { get; private set; }

    /// <summary>Whose plan it is: she, and only she, acknowledges the review.</summary>
    public Guid ParticipantId { get; private set; }

    public Guid BusinessPlanId { get; private set; }

    /// <summary>The version reviewed, so the history reads without the plan beside it.</summary>
    public int PlanVersion { get; private set; }

    /// <summary>The mentor who sat with her and recorded the review.</summary>
    public string MentorUserId { get; private set; }

    public DateOnly ReviewedOn { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>What they discussed about the plan as a whole; may be empty when every note is beside a part.</summary>
    public string Discussed { get; private set; }

    /// <summary>Notes beside parts of the plan, in the order the plan reads.</summary>
    public IReadOnlyList<ReviewNote> SectionNotes => _sectionNotes.AsReadOnly();

    /// <summary>What they agreed to change; empty when they agreed the plan stands.</summary>
    public string ChangesAgreed { get; private set; }

    public DateOnly NextReviewOn { get; private set; }

    public ReviewAcknowledgement? Acknowledgement { get; private set; }

    public bool IsAcknowledged => Acknowledgement is not null;

    /// <summary>
    /// A review of <paramref name="plan"/> by <paramref name="mentor"/>, refused unless one of
    /// <paramref name="assignments"/> made her this survivor's mentor on <paramref name="reviewedOn"/>.
    /// </summary>
    public static MentorReview Record(
        Business business, BusinessPlan plan, Actor mentor, IEnumerable<MentorAssignment> assignments,
        DateOnly reviewedOn, MentorReviewContent content, DateTimeOffset recordedAt)
    {
        ArgumentNullException.ThrowIfNull(business);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(mentor);
        ArgumentNullException.ThrowIfNull(assignments);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(content.SectionNotes);
        Rule.Require(mentor.Role == KaaryaRole.Mentor, NotMentorCode, OnlyHerMentor);
        Rule.Require(plan.BusinessId == business.Id, "plan-of-another-business", "That plan belongs to another business.");
        Rule.Require(
            assignments.Any(a => a.MentorUserId == mentor.UserId && a.ParticipantId == business.ParticipantId && a.Covers(reviewedOn)),
            "not-assigned",
            $"You were not her assigned mentor on {DateFormats.Show(reviewedOn)}, so you cannot record a review of her plan. Only a mentor assigned to her can.");
        Rule.Require(reviewedOn >= plan.DraftedOn, "review-before-plan",
            $"Version {plan.Version} of the plan was drafted on {DateFormats.Show(plan.DraftedOn)}; a review of it is dated on or after that day.");
        Rule.Require(reviewedOn <= ProgrammeCalendar.Today(recordedAt), "review-in-future",
            "A review is recorded after it takes place; its date cannot be later than today.");
        Rule.Require(content.SectionNotes.Select(n => n.Part).Distinct().Count() == content.SectionNotes.Count, "note-twice",
            "Write one note for each part of the plan.");
        Rule.Require(!string.IsNullOrWhiteSpace(content.Discussed) || content.SectionNotes.Count > 0, "nothing-discussed",
            "Write what you discussed, about the whole plan or beside a part of it.");
        Rule.Require(content.NextReviewOn > reviewedOn, "next-review-date",
            $"The next review comes after this one: choose a date later than {DateFormats.Show(reviewedOn)}.");
        return new MentorReview(business, plan, mentor, reviewedOn, content, recordedAt);
    }

    /// <summary>
    /// Refuses anyone but a mentor assigned to her now, before anything is written. Whether the
    /// assignment covered the review's date is checked by <see cref="Record"/>.
    /// </summary>
    public static void EnsureRecordedByHerMentor(Viewer viewer, Guid participantId)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        Rule.Require(viewer.Role == KaaryaRole.Mentor, NotMentorCode, OnlyHerMentor);
        Rule.Require(RecordAccess.MayRecordMentorReview(viewer, participantId), "not-assigned", "any-day",
            "Only a mentor assigned to her can record a review of her plan.");
    }

    /// <summary>She acknowledges the review herself, once. Her mentor, staff or anyone else is refused.</summary>
    public void Acknowledge(Viewer survivor, DateTimeOffset at)
    {
        EnsureAcknowledgedByHerself(survivor, ParticipantId);
        Rule.Require(Acknowledgement is null, "already-acknowledged",
            $"This review was already acknowledged on {DateFormats.Show(ProgrammeCalendar.Today(Acknowledgement?.AcknowledgedAt ?? at))}; it is acknowledged once.");
        Rule.Require(at >= RecordedAt, "acknowledged-before-recorded", "A review is acknowledged after it is recorded.");
        Acknowledgement = new ReviewAcknowledgement(survivor.UserId, at);
    }

    /// <summary>Refuses anyone but the survivor whose plan was reviewed, before anything is written.</summary>
    public static void EnsureAcknowledgedByHerself(Viewer survivor, Guid participantId)
    {
        ArgumentNullException.ThrowIfNull(survivor);
        var mayAcknowledge = RecordAccess.MayAcknowledgeReview(survivor, participantId);
        Rule.Require(mayAcknowledge || survivor.Role != KaaryaRole.Mentor, NotHerAcknowledgementCode, "mentor",
            "A mentor cannot acknowledge a review for her. She acknowledges it herself, after her own confirm step.");
        Rule.Require(mayAcknowledge, NotHerAcknowledgementCode, "Only she can acknowledge a review of her plan.");
    }
}
